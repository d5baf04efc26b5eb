import { ClasslensError, type Key, type MetricsLevel, type MetricsNode } from '@classlens/core';

/**
 * A node of the drawn tree: core's {@link MetricsNode} copied into a shape the view owns
 * (parent links, depth, a pre-order id), so the caller's tree is never written to.
 */
export interface TreeNode {
  /** Pre-order position in the tree (root 0). */
  readonly id: number;
  readonly name: string;
  /** Core's level, or `null` for a node of a precomputed tree that does not say. */
  readonly level: MetricsLevel | null;
  readonly key: Key | undefined;
  readonly model: string | undefined;
  readonly correct: boolean | undefined;
  /** Items under the node. */
  readonly count: number;
  /** Items of a leaf, when known. */
  readonly indices: Uint32Array | null;
  readonly children: readonly TreeNode[] | null;
  readonly parent: TreeNode | null;
  /** 0 for the root, 1 for a true class, … */
  readonly depth: number;
}

/** Deepest precomputed tree accepted (a model level per model, plus truth and root). */
export const MAX_DEPTH = 16;
/** Most nodes in a precomputed tree: the drawing has one SVG element per node. */
export const MAX_NODES = 100_000;

const LEVELS: readonly MetricsLevel[] = ['root', 'truth', 'correct', 'predicted'];

interface Mutable {
  id: number;
  name: string;
  level: MetricsLevel | null;
  key: Key | undefined;
  model: string | undefined;
  correct: boolean | undefined;
  count: number;
  indices: Uint32Array | null;
  children: Mutable[] | null;
  parent: Mutable | null;
  depth: number;
}

/**
 * Copies a metrics tree into {@link TreeNode}s. `trusted` trees come from core's
 * `metricsHierarchy` (already valid); any other is checked first and throws
 * `INVALID_ARGUMENT` (not a tree, too deep or too large, a leaf without a finite
 * non-negative `value`, bad `indices`) or `NON_FINITE`. Leaves with no items are left
 * out, as core does, so every drawn cell has an area.
 */
export function toTree(input: MetricsNode, trusted: boolean): TreeNode {
  let nodes = 0;
  let nextId = 0;
  const visit = (d: unknown, path: string, depth: number, parent: Mutable | null): Mutable | null => {
    if (!trusted) {
      if (d === null || typeof d !== 'object') throw bad(`${path}: expected a node object`);
      if (depth >= MAX_DEPTH) throw bad(`${path}: deeper than ${MAX_DEPTH} levels`);
      if (++nodes > MAX_NODES) throw bad(`more than ${MAX_NODES} nodes`);
    }
    const o = d as Partial<MetricsNode> & Record<string, unknown>;
    const kids = o.children;
    const node: Mutable = {
      id: nextId++,
      name: nameOf(o),
      level: typeof o.level === 'string' && LEVELS.includes(o.level) ? o.level : null,
      key: isKey(o.key) ? o.key : undefined,
      model: typeof o.model === 'string' ? o.model : undefined,
      correct: typeof o.correct === 'boolean' ? o.correct : undefined,
      count: 0,
      indices: null,
      children: null,
      parent,
      depth,
    };
    if (kids != null && (!trusted ? Array.isArray(kids) && kids.length > 0 : kids.length > 0)) {
      if (!trusted && !Array.isArray(kids)) throw bad(`${path}.children: expected an array`);
      const out: Mutable[] = [];
      for (let i = 0; i < kids.length; i++) {
        const c = visit(kids[i], `${path}.children[${i}]`, depth + 1, node);
        if (c) {
          out.push(c);
          node.count += c.count;
        }
      }
      if (out.length === 0) return null;
      node.children = out;
      return node;
    }
    if (!trusted && kids != null && !Array.isArray(kids)) throw bad(`${path}.children: expected an array`);
    const v = o.value ?? o.count;
    if (!trusted) {
      if (typeof v !== 'number') throw bad(`${path}: a leaf needs a numeric value`);
      if (!Number.isFinite(v)) throw new ClasslensError('NON_FINITE', `${path}.value: ${v}`);
      if (v < 0) throw bad(`${path}.value: ${v} is negative`);
    }
    if (!(v! > 0)) return null;
    node.count = v!;
    if (o.indices != null)
      node.indices = trusted ? (o.indices as Uint32Array) : checkIndices(o.indices, `${path}.indices`);
    return node;
  };
  const root = visit(input, 'hierarchy', 0, null);
  return (root ?? { ...emptyRoot(), name: nameOf(input as unknown as Record<string, unknown>) }) as TreeNode;
}

function emptyRoot(): Mutable {
  return {
    id: 0,
    name: 'all',
    level: 'root',
    key: undefined,
    model: undefined,
    correct: undefined,
    count: 0,
    indices: null,
    children: null,
    parent: null,
    depth: 0,
  };
}

function nameOf(o: Record<string, unknown> | null | undefined): string {
  if (o == null || typeof o !== 'object') return '';
  if (typeof o.name === 'string') return o.name;
  if (typeof o.name === 'number') return String(o.name);
  return isKey(o.key) ? String(o.key) : '';
}

function isKey(v: unknown): v is Key {
  return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

function bad(message: string): ClasslensError {
  return new ClasslensError('INVALID_ARGUMENT', message);
}

function checkIndices(a: unknown, path: string): Uint32Array {
  if (a === null || typeof a !== 'object' || typeof (a as ArrayLike<unknown>).length !== 'number')
    throw bad(`${path}: expected an array of item indices`);
  const src = a as ArrayLike<unknown>;
  const out = new Uint32Array(src.length);
  for (let k = 0; k < src.length; k++) {
    const i = src[k];
    if (typeof i !== 'number' || !Number.isInteger(i) || i < 0 || i > 0xffffffff)
      throw bad(`${path}: ${String(i)} at position ${k} is not an item index`);
    out[k] = i;
  }
  return out;
}

/** The nodes from depth 1 down to `node` (the root left out). */
export function pathOf(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  for (let n: TreeNode | null = node; n && n.parent; n = n.parent) out.push(n);
  return out.reverse();
}

/** The leaves under `node`, in order. */
export function leavesOf(node: TreeNode): TreeNode[] {
  const out: TreeNode[] = [];
  const walk = (n: TreeNode) => {
    if (n.children) for (const c of n.children) walk(c);
    else out.push(n);
  };
  walk(node);
  return out;
}

/** Model names of the levels below the classes, in level order (from the first leaf's path). */
export function modelLevels(root: TreeNode): string[] {
  const out: string[] = [];
  let n: TreeNode | null = root.children?.[0] ?? null;
  while (n && n.children) {
    n = n.children[0];
    if (n.model !== undefined) out.push(n.model);
  }
  return out;
}
