import type { TreeNode } from './tree.js';

/** Width of a text in CSS pixels at the chart's font. */
export type Measure = (text: string) => number;

/** A rectangle to fit text into. */
export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The first candidate (a list of lines) that fits inside `rect` with `pad` on every side,
 * or `null` when none does. Candidates go from most to least informative, so a cell shows
 * as much as fits and a label never spills over its cell — hence never overlaps another.
 */
export function fitLabel(
  rect: Rect,
  candidates: readonly (readonly string[])[],
  measure: Measure,
  lineHeight: number,
  pad = 4,
): readonly string[] | null {
  const w = rect.x1 - rect.x0 - 2 * pad;
  const h = rect.y1 - rect.y0 - 2 * pad;
  if (w <= 0 || h < lineHeight) return null;
  for (const lines of candidates) {
    if (lines.length === 0 || lines.length * lineHeight > h) continue;
    if (lines.every((t) => t !== '' && measure(t) <= w)) return lines;
  }
  return null;
}

/** "✓" or "✗" for a correctness flag. */
export const mark = (right: boolean): string => (right ? '✓' : '✗');

/**
 * What a cell can say, most first: its path below the class with model names
 * (`M0 ✓ M1 ✗`) over the count, then the marks alone (`✓✗`), then the count. A class
 * that is itself a leaf (no model levels) says its name and count.
 */
export function cellCandidates(path: readonly TreeNode[], count: string): string[][] {
  const below = path.slice(1);
  if (below.length === 0) {
    const name = path[0]?.name ?? '';
    return [[name, count], [`${name} ${count}`], [name], [count]];
  }
  const full = below.map((n) => describeStep(n)).join(' ');
  const compact = below.map((n) => shortStep(n)).join('');
  const out: string[][] = [[full, count], [`${full} ${count}`], [compact, count], [`${compact} ${count}`], [count]];
  return out;
}

/** A model level's node as text: `M0 ✓`, or `M0: 7` when the level splits on the predicted class. */
export function describeStep(n: TreeNode): string {
  if (n.level === 'correct' && n.model !== undefined && n.correct !== undefined) return `${n.model} ${mark(n.correct)}`;
  if (n.level === 'predicted' && n.model !== undefined) return `${n.model}: ${String(n.key)}`;
  return n.name;
}

/** A model level's node in one or two characters: `✓`/`✗`, or the predicted class. */
function shortStep(n: TreeNode): string {
  if (n.level === 'correct' && n.correct !== undefined) return mark(n.correct);
  if (n.level === 'predicted') return `${String(n.key)}${n.correct === undefined ? '' : mark(n.correct)} `;
  return `${n.name} `;
}

/**
 * Header band text of a class: name and count (one line, the count after two spaces —
 * drawn lighter), else the name alone.
 */
export function headerCandidates(name: string, count: string): string[][] {
  return [[`${name}  ${count}`], [name]];
}
