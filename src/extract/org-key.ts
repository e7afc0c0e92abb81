/** Order-free keys of organisation names, so word-order and spelling variants of one name compare equal. */
import { foldText } from "./fold.js";
import { countryOf } from "./lexicon/countries.js";
import { GENERIC_ORG_WORDS } from "./lexicon/words.js";

const STOP = new Set(["of", "the", "and", "for", "in", "on", "de", "des", "du", "la", "le", "&", "republic"]);

const SPELLING: Record<string, string> = {
  labour: "labor",
  organisation: "organization",
  organisations: "organization",
  centre: "center",
  centres: "center",
  programme: "program",
  defence: "defense",
  harmonisation: "harmonization",
};

/** Singular of a plural token ("unions" → "union"); conservative. */
function singular(token: string): string {
  if (token.length > 4 && token.endsWith("ies")) return `${token.slice(0, -3)}y`;
  if (
    token.length > 3 &&
    token.endsWith("s") &&
    !token.endsWith("ss") &&
    !token.endsWith("us") &&
    !token.endsWith("is")
  )
    return token.slice(0, -1);
  return token;
}

/** The content tokens of a name, folded, British spellings and demonyms normalised, singular. */
export function orgTokens(name: string): string[] {
  const tokens: string[] = [];
  const words = foldText(name).split(/[^a-z0-9'-]+/);
  for (let i = 0; i < words.length; i++) {
    const t = words[i]!.replace(/^['-]+|['-]+$/g, "").replace(/'s$/, "");
    if (t.length === 0 || STOP.has(t)) continue;
    // "Trade Union of Railway Workers" and "Railway Workers' Union" name one body: "trade" adds nothing before "union"
    if (t === "trade" && /^unions?$/.test(words[i + 1] ?? "")) continue;
    const spelled = SPELLING[t] ?? t;
    const country = countryOf(spelled);
    tokens.push(country !== undefined ? foldText(country).replace(/\s+/g, "_") : singular(spelled));
  }
  return tokens;
}

// Names recur across a corpus (every article names its organisations several times): both functions below are
// pure, so their results are memoised; the memo is emptied when it grows past a bound.
const MEMO_LIMIT = 20_000;
const keyMemo = new Map<string, string>();
const initialsMemo = new Map<string, readonly string[]>();

function remember<T>(memo: Map<string, T>, name: string, value: T): T {
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(name, value);
  return value;
}

/** The key of a name: its content tokens, sorted and de-duplicated. */
export function orgKey(name: string): string {
  return keyMemo.get(name) ?? remember(keyMemo, name, [...new Set(orgTokens(name))].sort().join(" "));
}

/** Initials of the content words ("Federation of Trade Unions of the Republic of Kazakhstan" → "FTURK"). */
export function initialsOf(name: string): string[] {
  return [...(initialsMemo.get(name) ?? remember(initialsMemo, name, computeInitials(name)))];
}

function computeInitials(name: string): string[] {
  const words = name
    .split(/[\s/]+/)
    .map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ""))
    .filter((w) => w.length > 0);
  const content = words.filter((w) => !["of", "the", "and", "for", "in", "on", "de", "&"].includes(w.toLowerCase()));
  const variants = new Set<string>();
  const first = (w: string) => foldText(w[0] ?? "").toUpperCase();
  // with hyphenated words split ("Pan-European" → P, E) and not
  variants.add(content.map(first).join(""));
  variants.add(
    content
      .flatMap((w) => w.split("-").filter(Boolean))
      .map(first)
      .join(""),
  );
  return [...variants];
}

/** generic words among normalised key tokens (singular, American spelling) */
const GENERIC_KEY_TOKENS = new Set([...GENERIC_ORG_WORDS, "worker", "employee"]);

/** True when a name says which body it is (not "the Federation of Trade Unions" or "the National Trade Union Center of X"). */
export function isSpecificOrgName(name: string): boolean {
  const tokens = orgTokens(name);
  if (tokens.includes("national") && tokens.includes("center")) return false;
  return tokens.some((t) => !GENERIC_KEY_TOKENS.has(t));
}

// capitals (with digits and joiners), or capitals around one small letter ("ZaCTU"): "ITUC", "L20", "UNTA-CS"
const ACRONYM_SHAPE = /^[\p{Lu}](?:[\p{Lu}\p{N}&/.-]*|\p{Ll}[\p{Lu}\p{N}&/.-]{2,})$/u;
// an acronym with a region joined to it: "ITUC-Africa", "ABC-Asia"
const ACRONYM_REGION = /^\p{Lu}{2,}[-–]\p{Lu}\p{Ll}+$/u;

/** True when a word is written like an organisation's acronym: 2 to 12 letters, capitals but for one small letter. */
export function isAcronymShape(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 2 && letters.length <= 16 && (ACRONYM_SHAPE.test(text) || ACRONYM_REGION.test(text));
}
