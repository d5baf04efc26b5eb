// Code snippets of README.md and docs/**/*.md that are marked to be tested. A fence's info
// string carries the mark after the language:
//
//   ```js run              Node, from the repository root (after `npm run build`)
//   ```html run            a page in Chromium; /classlens.js is the CDN bundle, other
//                          absolute paths are files of examples/data/
//   ```tsx check           type-checked in the outside project of test/packaging/run.mjs,
//   ```tsx check=react18   with React 19's types (default), React 18's, or vue-tsc
//   ```vue check           (all snippets of one target form one program, so a typings
//   ```ts check=vue        reference in one snippet applies to the others)
//
// Unmarked snippets are prose (shell sessions, fragments) and are not run.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** README.md and every Markdown file under docs/. */
export function docFiles() {
  const out = [join(root, 'README.md')];
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.md')) out.push(p);
    }
  };
  walk(join(root, 'docs'));
  return out;
}

/**
 * Every fenced block of `files`: `{ file, line, lang, mode, target, code, id, where }`,
 * `mode` being 'run', 'check' or null, `id` unique and usable as a file name.
 */
export function fences(files = docFiles()) {
  const out = [];
  for (const file of files) {
    const lines = readFileSync(file, 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const open = /^(\s*)(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(lines[i]);
      if (!open) continue;
      const [, indent, fence, lang, meta] = open;
      const start = i;
      const body = [];
      for (i++; i < lines.length && !lines[i].trimStart().startsWith(fence); i++) {
        body.push(lines[i].startsWith(indent) ? lines[i].slice(indent.length) : lines[i]);
      }
      const words = meta.trim().split(/\s+/).filter(Boolean);
      const markWord = words.find((w) => /^(run|check)(=|$)/.test(w));
      const [mode, target] = markWord ? markWord.split('=') : [null, undefined];
      const rel = relative(root, file);
      out.push({
        file: rel,
        line: start + 1,
        lang: lang.toLowerCase(),
        mode,
        target: target ?? null,
        code: body.join('\n') + '\n',
        id: `${basename(file, '.md').replace(/[^\w-]/g, '_')}-${start + 1}`,
        where: `${rel}:${start + 1}`,
      });
    }
  }
  return out;
}

/** The marked snippets only. */
export function snippets(files) {
  return fences(files).filter((f) => f.mode);
}
