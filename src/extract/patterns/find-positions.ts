/** findPositions: HOLDS_POSITION triples of a sentence, read by the rows of POSITION_PATTERNS over its chunks. */
import type { AnnotatedSentence, AnnotatedToken } from "../../domain/annotation.js";
import { LEADING_WORDS, REPRESENTING_WORDS } from "../lexicon/grammar.js";
import { isFormOfAddress } from "../lexicon/words.js";
import type { Chunk } from "../mentions/chunk-sentence.js";
import { follow } from "./find-relations.js";
import { POSITION_DEPENDENCY_ROWS, POSITION_PATTERNS, type PositionPattern } from "./position-patterns.js";

/** A position found in a sentence: chunk indices of the person, role and organisation, and the span described. */
export interface FoundPosition {
  person: number;
  /** the role's chunk; undefined where the text only says the person leads ("led by X") */
  role: number | undefined;
  org: number;
  /** token span covered by the whole description (the person's "descriptor") */
  first: number;
  end: number;
  patternId: string;
  confidence: number;
}

const isHonorific = (t: AnnotatedToken) => isFormOfAddress(t.text);
/** How many forms of address ("Bro", "Dr", "PhD") follow one another from `i`. */
function honorificRun(tokens: readonly AnnotatedToken[], i: number): number {
  let n = 0;
  while (tokens[i + n] && isHonorific(tokens[i + n]!)) n += 1;
  return n;
}
const SYMBOL_OF_KIND = { person: "P", org: "O", role: "R", place: "C" } as const;

function symbolOfToken(t: AnnotatedToken, next: AnnotatedToken | undefined): string {
  const w = t.text.toLowerCase();
  const n = next?.text.toLowerCase();
  if (LEADING_WORDS.has(w) && (n === "by" || n === "of")) return "l";
  if (REPRESENTING_WORDS.has(w) && n === "by") return "y";
  if (w === ",") return ",";
  if (w === "(" || w === "[") return "(";
  if (w === ")" || w === "]") return ")";
  if (w === "-" || w === "–" || w === "—" || w === ":" || w === "--") return "-";
  if (["of", "at", "in", "for", "from", "with"].includes(w)) return "f";
  if (w === "its" || w === "their") return "i";
  if (["the", "a", "an", "his", "her", "both"].includes(w)) return "t";
  if (["is", "was", "are", "were", "serves", "served", "remains", "became", "becomes", "be", "been"].includes(w))
    return "v";
  if (w === "'s" || w === "’s" || w === "'" || w === "’") return "s";
  if (w === "and") return "a";
  if (w === "as") return "z";
  if (/^(re-?)?elect(ed|s)?$/.test(w) || w === "appointed" || w === "named") return "e";
  if (/^(NN|JJ)/.test(t.pos)) return "n";
  return "x";
}

/** The sentence as one symbol per chunk or token outside chunks, with the item each symbol stands for. */
export function symbolise(
  tokens: readonly AnnotatedToken[],
  chunks: readonly Chunk[],
): { symbols: string; items: { chunk?: number; first: number; end: number }[] } {
  let symbols = "";
  const items: { chunk?: number; first: number; end: number }[] = [];
  let c = 0;
  for (let i = 0; i < tokens.length;) {
    const chunk = chunks[c];
    if (chunk && chunk.first === i) {
      symbols += SYMBOL_OF_KIND[chunk.kind];
      items.push({ chunk: c, first: chunk.first, end: chunk.end });
      i = chunk.end;
      c += 1;
      continue;
    }
    const honorifics = honorificRun(tokens, i);
    if (honorifics > 0 && chunks[c]?.first === i + honorifics && chunks[c]?.kind === "person") {
      i += honorifics; // "Mr. Arezki MEZHOUD", "Bro Dr Jane Doe": the forms of address belong to the name that follows
      continue;
    }
    symbols += symbolOfToken(tokens[i]!, tokens[i + 1]);
    items.push({ first: i, end: i + 1 });
    i += 1;
  }
  return { symbols, items };
}

/** The symbols as rows that do not read nouns see them: nouns and the word "represented" are any other token. */
export function plainSymbols(withNouns: string): string {
  return withNouns.replace(/[ny]/g, "x");
}

/** The organisation "its"/"their" at `index` refers to: the nearest one before it in the sentence. */
function antecedentOrg(symbols: string, items: readonly { chunk?: number }[], index: number): number[] {
  const before = symbols.lastIndexOf("O", index);
  return before >= 0 ? [items[before]!.chunk!] : [];
}

// a plural role over as many organisations as people, in the same order: "the General Secretaries of A, B and C –
// X, Y and Z", "X and Y, Presidents of A and B"
// "The presidents of A (AA), X, and B, Y" (each body followed by its person)
const PAIRED_LISTS = [
  /(?<r>R)ft?x{0,3}(?<os>O(?:,?a?t?O)+)[-,]?(?<ps>P(?:,?a?P)+)/dg,
  /(?<ps>P(?:,?a?P)+),?t?(?<r>R)ft?(?<os>O(?:,?a?t?O)+)/dg,
  /(?<r>R)ft?(?<pairs>O(?:\([^)]*\))?,P(?:,?a?t?O(?:\([^)]*\))?,P)+)/dg,
];
const PAIRED_LIST_CONFIDENCE = 0.75;

