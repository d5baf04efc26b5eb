import { hierarchy, treemap, treemapBinary, treemapSquarify, type HierarchyRectangularNode } from 'd3-hierarchy';
import type { TreeNode } from './tree.js';

/** Tiling of the treemap: d3-hierarchy's `treemapSquarify` (default) or `treemapBinary`. */
export type TreemapTile = 'squarify' | 'binary';
export const TILES: readonly TreemapTile[] = ['squarify', 'binary'];

/** A laid-out rectangle. */
export interface Box {
  node: TreeNode;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** A true class: its rectangle and the height of its header band (0 when it has none). */
export interface GroupBox extends Box {
  header: number;
}

/** What {@link layoutTreemap} returns. */
export interface TreemapLayout {
  width: number;
  height: number;
  /** The node that fills the area: the root, or the class zoomed into. */
  focus: TreeNode;
  /** The true classes drawn (one when zoomed), in tree order. */
  groups: GroupBox[];
  /** Nodes between a class and its leaves (model levels above the last), for outlines. */
  inner: Box[];
  /** Every leaf with items, in tree order: the cells. */
  cells: Box[];
}

/** Options for {@link layoutTreemap}. */
export interface TreemapLayoutOptions {
  width: number;
  height: number;
  tile?: TreemapTile;
  /** Height of a class's header band (its label), given only to classes tall and wide enough. */
  header?: number;
  /** Gap between classes, between the first model level's groups, and between deeper nodes. */
  gaps?: readonly [number, number, number];
}

/**
 * Lays out a metrics tree with d3-hierarchy's treemap: `focus` (the root, or one class when
 * zoomed) fills `width × height`; areas are item counts. Classes get a header band for
 * their label when there is room for it and at least as much again below; the gaps shrink
 * with depth so the levels read as nested groups. Returns plain boxes; the tree is not
 * modified (d3 works on its own node objects).
 */
export function layoutTreemap(focus: TreeNode, o: TreemapLayoutOptions): TreemapLayout {
  const width = Math.max(0, o.width);
  const height = Math.max(0, o.height);
  const header = o.header ?? 18;
  const [g0, g1, g2] = o.gaps ?? [3, 2, 1];
  const zoomed = focus.depth > 0;
  const out: TreemapLayout = { width, height, focus, groups: [], inner: [], cells: [] };
  if (focus.count <= 0 || width <= 0 || height <= 0) return out;

  const root = hierarchy<TreeNode>(focus, (d) => (d.children ? [...d.children] : null)).sum((d) =>
    d.children ? 0 : d.count,
  );
  const tile = o.tile === 'binary' ? treemapBinary : treemapSquarify;
  const headers = new Set<TreeNode>();
  const laid = treemap<TreeNode>()
    .tile(tile)
    .size([width, height])
    .paddingInner((n) => {
      const depth = n.data.depth;
      return depth === 0 ? g0 : depth === 1 ? g1 : g2;
    })
    .paddingTop((n) => {
      // Header bands only on classes (not when zoomed: the breadcrumb names the class).
      if (zoomed || n.data.depth !== 1 || !n.children) return 0;
      const h = n.y1 - n.y0;
      const w = n.x1 - n.x0;
      if (h < 2 * header + 4 || w < 28) return 0;
      headers.add(n.data);
      return header;
    })(root);

  const visit = (n: HierarchyRectangularNode<TreeNode>) => {
    const box = { node: n.data, x0: n.x0, y0: n.y0, x1: n.x1, y1: n.y1 };
    const depth = n.data.depth;
    if (depth === 1 || (zoomed && n.depth === 0)) {
      out.groups.push({ ...box, header: headers.has(n.data) ? header : 0 });
    } else if (n.children && depth > 1) out.inner.push(box);
    if (!n.children) out.cells.push(box);
    else for (const c of n.children) visit(c);
  };
  if (zoomed) visit(laid);
  else for (const c of laid.children ?? []) visit(c);
  return out;
}
