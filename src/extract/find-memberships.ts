/**
 * Membership patterns: which organisation is (or was, or wants to be) a member of which. Each pattern names
 * both organisations in one sentence; the status comes from the words around the pattern.
 */
import type { MembershipStatus } from "../domain/model.js";
import type { DocumentContext, Item } from "./extract-document.js";
import type { Token } from "./tokens.js";

/** An organisation item with the token range [from, to) it covers. */
interface OrgRef {
  ref: string;
  from: number;
  to: number;
  /** written with a possessive ending ("FTUG's") */
  isPossessive: boolean;
}

const NEGATIONS = new Set(["not", "never", "nor", "neither"]);
/** words between "a" and "member of" that keep it a membership ("a full member", "a founding member") */
const MEMBER_ADJECTIVES = new Set([
  "a",
  "an",
  "full",
  "associate",
  "associated",
  "founding",
  "former",
  "new",
  "active",
  "permanent",
  "regular",
  "full-fledged",
  "fully-fledged",
  "affiliated",
  "collective",
  "candidate",
  "longtime",
  "long-time",
  "long-standing",
]);
const STATUS_BY_ADJECTIVE: Record<string, MembershipStatus> = { former: "former", candidate: "applied" };
/** verbs after which the organisations are listed as members: "X unites …, among them A and B" */
const INCLUDING_VERBS = new Set([
  "includes",
  "include",
  "included",
  "unites",
  "united",
  "comprises",
  "comprised",
  "brings",
  "incorporates",
  "has",
  "had",
  "counts",
]);
const DIRECT_LIST_VERBS = new Set(["unites", "united", "comprises", "comprised", "incorporates"]);
/** list markers: "among them", "including", "such as" */
const LIST_MARKERS = new Set(["including", "among", "such"]);
const MEMBER_NOUNS = new Set([
  "members",
  "affiliates",
  "organisations",
  "organizations",
  "unions",
  "centres",
  "centers",
]);
const ADMIT_VERBS = new Set([
  "admitted",
  "accepted",
  "welcomed",
  "admits",
  "accepts",
  "welcomes",
  "admitting",
  "accepting",
]);

/** The membership status the cue words before a pattern give, if any. */
export function statusFromCues(words: readonly string[]): MembershipStatus | undefined {
  let status: MembershipStatus | undefined;
  let rank = 0;
  // the strongest cue wins, whatever its position: "decided to restore", "applied to join"
  const consider = (s: MembershipStatus, r: number) => {
    if (r > rank) {
      rank = r;
      status = s;
    }
  };
  for (const w of words) {
    if (w.startsWith("restor") || w.startsWith("regain") || w.startsWith("reinstat") || w.startsWith("renew"))
      consider("restored", 7);
    else if (w.startsWith("suspen") || w === "froze" || w === "frozen" || w.startsWith("freez"))
      consider("suspended", 6);
    else if (
      w.startsWith("expel") ||
      w.startsWith("withdr") ||
      w.startsWith("terminat") ||
      w === "left" ||
      w === "lost" ||
      w === "former" ||
      w.startsWith("revok") ||
      w === "quit"
    )
      consider("former", 5);
    else if (w.startsWith("appl") || w.startsWith("request") || w === "bid" || w.startsWith("submitt"))
      consider("applied", 4);
    else if (
      w.startsWith("consider") ||
      w.startsWith("seek") ||
      w.startsWith("sought") ||
      w.startsWith("intend") ||
      w.startsWith("join") ||
      w.startsWith("accession") ||
      w.startsWith("decision") ||
      w.startsWith("decided") ||
      w.startsWith("plan") ||
      w.startsWith("aspir")
    )
      consider("joining", 3);
    else if (
      w.startsWith("admi") ||
      w.startsWith("accept") ||
      w === "granted" ||
      w === "became" ||
      w === "become" ||
      w.startsWith("approv") ||
      w.startsWith("confirm")
    )
      consider("member", 2);
  }
  return status;
}

