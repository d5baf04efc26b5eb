// Data of the framework test apps: small, fixed, and with a visible change between the
// first and the updated data set (a fourth class appears).

/** Parallel key columns: one true label and one prediction per item. */
export interface Labels {
  truth: string[];
  pred: string[];
}

function build(classes: string[], n: number, shift: number): Labels {
  const truth: string[] = [];
  const pred: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = i % classes.length;
    // Every third item of every other class is mistaken for the next class.
    const wrong = i % 3 === 0 && (i + shift) % 2 === 0;
    truth.push(classes[t]);
    pred.push(classes[wrong ? (t + 1) % classes.length : t]);
  }
  return { truth, pred };
}

export const FIRST: Labels = build(['cat', 'dog', 'bird'], 90, 0);
export const UPDATED: Labels = build(['cat', 'dog', 'bird', 'fish'], 120, 1);

/** The same contents in new arrays, as a refetch or a store without structural sharing gives. */
export const copy = (d: Labels): Labels => ({ truth: [...d.truth], pred: [...d.pred] });
