// Example data shared by the stories: real model outputs from examples/ (see
// docs/data-formats.md). Class indices are mapped to class names once here.
import digitsHeldOut from '../examples/data/digits.json';
import digitsCv from '../examples/data/digits-cv.json';

interface DigitsModel {
  id: string;
  name: string;
  label?: string;
  accuracy: number;
  pred: number[];
  probs: number[][];
  logits: number[][];
}
interface Digits {
  classes: string[];
  truth: number[];
  images: number[][];
  models: DigitsModel[];
}

function named(d: Digits) {
  const name = (i: number) => d.classes[i];
  return {
    classes: d.classes,
    truth: d.truth.map(name),
    images: d.images,
    models: d.models.map((m) => ({ ...m, predNames: m.pred.map(name) })),
  };
}

/** 540 held-out UCI digits, three models of increasing quality (M0 → M1 → M2). */
export const digits = named(digitsHeldOut as unknown as Digits);
/** All 1,797 UCI digits with 5-fold cross-validated predictions of the same three models. */
export const digitsAll = named(digitsCv as unknown as Digits);

import catalogueJson from '../examples/data/catalogue.json';
import moviesJson from '../examples/data/movies.json';

/** A generated e-commerce catalogue (2,000 products): department → category → subcategory, label source, decision. */
export const catalogue = (catalogueJson as unknown as { items: Record<string, string>[] }).items;
/** 1,500 generated films: director, colour, genre. */
export const movies = (moviesJson as unknown as { items: Record<string, string | number>[] }).items;