/** True when the role ending before `end` is plural ("Vice Presidents", "Chairmen"): it can describe several names. */
function isPluralRole(tokens: readonly AnnotatedToken[], end: number): boolean {
  const roleWord = tokens[end - 1]!;
  return /^NNP?S$/.test(roleWord.pos) || /men$/i.test(roleWord.text);
}

/** Positions of paired lists ("respectively" without the word): the n-th person holds the role in the n-th body. */
function findPairedLists(
  tokens: readonly AnnotatedToken[],
  chunks: readonly Chunk[],
  symbols: string,
  items: readonly { chunk?: number; first: number; end: number }[],
): FoundPosition[] {
  const found: FoundPosition[] = [];
  for (const pattern of PAIRED_LISTS) {
    for (const m of symbols.matchAll(pattern)) {
      const groups = m.indices!.groups!;
      const role = items[groups.r![0]]!;
      if (!isPluralRole(tokens, role.end)) continue;
      // the chunks of one kind in a range, leaving out what brackets hold ("A (AA, its acronym)")
      const chunksIn = (symbol: string, [from, to]: [number, number]) => {
        let depth = 0;
        return [...symbols.slice(from, to)].flatMap((c, k) => {
          depth += c === "(" ? 1 : c === ")" ? -1 : 0;
          return c === symbol && depth === 0 ? [items[from + k]!.chunk!] : [];
        });
      };
      const orgs = chunksIn("O", groups.pairs ?? groups.os!);
      const people = chunksIn("P", groups.pairs ?? groups.ps!);
      if (orgs.length !== people.length) continue;
      people.forEach((person, k) =>
        found.push({
          person,
          role: role.chunk,
          org: orgs[k]!,
          // the description is shared: each person's own name is all that stands for them
          first: chunks[person]!.first,
          end: chunks[person]!.end,
          patternId: "paired-lists",
          confidence: PAIRED_LIST_CONFIDENCE,
        }),
      );
    }
  }
  return found;
}

