/**
 * What the positions and lists of a document say about who stands for whom: the one person named as leading each
 * organisation, the organisations someone holds a post in, and the members of the one group the document lists.
 */
import { GROUP_NOUNS, LISTING_WORDS } from "../lexicon/grammar.js";
import type { DocumentState } from "./document-state.js";
import { isPersonKey } from "./keys.js";

/** Roles that lead an organisation: its leader receives and visits for it. */
const LEADING_ROLE =
  /^(?!.*\b(vice|deputy|assistant|former|honorary)\b).*\b(chairman|chairperson|chairwoman|chair|president|head|leader|general secretary|secretary general|secretary-general|director general|director-general)\b/i;

export interface DocumentGroups {
  /** organisations someone in the document holds a post in */
  holders: ReadonlySet<string>;
  /** the one person the document names as leading each organisation */
  leaderOf: ReadonlyMap<string, string>;
  /** the members of the one group the document lists ("The delegation included A, B and C") */
  groupMembers: readonly string[];
  /** the people a group noun at a token stands for */
  membersOf: (s: number, t: number) => string[];
}

export function documentGroups(d: DocumentState): DocumentGroups {
  const leaders = new Map<string, Set<string>>();
  for (const r of d.sink.relations) {
    if (r.type !== "HOLDS_POSITION" || !LEADING_ROLE.test(String(r.properties.role ?? ""))) continue;
    if (!leaders.has(r.to)) leaders.set(r.to, new Set());
    leaders.get(r.to)!.add(r.from);
  }
  const holders = new Set(d.sink.relations.filter((r) => r.type === "HOLDS_POSITION").map((r) => r.to));
  const leaderOf = new Map(
    [...leaders].filter(([, people]) => people.size === 1).map(([org, people]) => [org, [...people][0]!] as const),
  );
  const groupMembers = listedGroupMembers(d);
  const membersOf = (s: number, t: number): string[] =>
    GROUP_NOUNS.has(d.annotated.sentences[s]!.tokens[t]!.lemma.toLowerCase()) ? [...groupMembers] : [];
  return { holders, leaderOf, groupMembers, membersOf };
}

/** The members of the one group the document lists: a group noun that names no one itself stands for them. */
function listedGroupMembers(d: DocumentState): string[] {
  const memberLists = new Map<string, string[]>();
  d.annotated.sentences.forEach((sentence, s) =>
    sentence.tokens.forEach((token, t) => {
      if (!GROUP_NOUNS.has(token.lemma.toLowerCase())) return;
      const listing = sentence.tokens.findIndex(
        (w, k) => k > t && k <= t + 3 && LISTING_WORDS.has(w.text.toLowerCase()),
      );
      if (listing < 0) return;
      const members = d.chunks[s]!.flatMap((c, k) =>
        c.kind === "person" && c.first > listing && d.chunkKeys[s]![k] && isPersonKey(d.chunkKeys[s]![k]!)
          ? [d.chunkKeys[s]![k]!]
          : [],
      );
      if (members.length > 0) memberLists.set([...new Set(members)].sort().join("|"), [...new Set(members)]);
    }),
  );
  return memberLists.size === 1 ? [...memberLists.values()][0]! : [];
}
