/** Pure: a scene (node positions, shapes, colours; edge ends and captions) as a standalone SVG document. */
import { escapeXml } from "./export-data.js";

/** A node to draw. */
export interface SceneNode {
  x: number;
  y: number;
  size: number;
  shape: string;
  color: string;
  caption: string;
  isFocus: boolean;
}

/** An edge to draw. */
export interface SceneEdge {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  color: string;
  caption: string;
  width: number;
  hasEndArrow: boolean;
  hasStartArrow: boolean;
  isDashed: boolean;
}

/** What is drawn, in model coordinates. */
export interface Scene {
  nodes: SceneNode[];
  edges: SceneEdge[];
}

const MARGIN = 60;
const f = (n: number) => (Math.round(n * 10) / 10).toString();

function polygon(x: number, y: number, r: number, corners: number, inner = 1, rotate = -Math.PI / 2): string {
  const points: string[] = [];
  const steps = inner === 1 ? corners : corners * 2;
  for (let i = 0; i < steps; i++) {
    const radius = inner !== 1 && i % 2 === 1 ? r * inner : r;
    const angle = rotate + (i * 2 * Math.PI) / steps;
    points.push(`${f(x + radius * Math.cos(angle))},${f(y + radius * Math.sin(angle))}`);
  }
  return points.join(" ");
}

function nodeShape(n: SceneNode): string {
  const r = n.size / 2;
  const paint = `fill="${escapeXml(n.color)}" stroke="#222" stroke-width="${n.isFocus ? 3 : 1}"`;
  switch (n.shape) {
    case "ellipse":
      return `<circle cx="${f(n.x)}" cy="${f(n.y)}" r="${f(r)}" ${paint}/>`;
    case "diamond":
      return `<polygon points="${polygon(n.x, n.y, r, 4)}" ${paint}/>`;
    case "hexagon":
      return `<polygon points="${polygon(n.x, n.y, r, 6, 1, 0)}" ${paint}/>`;
    case "star":
      return `<polygon points="${polygon(n.x, n.y, r, 5, 0.45)}" ${paint}/>`;
    default: {
      const rx = n.shape === "round-rectangle" ? 6 : 0;
      return `<rect x="${f(n.x - r)}" y="${f(n.y - r)}" width="${f(n.size)}" height="${f(n.size)}" rx="${rx}" ${paint}/>`;
    }
  }
}

function edgeLine(e: SceneEdge, i: number): string {
  const markers = `${e.hasEndArrow ? ` marker-end="url(#arrow${i})"` : ""}${e.hasStartArrow ? ` marker-start="url(#arrow-start${i})"` : ""}`;
  const defs =
    (e.hasEndArrow
      ? `<marker id="arrow${i}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="${escapeXml(e.color)}"/></marker>`
      : "") +
    (e.hasStartArrow
      ? `<marker id="arrow-start${i}" viewBox="0 0 10 10" refX="0" refY="5" markerWidth="6" markerHeight="6" orient="auto"><path d="M10,0 L0,5 L10,10 z" fill="${escapeXml(e.color)}"/></marker>`
      : "");
  const dash = e.isDashed ? ` stroke-dasharray="6 4"` : "";
  const line = `<line x1="${f(e.x1)}" y1="${f(e.y1)}" x2="${f(e.x2)}" y2="${f(e.y2)}" stroke="${escapeXml(e.color)}" stroke-width="${f(e.width)}"${dash}${markers}/>`;
  const caption = e.caption
    ? `<text x="${f((e.x1 + e.x2) / 2)}" y="${f((e.y1 + e.y2) / 2 - 4)}" font-size="10" text-anchor="middle" fill="#222">${escapeXml(e.caption)}</text>`
    : "";
  return `${defs ? `<defs>${defs}</defs>` : ""}${line}${caption}`;
}

/** Shortens an edge so that it starts and ends at the rims of its nodes (arrow heads stay visible). */
export function trimEdge(e: SceneEdge, sourceRadius: number, targetRadius: number): SceneEdge {
  const dx = e.x2 - e.x1;
  const dy = e.y2 - e.y1;
  const length = Math.hypot(dx, dy);
  if (length <= sourceRadius + targetRadius) return e;
  const ux = dx / length;
  const uy = dy / length;
  return {
    ...e,
    x1: e.x1 + ux * sourceRadius,
    y1: e.y1 + uy * sourceRadius,
    x2: e.x2 - ux * targetRadius,
    y2: e.y2 - uy * targetRadius,
  };
}

/** The scene as an SVG document, sized to its contents plus a margin for captions. */
export function sceneToSvg(scene: Scene, title: string): string {
  const xs = scene.nodes.flatMap((n) => [n.x - n.size, n.x + n.size]);
  const ys = scene.nodes.flatMap((n) => [n.y - n.size, n.y + n.size]);
  const minX = Math.min(0, ...xs) - MARGIN;
  const minY = Math.min(0, ...ys) - MARGIN;
  const width = Math.max(100, ...xs) + MARGIN - minX;
  const height = Math.max(100, ...ys) + MARGIN - minY;
  const captions = scene.nodes.map(
    (n) =>
      `<text x="${f(n.x)}" y="${f(n.y + n.size / 2 + 14)}" font-size="13" text-anchor="middle" fill="#111"${n.isFocus ? ` font-weight="bold"` : ""}>${escapeXml(n.caption)}</text>`,
  );
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${f(minX)} ${f(minY)} ${f(width)} ${f(height)}" width="${f(width)}" height="${f(height)}" font-family="system-ui, sans-serif">`,
    `<title>${escapeXml(title)}</title>`,
    `<rect x="${f(minX)}" y="${f(minY)}" width="${f(width)}" height="${f(height)}" fill="#ffffff"/>`,
    `<g class="edges">${scene.edges.map(edgeLine).join("")}</g>`,
    `<g class="nodes">${scene.nodes.map(nodeShape).join("")}${captions.join("")}</g>`,
    `</svg>`,
    "",
  ].join("\n");
}
