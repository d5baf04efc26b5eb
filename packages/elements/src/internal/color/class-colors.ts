import { compareKeys, type Key } from '@classlens/core';
import { OTHER_COLOR, PALETTE, slotColor } from './palette.js';

/**
 * Explicit colours for keys that carry a meaning (kept / flagged, right / wrong): a plain
 * object keyed by the key's string form, a `Map`, or a function returning a CSS colour
 * (or nothing, to fall back to the palette).
 */
export type ColorMap =
  Readonly<Record<string, string>> | ReadonlyMap<Key, string> | ((key: Key) => string | null | undefined);

/** Looks a key up in a {@link ColorMap}; `undefined` when it has no explicit colour. */
export function explicitColor(colors: ColorMap | null | undefined, key: Key): string | undefined {
  if (colors == null) return undefined;
  if (typeof colors === 'function') {
    const c = colors(key);
    return typeof c === 'string' && c ? c : undefined;
  }
  if (colors instanceof Map) {
    const c = colors.get(key) ?? colors.get(String(key));
    return typeof c === 'string' && c ? c : undefined;
  }
  // Own properties only: a class named "constructor" or "__proto__" must not find
  // Object.prototype's members.
  const rec = colors as Readonly<Record<string, string>>;
  const k = String(key);
  if (!Object.prototype.hasOwnProperty.call(rec, k)) return undefined;
  const c = rec[k];
  return typeof c === 'string' && c ? c : undefined;
}

/**
 * One colour per class, shared by every view that shows the same classes: class `k` gets
 * palette slot = its rank in the sorted domain (core's `compareKeys` order), so the
 * assignment depends only on the set of classes, never on which view registered them
 * first or on counts. Keys compare by their string form (`1` and `"1"` share a colour).
 *
 * Give one instance to several elements (`colorScale` property, or let `<cl-linked>` do
 * it) and a class keeps its colour across all of them. When a view brings classes the
 * scale has not seen, {@link extend} adds them, re-ranks, and fires `change`, so every
 * view using the scale redraws with the new assignment.
 *
 * @example
 * const scale = new ClassColorScale(['cat', 'dog'], { colors: { Other: '#999' } });
 * flow.colorScale = scale; table.colorScale = scale;
 */
export class ClassColorScale extends EventTarget {
  private keys: Key[] = [];
  private rank = new Map<string, number>();
  /** Explicit colours; they win over the palette. */
  colors: ColorMap | null;

  constructor(domain: Iterable<Key> = [], options: { colors?: ColorMap | null } = {}) {
    super();
    this.colors = options.colors ?? null;
    this.extend(domain);
  }

  /** The classes known to the scale, in slot order. */
  get domain(): readonly Key[] {
    return this.keys;
  }

  /**
   * Adds classes the scale has not seen. Returns `true` (and fires `change`) when the
   * domain grew, in which case slots after the new keys shift.
   */
  extend(keys: Iterable<Key>): boolean {
    const fresh: Key[] = [];
    for (const k of keys) {
      if (k == null || (typeof k !== 'string' && typeof k !== 'number')) continue;
      const s = String(k);
      if (this.rank.has(s)) continue;
      this.rank.set(s, -1);
      fresh.push(k);
    }
    if (fresh.length === 0) return false;
    this.keys = [...this.keys, ...fresh].sort(compareKeys);
    this.rank.clear();
    this.keys.forEach((k, i) => this.rank.set(String(k), i));
    this.dispatchEvent(new Event('change'));
    return true;
  }

  /** Palette slot of `key`, or -1 when the scale does not know it. */
  slot(key: Key): number {
    return this.rank.get(String(key)) ?? -1;
  }

  /**
   * The colour of `key`: its explicit colour, else its palette slot's colour in `base`
   * (the 20 theme colours; default {@link PALETTE}), else `otherColor` for unknown keys.
   */
  color(key: Key, base: readonly string[] = PALETTE, otherColor = OTHER_COLOR): string {
    const c = explicitColor(this.colors, key);
    if (c) return c;
    const s = this.slot(key);
    return s < 0 ? otherColor : slotColor(s, base);
  }
}
