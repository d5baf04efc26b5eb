/** A function that receives non-fatal warnings. */
export type WarningHandler = (message: string) => void;

const seen = new Set<string>();
let handler: WarningHandler = (message) => {
  if (typeof console !== 'undefined') console.warn(`classlens: ${message}`);
};

/** Replaces where warnings go (default: `console.warn`, once per message). */
export function setWarningHandler(h: WarningHandler): void {
  handler = h;
}

/** Emits `message` once per process/page (Observable Plot's rule: warnings are deduplicated). */
export function warnOnce(message: string): void {
  if (seen.has(message)) return;
  seen.add(message);
  handler(message);
}
