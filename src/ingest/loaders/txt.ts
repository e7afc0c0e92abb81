/** Plain text: kept as it is. */
import type { TextLoader } from "./loader.js";

/** The plain-text loader (also the fallback for unknown extensions). */
export const txtLoader: TextLoader = {
  kind: "text",
  name: "txt",
  test: (path) => /\.(txt|text)$/i.test(path),
  load: (body) => ({ text: body }),
};
