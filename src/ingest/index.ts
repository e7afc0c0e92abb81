/** Ingest: files to SourceDocuments. */
export { DEFAULT_MAX_BYTES, decodeCheckedBytes, findInvalidUtf8Offset } from "./check-bytes.js";
export { splitFrontMatter, type FrontMatter } from "./front-matter.js";
export {
  documentIdOf,
  guessTitle,
  loadDocument,
  loadDocumentFromBytes,
  type LoadDocumentOptions,
} from "./load-document.js";
export { DOCUMENT_EXTENSIONS, LOADERS, selectLoader } from "./loaders/index.js";
export { parseAliasFile, readAliasFile } from "./read-aliases.js";
export { readDocument } from "./read-document.js";
export { splitSentences } from "./split-sentences.js";