/** Finds membership relations in every sentence of the document. */
export function findMemberships(ctx: DocumentContext): void {
  ctx.analyses.forEach((analysis, s) => {
    const tokens = analysis.tokens;
    if (!tokens.some((t) => MEMBERSHIP_TRIGGERS.has(t.lower))) return;
    const orgs = orgRefs(tokens, ctx.items[s]!);
    if (orgs.length === 0) return;
    findInSentence(ctx, s, tokens, orgs);
  });
}

/** words without which a sentence states no membership: the patterns' own verbs and nouns */
const MEMBERSHIP_TRIGGERS = new Set([
  "membership",
  "member",
  "members",
  "accession",
  "join",
  "joined",
  "joins",
  "joining",
  "affiliated",
  "affiliate",
  "affiliates",
  "affiliation",
  ...ADMIT_VERBS,
  ...INCLUDING_VERBS,
  "organisations",
  "organizations",
  "withdrew",
  "withdrawn",
  "left",
  "quit",
]);

/** Organisation items as token ranges, in text order (binary search over token starts: linear overall). */
function orgRefs(tokens: Token[], items: Item[]): OrgRef[] {
  const refs: OrgRef[] = [];
  for (const item of items) {
    if (item.kind !== "org") continue;
    const from = firstTokenAtOrAfter(tokens, item.start);
    let to = firstTokenAtOrAfter(tokens, item.end);
    if (to < tokens.length && tokens[to]!.start < item.end) to += 1;
    if (to <= from) continue;
    refs.push({ ref: item.ref, from, to, isPossessive: tokens[to - 1]!.isPossessive });
  }
  return refs;
}

