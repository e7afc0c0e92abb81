/** Text folding for extraction and resolution: the one folding of src/text (layers documented in text/fold.ts). */
export { foldLetters as foldDiacritics, foldText, shortHash, slugify } from "../text/fold.js";
