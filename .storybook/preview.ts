// Storybook preview: autodocs from the custom-elements manifest, a light/dark/auto theme
// toolbar, and actions for every event the manifest declares (cl-hover, cl-select, …).
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import { useEffect } from 'storybook/preview-api';
import './preview.css';

interface Member {
  name?: string;
  kind?: string;
  privacy?: string;
  static?: boolean;
}
interface Declaration {
  tagName?: string;
  members?: Member[];
  events?: Array<{ name?: string }>;
}
interface Manifest {
  modules?: Array<{ declarations?: Declaration[] }>;
}

// A glob, not an import, so a missing manifest (before the first build) is no error.
const found = import.meta.glob<Manifest>('../packages/elements/custom-elements.json', {
  eager: true,
  import: 'default',
});
const manifest: Manifest = Object.values(found)[0] ?? { modules: [] };

// Autodocs and controls show the public API only: the analyzer also lists private and
// protected members (state, handlers), which are no controls a page author has.
const isPublic = (m: Member) =>
  !m.static && (m.privacy ?? 'public') === 'public' && !m.name?.startsWith('_') && !m.name?.startsWith('#');
setCustomElementsManifest({
  ...manifest,
  modules: (manifest.modules ?? []).map((mod) => ({
    ...mod,
    declarations: (mod.declarations ?? []).map((d) => (d.members ? { ...d, members: d.members.filter(isPublic) } : d)),
  })),
});

// Events every element emits, plus whatever the manifest lists per element.
const BASE_EVENTS = ['cl-hover', 'cl-select', 'cl-error', 'cl-warning'];
const manifestEvents = (manifest.modules ?? [])
  .flatMap((m) => m.declarations ?? [])
  .flatMap((d) => d.events ?? [])
  .map((e) => e.name)
  .filter((name): name is string => typeof name === 'string' && name.startsWith('cl-'));
const eventNames = [...new Set([...BASE_EVENTS, ...manifestEvents])].sort();

type Theme = 'light' | 'dark' | 'auto';

/** Puts the toolbar theme on the page and on every `cl-*` element of the story. */
function applyTheme(theme: Theme): void {
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.classList.toggle('cl-theme-dark', theme === 'dark');
  for (const el of document.querySelectorAll('#storybook-root *, .docs-story *')) {
    if (el.localName.startsWith('cl-')) el.setAttribute('theme', theme);
  }
}

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    actions: { handles: eventNames },
    controls: { expanded: true, sort: 'requiredFirst' },
    docs: { toc: true },
    layout: 'padded',
    options: { storySort: { order: ['Introduction', 'Elements', '*'] } },
  },
  globalTypes: {
    theme: {
      description: 'Colour theme of the elements and the page',
      toolbar: {
        title: 'Theme',
        icon: 'mirror',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'auto', title: 'Follow the OS', icon: 'browser' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light' },
  decorators: [
    withActions,
    (story, context) => {
      const theme = (context.globals.theme ?? 'light') as Theme;
      useEffect(() => {
        applyTheme(theme);
        // Stories may render their elements a frame later (data fetched, etc.).
        const id = requestAnimationFrame(() => applyTheme(theme));
        return () => cancelAnimationFrame(id);
      });
      return story();
    },
  ],
};

export default preview;
