/** A mark's box for keyboard navigation, and the class it belongs to. */
export interface NavBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  group: number;
}

/**
 * The mark an arrow, Home/End or PageUp/PageDown key moves to from `from` (an index into
 * `boxes`, in reading order). Arrows go to the nearest mark in that direction, by centre,
 * with sideways distance counting double, so a move stays in its row or column where it
 * can. PageUp/PageDown jump to the first mark of the previous/next class. `null` start:
 * the first mark.
 */
export function moveFocus(boxes: readonly NavBox[], from: number | null, key: string): number | null {
  const n = boxes.length;
  if (n === 0) return null;
  if (from === null || from < 0 || from >= n) return key === 'End' ? n - 1 : 0;
  if (key === 'Home') return 0;
  if (key === 'End') return n - 1;
  const f = boxes[from];
  if (key === 'PageDown' || key === 'PageUp') {
    const down = key === 'PageDown';
    if (down) {
      for (let i = from + 1; i < n; i++) if (boxes[i].group !== f.group) return i;
      return from;
    }
    // The first mark of the previous class (or of this one, from inside it).
    let i = from;
    while (i > 0 && boxes[i - 1].group === f.group) i--;
    if (i !== from) return i;
    if (i === 0) return from;
    const g = boxes[i - 1].group;
    while (i > 0 && boxes[i - 1].group === g) i--;
    return i;
  }
  const dir =
    key === 'ArrowRight'
      ? [1, 0]
      : key === 'ArrowLeft'
        ? [-1, 0]
        : key === 'ArrowDown'
          ? [0, 1]
          : key === 'ArrowUp'
            ? [0, -1]
            : null;
  if (!dir) return from;
  const fx = (f.x0 + f.x1) / 2;
  const fy = (f.y0 + f.y1) / 2;
  let best = from;
  let bestScore = Infinity;
  for (let i = 0; i < n; i++) {
    if (i === from) continue;
    const b = boxes[i];
    // Ahead of the current box's far edge in the direction of travel.
    const ahead =
      dir[0] > 0
        ? b.x0 >= f.x1 - 0.5
        : dir[0] < 0
          ? b.x1 <= f.x0 + 0.5
          : dir[1] > 0
            ? b.y0 >= f.y1 - 0.5
            : b.y1 <= f.y0 + 0.5;
    if (!ahead) continue;
    const cx = (b.x0 + b.x1) / 2;
    const cy = (b.y0 + b.y1) / 2;
    const along = dir[0] !== 0 ? (cx - fx) * dir[0] : (cy - fy) * dir[1];
    // Sideways: distance between the intervals (0 when they overlap).
    const side = dir[0] !== 0 ? Math.max(0, b.y0 - f.y1, f.y0 - b.y1) : Math.max(0, b.x0 - f.x1, f.x0 - b.x1);
    const score = along + 2 * side;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}
