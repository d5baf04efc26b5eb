const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

/** `12,345` */
export const formatCount = (v: number): string => (Number.isFinite(v) ? integer.format(v) : '–');
/** `12.3%`; `–` for NaN (no items to condition on). */
export const formatPercent = (v: number): string => (Number.isFinite(v) ? percent.format(v) : '–');
/** `12.3K` */
export const formatCompact = (v: number): string => (Number.isFinite(v) ? compact.format(v) : '–');

/** Shortens `s` to at most `max` characters with an ellipsis (by code point, so emoji stay whole). */
export function truncate(s: string, max: number): string {
  const cps = Array.from(s);
  return cps.length <= max ? s : cps.slice(0, Math.max(1, max - 1)).join('') + '…';
}
