/** Serves the explorer's static files from web/ and the vendored Cytoscape bundle, without path traversal. */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";

/** Content types of the files we serve; anything else is not served. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Where static files come from. */
export interface StaticRoots {
  /** the web/ folder */
  webRoot: string;
  /** files served at fixed URLs, e.g. /vendor/cytoscape.min.js */
  fixed: Record<string, string>;
}

/**
 * Resolves a URL path to a file inside `root`, or undefined when it would leave the root, names a hidden file or
 * has a type we do not serve. Pure.
 */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\")) return undefined;
  const relative = decoded === "/" || decoded === "" ? "index.html" : decoded.replace(/^\/+/, "");
  if (relative.split("/").some((segment) => segment.startsWith("."))) return undefined;
  const resolved = path.resolve(root, relative);
  if (!resolved.startsWith(path.resolve(root) + path.sep)) return undefined;
  if (CONTENT_TYPES[path.extname(resolved).toLowerCase()] === undefined) return undefined;
  return resolved;
}

/** Serves GET/HEAD for a static file; returns false when there is no such file (the caller answers 404). */
export async function serveStatic(
  req: IncomingMessage,
  res: ServerResponse,
  urlPath: string,
  roots: StaticRoots,
): Promise<boolean> {
  const file = roots.fixed[urlPath] ?? resolveStaticPath(roots.webRoot, urlPath);
  if (file === undefined) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  res.writeHead(200, {
    "content-type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
    "content-length": info.size,
    "x-content-type-options": "nosniff",
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    res.end();
    return true;
  }
  await new Promise<void>((resolve) => {
    const stream = createReadStream(file);
    stream.on("error", () => {
      res.destroy();
      resolve();
    });
    stream.on("end", () => resolve());
    stream.pipe(res);
  });
  return true;
}
