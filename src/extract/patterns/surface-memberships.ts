/**
 * MEMBER_OF read along the text where the parse of a long sentence loses it: "X, XX, affiliated to the Y" (a
 * participle after the member) and "the Y's two affiliates in Z, the A and the B" (a list in apposition to the
 * body's affiliates). Rows as data over the symbols of find-positions.ts, with two more: `m` for "affiliated"
 * before "to"/"with", `g` for a plural noun of membership ("affiliates", "members", "member organisations").
 */
import type { AnnotatedToken } from "../../domain/annotation.js";
import type { Chunk } from "../mentions/chunk-sentence.js";
import { plainSymbols, symbolise } from "./find-positions.js";

/** One row: named groups `a` (the member or members) and `b` (the body). */
export interface SurfaceMembershipRow {
  id: string;
  pattern: RegExp;
  confidence: number;
  example: string;
}

export const SURFACE_MEMBERSHIP_ROWS: readonly SurfaceMembershipRow[] = [
  {
    id: "org-affiliated-to-org",
    // the member, an acronym in brackets or between commas, then the participle and the body
    pattern: /(?<a>O)(?:\(O\)|,O)?,?m[fx]t?(?<b>O)/dg,
    confidence: 0.8,
    example: "the General Confederation of X Workers, GCXW, affiliated to the ABC, called ...",
  },
  {
    id: "orgs-affiliates-listed",
    // the body's affiliates, a count or a place between, then the list after a comma or a colon
    pattern: /(?<b>O)s(?:x|n){0,2}g(?:f[Cx])?[,-]t?(?<a>O(?:\(O\))?(?:,?a?t?O(?:\(O\))?)*)/dg,
    confidence: 0.75,
    example: "the ABC's two affiliates in Ruritania, the A (AA) and the B (BB)",
  },
  {
    id: "its-member-organisations-listed",
    // "its" refers to the body named last before it
    pattern: /(?<b>O)(?:\(O\))?[axtf,]{0,5}ix?g[,:-]t?(?<a>O(?:\(O\))?(?:,?a?t?O(?:\(O\))?)*)/dg,
    confidence: 0.75,
    example: "the ABC and two of its member organisations, the A Union and the B Union",
  },
];

const AFFILIATED = /^affiliated$/i;
const MEMBERSHIP_PLURALS = /^(affiliates|members)$/i;
// plural bodies named members by the word before them: "member organisations", "affiliated unions"
const MEMBER_BODIES = /^(organisations|organizations|unions|federations)$/i;
const MEMBER_WORDS = /^(member|affiliate|affiliated)$/i;

/** The sentence's symbols with `m` and `g` marked, and the item of each symbol. */
function membershipSymbols(tokens: readonly AnnotatedToken[], chunks: readonly Chunk[]) {
  const { symbols, items } = symbolise(tokens, chunks);
  const marked = [...plainSymbols(symbols)].map((c, k) => {
    const item = items[k]!;
    if (item.chunk !== undefined) return c;
    const token = tokens[item.first]!;
    const next = tokens[item.first + 1]?.text.toLowerCase();
    if (AFFILIATED.test(token.text) && (next === "to" || next === "with")) return "m";
    if (MEMBERSHIP_PLURALS.test(token.text)) return "g";
    if (MEMBER_BODIES.test(token.text) && MEMBER_WORDS.test(tokens[item.first - 1]?.text ?? "")) return "g";
    return c;
  });
  return { symbols: marked.join(""), items };
}

/** A membership found along the text: chunk indices of the members and of the body. */
export interface SurfaceMembership {
  members: number[];
  body: number;
  rowId: string;
  confidence: number;
}

/** Every membership the rows read in a sentence. */
export function findSurfaceMemberships(
  tokens: readonly AnnotatedToken[],
  chunks: readonly Chunk[],
): SurfaceMembership[] {
  const { symbols, items } = membershipSymbols(tokens, chunks);
  const found: SurfaceMembership[] = [];
  for (const row of SURFACE_MEMBERSHIP_ROWS) {
    for (const m of symbols.matchAll(row.pattern)) {
      const groups = m.indices!.groups!;
      const [from, to] = groups.a!;
      const members = [...symbols.slice(from, to)].flatMap((c, k) =>
        c === "O" && symbols[from + k - 1] !== "(" ? [items[from + k]!.chunk!] : [],
      );
      found.push({ members, body: items[groups.b![0]]!.chunk!, rowId: row.id, confidence: row.confidence });
    }
  }
  return found;
}
