/** Plain text: kept as it is. */
import type { DocumentLoader } from "./loader.js";

/** The plain-text loader (also the fallback for unknown extensions). */
export const txtLoader: DocumentLoader = {
  name: "txt",
  test: (path) => /\.(txt|text)$/i.test(path),
  load: (body) => ({ text: body }),
};