// after "X President A": more roles and names of the same body; after "Role A (X)": more names with their bodies
const ORG_CARRIES = /^[,;]?a?t?(R)[,-]?(P)/d;
const PERSON_BRACKET = /^\)?[,;]?a?(P)\((O)/d;

/** What the positions of one row's match are read against. */
interface MatchContext {
  tokens: readonly AnnotatedToken[];
  chunks: readonly Chunk[];
  symbols: string;
  items: readonly { chunk?: number; first: number; end: number }[];
  row: PositionPattern;
  /** person|role|org of the positions found so far in the sentence */
  seen: Set<string>;
}

/**
 * The positions a description goes on to after its match, from symbol `cursor`: more roles and names of the same body
 * (ORG_CARRIES: "X President A, Vice President B") or more names with their bodies (PERSON_BRACKET: "Secretaries A
 * (X) and B (Y)").
 */
function continuedPositions(
  c: MatchContext,
  carries: RegExp,
  role: number | undefined,
  orgs: readonly number[],
  cursor: number,
): FoundPosition[] {
  const { tokens, chunks, symbols, items, row, seen } = c;
  const found: FoundPosition[] = [];
  for (let next = carries.exec(symbols.slice(cursor)); next?.indices; next = carries.exec(symbols.slice(cursor))) {
    const [first, second] = [items[cursor + next.indices[1]![0]]!.chunk!, items[cursor + next.indices[2]![0]]!.chunk!];
    const carried =
      carries === ORG_CARRIES
        ? [{ role: first, person: second, org: orgs[0]! }]
        : [{ role, person: first, org: second }];
    cursor += next[0].length;
    // a plural role carried goes on over the names coordinated after it ("Directors A, B and C")
    const more =
      carries === ORG_CARRIES && isPluralRole(tokens, chunks[first]!.end)
        ? /^(?:,?a?P)+/.exec(symbols.slice(cursor))
        : null;
    if (more) {
      for (let k = cursor; k < cursor + more[0].length; k++)
        if (symbols[k] === "P") carried.push({ role: first, person: items[k]!.chunk!, org: orgs[0]! });
      cursor += more[0].length;
    }
    for (const position of carried) {
      const key = `${position.person}|${position.role}|${position.org}`;
      if (seen.has(key)) continue;
      seen.add(key);
      found.push({
        ...position,
        first: chunks[position.person]!.first,
        end: chunks[position.person]!.end,
        patternId: `${row.id}+continued`,
        confidence: row.confidence,
      });
    }
  }
  return found;
}

/** Every position the pattern rows find in a sentence. */
export function findPositions(tokens: readonly AnnotatedToken[], chunks: readonly Chunk[]): FoundPosition[] {
  const { symbols: withNouns, items } = symbolise(tokens, chunks);
  const plain = plainSymbols(withNouns);
  const paired = findPairedLists(tokens, chunks, plain, items);
  const pairedPeople = new Set(paired.map((p) => p.person));
  const found: FoundPosition[] = [...paired];
  const seen = new Set<string>();
  for (const row of POSITION_PATTERNS) {
    const symbols = row.readsNouns ? withNouns : plain;
    for (let from = 0; from < symbols.length; from++) {
      row.pattern.lastIndex = from;
      const m = row.pattern.exec(symbols);
      if (!m?.indices?.groups) continue;
      const groups = m.indices.groups;
      const at = (g: string) => (groups[g] ? items[groups[g]![0]]!.chunk : undefined);
      const firstItem = items[m.index]!;
      let lastIndex = m.index + m[0].length - 1;
      const people = [at("p")!];
      const orgs = at("o") !== undefined ? [at("o")!] : antecedentOrg(symbols, items, m.index);
      // coordination after a final group: "of A, B and C", "vice presidents, X, and Y"
      const tail = m.index + m[0].length;
      const finalGroup = groups.o?.[1] === tail ? "O" : groups.p?.[1] === tail ? "P" : undefined;
      // several names after one singular role are not all its holders ("member of X A, and B")
      const roleItem = groups.r ? items[groups.r[0]]! : undefined;
      const coordinates = finalGroup === "O" || !roleItem || isPluralRole(tokens, roleItem.end);
      if (finalGroup && coordinates) {
        const coordinated = new RegExp(`^(?:(?:\\(O\\))?,?a?t?${finalGroup})+`).exec(symbols.slice(tail));
        if (coordinated) {
          for (let k = tail; k < tail + coordinated[0].length; k++) {
            if (symbols[k] !== finalGroup) continue;
            (finalGroup === "O" ? orgs : people).push(items[k]!.chunk!);
          }
          lastIndex = tail + coordinated[0].length - 1;
        }
      }
      const role = at("r");
      // a second post of the same person: "... chairman of X and chairman of the Y"
      const more = finalGroup === "O" ? /^(?:\(O\))?,?a(R)ft?(O)/d.exec(symbols.slice(lastIndex + 1)) : null;
      if (more?.indices) {
        const base = lastIndex + 1;
        for (const person of people)
          found.push({
            person,
            role: items[base + more.indices[1]![0]]!.chunk!,
            org: items[base + more.indices[2]![0]]!.chunk!,
            first: firstItem.first,
            end: items[base + more[0].length - 1]!.end,
            patternId: row.id,
            confidence: row.confidence,
          });
      }
      for (const person of people) {
        if (pairedPeople.has(person)) continue; // a paired list says which body is each person's
        for (const org of orgs) {
          const key = `${person}|${role}|${org}`;
          if (seen.has(key)) continue;
          seen.add(key);
          found.push({
            person,
            role,
            org,
            first: firstItem.first,
            end: items[lastIndex]!.end,
            patternId: row.id,
            confidence: row.confidence,
          });
        }
      }
      // the description goes on for more people: "X President A, Vice President B", "Secretaries A (X) and B (Y)"
      const oAt = groups.o?.[0];
      const pAt = groups.p?.[0];
      const carries =
        finalGroup === "P" && oAt !== undefined && pAt !== undefined && oAt < pAt
          ? ORG_CARRIES
          : oAt !== undefined && pAt !== undefined && pAt < oAt && symbols[oAt - 1] === "("
            ? PERSON_BRACKET
            : undefined;
      if (carries)
        found.push(
          ...continuedPositions({ tokens, chunks, symbols, items, row, seen }, carries, role, orgs, lastIndex + 1),
        );
    }
  }
  return found;
}

/** A position read over the parse: the role's chunk and the tokens (with their conjuncts) that name each side. */
export interface DependencyPosition {
  role: number;
  personTokens: number[];
  orgTokens: number[];
  patternId: string;
  confidence: number;
}

/** Every position POSITION_DEPENDENCY_ROWS read in a parsed sentence, from the last word of each role. */
export function findDependencyPositions(sentence: AnnotatedSentence, chunks: readonly Chunk[]): DependencyPosition[] {
  const edges = sentence.deps;
  if (!edges) return [];
  const withConjuncts = (tokens: number[]) => [
    ...new Set(
      tokens.flatMap((t) => [t, ...edges.filter((e) => e.head === t && e.rel.startsWith("conj")).map((e) => e.dep)]),
    ),
  ];
  const found: DependencyPosition[] = [];
  chunks.forEach((chunk, role) => {
    if (chunk.kind !== "role") return;
    const head = chunk.end - 1;
    for (const row of POSITION_DEPENDENCY_ROWS) {
      const reach = (paths: readonly (readonly string[])[]) =>
        withConjuncts(
          paths.flatMap((path) => follow(edges, head, path)).filter((t) => t < chunk.first || t >= chunk.end),
        );
      const personTokens = reach(row.person);
      const orgTokens = reach(row.org);
      if (personTokens.length > 0 && orgTokens.length > 0)
        found.push({ role, personTokens, orgTokens, patternId: row.id, confidence: row.confidence });
    }
  });
  return found;
}
