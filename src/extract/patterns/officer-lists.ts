/**
 * Lists of officers a body elected, one per line, under the sentence that says so: "The Congress of X elected new
 * leadership as follows: / President- Ms. A (Y) / General Secretary: Mr. B of Z". Each line names a role and the
 * people who hold it; the body is the one the electing sentence names (resolved by the caller).
 */
import type { AnnotatedToken } from "../../domain/annotation.js";
import type { Chunk } from "../mentions/chunk-sentence.js";
import { plainSymbols, symbolise } from "./find-positions.js";

/** One line of an officer list: the role's chunk and the chunks of the people holding it. */
export interface OfficerLine {
  role: number;
  people: number[];
}

// a role, a dash or colon, then the name (a list number may come first)
const LINE = /^x?R-P/;
/** Words of the sentence that introduces a list: "elected new leadership as follows". */
export const ELECTING_LEMMAS: ReadonlySet<string> = new Set(["elect", "re-elect", "reelect", "appoint", "choose"]);

/** The officer line a sentence is, if it is one. */
export function officerLine(tokens: readonly AnnotatedToken[], chunks: readonly Chunk[]): OfficerLine | undefined {
  const { symbols, items } = symbolise(tokens, chunks);
  const plain = plainSymbols(symbols);
  if (!LINE.test(plain)) return undefined;
  const role = items[plain.indexOf("R")]!.chunk!;
  // the people named, not the places they come from ("Mr. A of St. Vincent")
  const people = chunks.flatMap((c, k) =>
    c.kind === "person" && !/^(of|from|in)$/i.test(tokens[c.first - 1]?.text ?? "") ? [k] : [],
  );
  return { role, people };
}

/** True when a sentence only numbers a list item ("1.", "2)"): list lines are read through it. */
export function isListNumber(tokens: readonly AnnotatedToken[]): boolean {
  return tokens.length <= 2 && /^\d+[.)]?$/.test(tokens[0]?.text ?? "");
}

/** The token where a sentence says a body elected or appointed someone, or -1. */
export function electingToken(tokens: readonly AnnotatedToken[]): number {
  return tokens.findIndex((t) => ELECTING_LEMMAS.has(t.lemma.toLowerCase()));
}