function firstTokenAtOrAfter(tokens: Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const FILLERS_BEFORE_ORG = new Set(["the", "its", "their"]);

function findInSentence(ctx: DocumentContext, s: number, tokens: Token[], orgs: OrgRef[]): void {
  const lower = (i: number) => tokens[i]?.lower ?? "";
  /** the organisation starting at token i, after at most one "the" */
  const orgAt = (i: number): OrgRef | undefined => {
    let k = i;
    if (FILLERS_BEFORE_ORG.has(lower(k))) k += 1;
    return orgs.find((o) => o.from === k);
  };
  /** the organisation ending right before token i */
  const orgEndingAt = (i: number): OrgRef | undefined => orgs.find((o) => o.to === i);
  /** the last organisation ending at or before token i, at most `maxGap` tokens before it */
  const orgBefore = (i: number, maxGap: number): OrgRef | undefined => {
    let best: OrgRef | undefined;
    for (const o of orgs) if (o.to <= i && i - o.to <= maxGap) best = o;
    return best;
  };
  /** the organisations of a coordinated list starting at token i: "the A, the B and the C" */
  const listAt = (i: number): OrgRef[] => {
    const list: OrgRef[] = [];
    let k = i;
    for (;;) {
      const o = orgAt(k);
      if (!o) break;
      list.push(o);
      k = o.to;
      if (tokens[k]?.text === ")" || tokens[k]?.text === "(") break;
      if (lower(k) === "," && lower(k + 1) === "and") k += 2;
      else if (lower(k) === "," || lower(k) === "and") k += 1;
      else if (lower(k) === "as" && lower(k + 1) === "well" && lower(k + 2) === "as") k += 3;
      else break;
    }
    return list;
  };
  /** the organisations of a coordinated list ending right before token i: "A and B are members of …" */
  const listEndingAt = (i: number): OrgRef[] => {
    const list: OrgRef[] = [];
    let o = orgEndingAt(i);
    while (o) {
      list.unshift(o);
      let k = o.from;
      if (lower(k - 1) === "the") k -= 1;
      if (lower(k - 1) === "and" || lower(k - 1) === ",") k -= 1;
      else break;
      if (lower(k - 1) === ",") k -= 1;
      o = orgEndingAt(k);
    }
    return list;
  };
  const isNegated = (from: number, to: number) => {
    for (let k = Math.max(0, from); k < to; k++)
      if (NEGATIONS.has(lower(k)) || (lower(k) === "no" && lower(k + 1) === "longer")) return true;
    return false;
  };
  const add = (member: OrgRef, target: OrgRef, status: MembershipStatus, confidence: number) => {
    if (member.ref === target.ref) return;
    ctx.addRelation({
      type: "MEMBER_OF",
      from: member.ref,
      to: target.ref,
      properties: { status },
      confidence,
      sentence: s,
    });
  };
  const cueWords = (from: number, to: number) => tokens.slice(Math.max(0, from), Math.max(0, to)).map((t) => t.lower);

  tokens.forEach((t, i) => {
    const w = t.lower;
    if (w === "membership") {
      const next = lower(i + 1);
      // "Y suspended the membership of X", "the membership of X in Y"
      if (next === "of" && lower(i - 1) === "the" && !orgEndingAt(i) && !orgEndingAt(i - 1)) {
        const member = orgAt(i + 2);
        if (!member) return;
        const after = lower(member.to);
        const target = ["in", "within", "to"].includes(after) ? orgAt(member.to + 1) : undefined;
        const subject = target ? undefined : orgBefore(i - 1, 4);
        const cueFrom = subject ? subject.to : i - 6;
        if (isNegated(cueFrom, i)) return;
        const status = statusFromCues(cueWords(cueFrom, i)) ?? "member";
        if (target) add(member, target, status, 0.75);
        else if (subject) add(member, subject, status, 0.75);
        return;
      }
      // "X's membership in Y", "X applied for membership in Y", "X regained its membership in the Y"
      if (!["in", "of", "within", "to"].includes(next)) return;
      const target = orgAt(i + 2);
      if (!target) return;
      const possessive = orgEndingAt(i);
      let member = possessive && possessive.isPossessive ? possessive : undefined;
      let cueFrom = member ? member.from - 6 : i - 8;
      let confidence = 0.85;
      if (!member) {
        const subject = orgBefore(i, 8);
        const hasPronoun = lower(i - 1) === "its" || lower(i - 1) === "their";
        const cues = subject ? statusFromCues(cueWords(subject.to, i)) : undefined;
        if (!subject || (cues === undefined && !hasPronoun)) return;
        member = subject;
        cueFrom = subject.to;
        confidence = 0.65;
      }
      if (isNegated(cueFrom, i)) return;
      // "X's membership in Y was suspended": the verb after the pattern counts too
      const after =
        lower(target.to) === "was" ||
        lower(target.to) === "has" ||
        lower(target.to) === "had" ||
        lower(target.to) === "is"
          ? cueWords(target.to, target.to + 3)
          : [];
      if (after.length > 0 && isNegated(target.to, target.to + 3)) return;
      const cues = statusFromCues([...cueWords(cueFrom, member.from), ...cueWords(member.to, i), ...after]);
      add(member, target, cues ?? "member", cues === undefined ? 0.6 : confidence);
      return;
    }
    // "the accession of X to Y", "X's accession to Y"
    if (w === "accession") {
      if (lower(i + 1) === "of") {
        const member = orgAt(i + 2);
        if (!member || lower(member.to) !== "to") return;
        const target = orgAt(member.to + 1);
        if (target) add(member, target, "joining", 0.75);
      } else if (lower(i + 1) === "to") {
        const member = orgEndingAt(i);
        const target = orgAt(i + 2);
        if (member && target && member.isPossessive) add(member, target, "joining", 0.75);
      }
      return;
    }
    // "X joined Y", "decision to join Y", "requested to join"
    if (w === "join" || w === "joined" || w === "joins" || w === "joining") {
      findJoin(ctx, s, tokens, orgs, i, orgAt, orgBefore, add, isNegated);
      return;
    }
    // "X is a full member of Y", "X, a former member of Y", "X became an associate member of Y", "X is an affiliate of Y"
    if ((w === "member" || w === "affiliate") && lower(i + 1) === "of") {
      const target = orgAt(i + 2);
      if (!target) return;
      let k = i - 1;
      let status: MembershipStatus | undefined;
      while (k >= 0 && i - k <= 3 && MEMBER_ADJECTIVES.has(lower(k))) {
        status ??= STATUS_BY_ADJECTIVE[lower(k)];
        k -= 1;
      }
      if (k === i - 1) return;
      const member = orgBefore(k + 1, 5);
      if (!member || isNegated(member.to, i)) return;
      status ??= lower(member.to) === "," ? "member" : (statusFromCues(cueWords(member.to, k + 1)) ?? "member");
      if (status === "joining") status = "member";
      add(member, target, status, 0.8);
      return;
    }
    // "A and B are members of Y", "A and B became full members of Y"
    if ((w === "members" || w === "affiliates") && lower(i + 1) === "of") {
      const target = orgAt(i + 2);
      if (!target) return;
      let k = i - 1;
      while (k >= 0 && i - k <= 3 && MEMBER_ADJECTIVES.has(lower(k))) k -= 1;
      const verb = lower(k);
      if (!["are", "were", "became", "become", "remain", "remained"].includes(verb)) {
        // "member organisations of Y include A and B", "the affiliates of Y are A and B"
        return;
      }
      const members = listEndingAt(k);
      if (members.length === 0 || isNegated(k, i)) return;
      for (const m of members) add(m, target, "member", 0.75);
      return;
    }
    // "X withdrew from Y", "X has left the Y": a former member
    if (((w === "withdrew" || w === "withdrawn") && lower(i + 1) === "from") || w === "left" || w === "quit") {
      const target = orgAt(w === "left" || w === "quit" ? i + 1 : i + 2);
      const member = orgBefore(i, 3);
      if (target && member && !isNegated(member.to, i)) add(member, target, "former", 0.7);
      return;
    }
    // "X is affiliated to Y", "X affiliates with Y", "the affiliation of X to Y"
    if ((w === "affiliated" || w === "affiliates") && (lower(i + 1) === "to" || lower(i + 1) === "with")) {
      const target = orgAt(i + 2);
      const member = orgBefore(i, 3);
      if (target && member && !isNegated(member.to, i))
        add(member, target, statusFromCues(cueWords(member.to, i)) ?? "member", 0.8);
      return;
    }
    // "Y admitted X as a full member", "Y accepted X into its membership"; "X was admitted to Y"
    if (ADMIT_VERBS.has(w)) {
      const object = orgAt(i + 1);
      if (object) {
        const rest = lower(object.to);
        const isAsMember =
          rest === "as" &&
          [1, 2, 3, 4].some((d) =>
            ["member", "members", "affiliate", "member-organisation", "member-organization"].includes(
              lower(object.to + d),
            ),
          );
        const isInto =
          (rest === "into" || rest === "to") &&
          ["membership", "its", "their", "the"].includes(lower(object.to + 1)) &&
          !orgAt(object.to + 1);
        const subject = orgBefore(i, 4);
        if ((isAsMember || isInto) && subject && !isNegated(subject.to, i)) add(object, subject, "member", 0.8);
        return;
      }
      const isPassive = ["was", "were", "been", "be", "is", "are"].includes(lower(i - 1));
      if (isPassive && (w === "admitted" || w === "accepted") && (lower(i + 1) === "to" || lower(i + 1) === "into")) {
        const target = orgAt(i + 2);
        const member = orgBefore(i, 4);
        if (target && member && !isNegated(member.to, i))
          add(member, target, lower(i - 2) === "will" || lower(i - 2) === "to" ? "joining" : "member", 0.75);
      }
      return;
    }
    // "Today, X includes 15 branch unions, among them A and B", "X unites A, B and C"
    if (INCLUDING_VERBS.has(w)) {
      // "the member organisations of Y include A and B", "Y's affiliates include A and B"
      if ((w.startsWith("includ") || w.startsWith("compris")) && findMemberListAfterNoun(tokens, i, orgs, listAt, add))
        return;
      const subject = orgBefore(i, 2);
      if (!subject) return;
      if (DIRECT_LIST_VERBS.has(w)) {
        for (const m of listAt(i + 1)) add(m, subject, "member", 0.7);
      }
      // the list marker within the same clause
      for (let k = i + 1; k < tokens.length && k - i < 14; k++) {
        const m = lower(k);
        if (m === "." || m === ";" || m === "which" || m === "who" || m === "that") break;
        if (!LIST_MARKERS.has(m)) continue;
        let start = k + 1;
        if (m === "among") {
          if (!["them", "which", "whom", "others"].includes(lower(k + 1))) break;
          start = k + 2;
          if (lower(start) === "are" || lower(start) === "is") start += 1;
        } else if (m === "such") {
          if (lower(k + 1) !== "as") break;
          start = k + 2;
        }
        for (const member of listAt(start)) add(member, subject, "member", 0.7);
        break;
      }
    }
  });
}

/** "the member organisations of Y include A and B", "Y's affiliates include A and B" */
function findMemberListAfterNoun(
  tokens: Token[],
  verb: number,
  orgs: OrgRef[],
  listAt: (i: number) => OrgRef[],
  add: (member: OrgRef, target: OrgRef, status: MembershipStatus, confidence: number) => void,
): boolean {
  const lower = (i: number) => tokens[i]?.lower ?? "";
  // "Y's member organisations include", "Y's affiliates include"
  let target: OrgRef | undefined;
  let k = verb - 1;
  if (MEMBER_NOUNS.has(lower(k))) {
    const noun = k;
    if (lower(noun) !== "members" && lower(noun) !== "affiliates" && lower(noun - 1) !== "member") return false;
    const start = lower(noun - 1) === "member" ? noun - 1 : noun;
    target = orgs.find((o) => o.to === start && o.isPossessive);
  } else {
    // "the member organisations of Y include"
    const owner = orgs.find((o) => o.to === verb);
    if (!owner) return false;
    k = owner.from - 1;
    if (lower(k) === "the") k -= 1;
    if (lower(k) !== "of" || !MEMBER_NOUNS.has(lower(k - 1))) return false;
    const noun = k - 1;
    if (lower(noun) !== "members" && lower(noun) !== "affiliates" && lower(noun - 1) !== "member") return false;
    target = owner;
  }
  if (!target) return false;
  const members = listAt(verb + 1);
  for (const m of members) add(m, target, "member", 0.75);
  return members.length > 0;
}

/** "X joined Y" (member), "X decided to join Y" (joining), "X applied to join Y" (applied). */
function findJoin(
  ctx: DocumentContext,
  s: number,
  tokens: Token[],
  orgs: OrgRef[],
  i: number,
  orgAt: (i: number) => OrgRef | undefined,
  orgBefore: (i: number, maxGap: number) => OrgRef | undefined,
  add: (member: OrgRef, target: OrgRef, status: MembershipStatus, confidence: number) => void,
  isNegated: (from: number, to: number) => boolean,
): void {
  const w = tokens[i]!.lower;
  const lower = (k: number) => tokens[k]?.lower ?? "";
  const cues = tokens.slice(Math.max(0, i - 6), i).map((t) => t.lower);
  const isToInfinitive = lower(i - 1) === "to";
  const status: MembershipStatus =
    (w === "joined" || w === "joins") && !isToInfinitive && !cues.includes("to")
      ? "member"
      : cues.some((c) => c.startsWith("appl") || c.startsWith("request"))
        ? "applied"
        : "joining";
  const target = orgAt(i + 1);
  if (target) {
    let member: OrgRef | undefined;
    for (const o of orgs) if (o.to <= i && o.ref !== target.ref) member = o;
    if (!member || isNegated(member.to, i)) return;
    // "X called on Y to join Z" names Y; "the invitation to join" names nobody
    add(member, target, status, 0.7);
    return;
  }
  // "The General Confederation of Trade Unions has been requested to join.": the document's own organisation
  const joined = orgBefore(i, Number.MAX_SAFE_INTEGER);
  const passive = cues.includes("been");
  if (passive && joined && tokens.slice(i + 1).every((t) => !t.isWord)) {
    const earlier = ctx.relations.find((r) => r.type === "MEMBER_OF" && r.to === joined.ref);
    const member = earlier?.from ?? (ctx.dominantOrg !== joined.ref ? ctx.dominantOrg : undefined);
    if (member)
      ctx.addRelation({
        type: "MEMBER_OF",
        from: member,
        to: joined.ref,
        properties: { status },
        confidence: earlier ? 0.6 : 0.5,
        sentence: s,
      });
  }
}
