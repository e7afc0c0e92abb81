/**
 * Relation patterns over the items of each sentence: positions, meetings, signatures, memberships,
 * participation, locations and the numbers stated about organisations.
 */
import type { EventKind, PropertyValue } from "../domain/model.js";
import { findDate } from "./dates.js";
import type { DocumentContext, Item, RoleReference } from "./extract-document.js";
import { findMemberships } from "./find-memberships.js";
import { foldText, shortHash } from "./fold.js";
import { countryOfCity } from "./lexicon/countries.js";
import { LEADING_ROLES, NUMBER_WORDS } from "./lexicon/words.js";
import type { Token } from "./tokens.js";

const OF_GAP = /^of(?: the)?$/;
const APPOSITION_GAP = /^,(?: the)?$/;
const CHAIN_GAP = /^(?:,|–|—|-|,? and|, –)$/;
const FUTURE = new Set([
  "will",
  "planned",
  "plan",
  "plans",
  "upcoming",
  "forthcoming",
  "scheduled",
  "shall",
  "would",
  "intend",
  "intends",
  "invitation",
]);

/** The text between two items, normalised ("’s" dropped, spaces collapsed, lower case). */
function gap(ctx: DocumentContext, a: Item, b: Item): string {
  if (b.start < a.end) return "";
  return ctx.doc.text
    .slice(a.end, b.start)
    .replace(/^['’]s\b/, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

interface Actor {
  person: string;
  start: number;
  end: number;
}

/** Who holds which roles where, indexed once positions are known. */
interface Holders {
  bySentence: Map<number, RoleReference[]>;
  byOrg: Map<string, { person: string; role: string }[]>;
}

function indexHolders(ctx: DocumentContext): Holders {
  const bySentence = new Map<number, RoleReference[]>();
  for (const ref of ctx.roleRefs) {
    const list = bySentence.get(ref.sentence) ?? [];
    list.push(ref);
    bySentence.set(ref.sentence, list);
  }
  const byOrg = new Map<string, { person: string; role: string }[]>();
  for (const r of ctx.relations) {
    if (r.type !== "HOLDS_POSITION") continue;
    const list = byOrg.get(r.to) ?? [];
    list.push({ person: r.from, role: String(r.properties.role) });
    byOrg.set(r.to, list);
  }
  return { bySentence, byOrg };
}

/** People named in a sentence, and roles that stand for a person ("the Head of the FTURK"). */
function actorsOf(ctx: DocumentContext, sentence: number, holders: Holders): Actor[] {
  const actors: Actor[] = [];
  for (const item of ctx.items[sentence]!)
    if (item.kind === "person") actors.push({ person: item.ref, start: item.start, end: item.end });
  for (const ref of holders.bySentence.get(sentence) ?? []) {
    const holder = holderOf(holders, ref.org, ref.role);
    if (holder && !actors.some((a) => a.person === holder && Math.abs(a.start - ref.start) < 200))
      actors.push({ person: holder, start: ref.start, end: ref.end });
  }
  return actors.sort((a, b) => a.start - b.start);
}

/** The one person the document says holds a leading role in an organisation, if exactly one does. */
function holderOf(index: Holders, org: string, role: string): string | undefined {
  const holders = new Set<string>();
  for (const { person, role: held } of index.byOrg.get(org) ?? []) {
    if (held === role || (LEADING_ROLES.has(role) && LEADING_ROLES.has(held))) holders.add(person);
  }
  return holders.size === 1 ? [...holders][0] : undefined;
}

function findPositions(ctx: DocumentContext): void {
  ctx.items.forEach((items, s) => {
    const used = new Set<number>();
    const add = (roleIdx: number, orgIdx: number | undefined, person: Item, confidence: number) => {
      used.add(roleIdx);
      if (orgIdx === undefined) return;
      ctx.addRelation({
        type: "HOLDS_POSITION",
        from: person.ref,
        to: items[orgIdx]!.ref,
        properties: { role: items[roleIdx]!.ref },
        confidence,
        sentence: s,
      });
    };
    // "… ROLE of ORG" pairs going backwards from item c, joined by commas or dashes
    const chainBack = (c: number, person: Item) => {
      let cursor = c;
      while (cursor >= 2) {
        const org = items[cursor - 1]!;
        const role = items[cursor - 2]!;
        if (org.kind !== "org" || role.kind !== "role") break;
        if (!CHAIN_GAP.test(gap(ctx, org, items[cursor]!)) || !OF_GAP.test(gap(ctx, role, org))) break;
        // "A, Deputy Chairman of X, and Y Chairman B": the role before is A's
        const owner = items[cursor - 3];
        if (owner?.kind === "person" && APPOSITION_GAP.test(gap(ctx, owner, role))) break;
        add(cursor - 2, cursor - 1, person, 0.8);
        cursor -= 2;
      }
    };
    items.forEach((person, p) => {
      if (person.kind !== "person") return;
      const prev = items[p - 1];
      const prev2 = items[p - 2];
      const prev3 = items[p - 3];
      if (prev?.kind === "role" && /^,?$/.test(gap(ctx, prev, person))) {
        // "ORG ROLE Person" or "ROLE Person"
        if (prev2?.kind === "org" && gap(ctx, prev2, prev) === "") {
          add(p - 1, p - 2, person, 0.9);
          chainBack(p - 2, person);
        } else if (
          prev2?.kind === "org" &&
          prev3?.kind === "role" &&
          OF_GAP.test(gap(ctx, prev3, prev2)) &&
          CHAIN_GAP.test(gap(ctx, prev2, prev))
        ) {
          // "Chairman of ATUC, MP Sattar Mohbaliyev": MP has no organisation; the chain before it does
          add(p - 1, undefined, person, 0);
          chainBack(p - 1, person);
        } else {
          const delegation = delegationLeader(ctx, s, prev);
          add(p - 1, delegation, person, 0.7);
        }
      } else if (
        prev?.kind === "org" &&
        /^,?$/.test(gap(ctx, prev, person)) &&
        prev2?.kind === "role" &&
        OF_GAP.test(gap(ctx, prev2, prev))
      ) {
        // "ROLE of ORG Person", "ROLE of ORG, Person"
        add(p - 2, p - 1, person, 0.9);
        chainBack(p - 2, person);
      }
      // "Person, ROLE of ORG", "Person, the chairman of ORG"
      const next = items[p + 1];
      const next2 = items[p + 2];
      if (
        next?.kind === "role" &&
        APPOSITION_GAP.test(gap(ctx, person, next)) &&
        next2?.kind === "org" &&
        OF_GAP.test(gap(ctx, next, next2))
      ) {
        add(p + 1, p + 2, person, 0.9);
      }
    });
    // roles that name no person stand for whoever holds them: "the Head of the FTURK", "The ITUC General Secretary"
    items.forEach((role, r) => {
      if (role.kind !== "role" || used.has(r)) return;
      const next = items[r + 1];
      const prev = items[r - 1];
      let org: Item | undefined;
      let end = role.end;
      if (next?.kind === "org" && OF_GAP.test(gap(ctx, role, next))) {
        org = next;
        end = next.end;
      } else if (prev?.kind === "org" && gap(ctx, prev, role) === "") org = prev;
      if (!org) return;
      const after = items[org === next ? r + 2 : r + 1];
      if (after?.kind === "person" && /^,?$/.test(gap(ctx, org === next ? next : role, after))) return;
      ctx.roleRefs.push({
        sentence: s,
        start: org === prev ? prev.start : role.start,
        end,
        role: role.ref,
        org: org.ref,
      });
    });
  });
}

/** "a delegation of ORG … headed by ROLE Person": the organisation the delegation is from. */
function delegationLeader(ctx: DocumentContext, s: number, role: Item): number | undefined {
  const items = ctx.items[s]!;
  const before = ctx.doc.text.slice(Math.max(0, role.start - 40), role.start).toLowerCase();
  if (!/\b(?:headed|led) by(?: (?:its|their|the))?\s*$/.test(before)) return undefined;
  for (let i = items.indexOf(role) - 1; i >= 0; i--) {
    const item = items[i]!;
    if (item.kind !== "org") continue;
    const lead = ctx.doc.text.slice(Math.max(0, item.start - 30), item.start).toLowerCase();
    if (/\bdelegations? of(?: the)?\s*$/.test(lead)) return i;
  }
  return undefined;
}

function tokensOf(ctx: DocumentContext, s: number): Token[] {
  return ctx.analyses[s]!.tokens;
}

function isFuture(tokens: Token[]): boolean {
  return tokens.some((t) => FUTURE.has(t.lower));
}

function dateProps(ctx: DocumentContext, s: number): Record<string, PropertyValue> {
  const found = findDate(ctx.doc.sentences[s]!.text, ctx.options.referenceDate);
  const props: Record<string, PropertyValue> = {};
  if (found?.date !== undefined) props.date = found.date;
  if (found?.dateText !== undefined) props.dateText = found.dateText;
  return props;
}

function placeProps(
  ctx: DocumentContext,
  s: number,
  from = 0,
): { props: Record<string, PropertyValue>; country?: string } {
  for (const item of ctx.items[s]!) {
    if (item.kind !== "place" || item.city === undefined || item.start < from) continue;
    const lead = ctx.doc.text.slice(Math.max(0, item.start - 4), item.start).toLowerCase();
    if (!/\b(?:in|to|at)\s$/.test(lead)) continue;
    const country = countryOfCity(item.city);
    return country === undefined ? { props: { place: item.city } } : { props: { place: item.city }, country };
  }
  return { props: {} };
}

// what may stand between two people of one list: "A and B", "A, President of X, and B"
const LIST_BREAKERS =
  /\b(?:who|whom|which|that|to|about|for|on|regarding|concerning|by|said|noted|stressed|with|after|before|during|while|when)\b|[.;:!?]/;

/** The people of the list that starts with the first actor ("A, Director of X, and B"); a relative clause ends it. */
function coordinated(ctx: DocumentContext, actors: Actor[]): string[] {
  const list: string[] = [];
  for (const [k, actor] of actors.entries()) {
    if (k > 0) {
      const between = ctx.doc.text.slice(actors[k - 1]!.end, actor.start).toLowerCase();
      if (between.length > 160 || LIST_BREAKERS.test(between) || !/(?:^|\s|,)(?:and|,|–|—)(?:\s|$)|,/.test(between))
        break;
    }
    if (!list.includes(actor.person)) list.push(actor.person);
  }
  return list;
}

const MEETING_CONTEXT_WORDS = new Set(["meeting", "met", "visit", "talks", "reception", "welcome", "meetings"]);
const SECONDARY_MEETING_VERBS = new Set([
  "informed",
  "thanked",
  "congratulated",
  "welcomed",
  "told",
  "briefed",
  "received",
  "greeted",
  "assured",
]);
const MEETING_TRIGGERS = new Set(["met", "meeting", "meetings", "talks", ...SECONDARY_MEETING_VERBS]);

function findMeetings(ctx: DocumentContext): void {
  const hasMeetingContext = ctx.analyses.some((a) => a.tokens.some((t) => MEETING_CONTEXT_WORDS.has(t.lower)));
  const meetings: { participants: Set<string>; event: string }[] = [];
  const meet = (s: number, sides: [string[], string[]], confidence: number, isPrimary: boolean) => {
    const pairs: [string, string][] = [];
    for (const a of sides[0])
      for (const b of sides[1])
        if (a !== b && !pairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) pairs.push([a, b]);
    if (pairs.length === 0) return;
    const everyone = [...new Set([...sides[0], ...sides[1]])];
    let meeting = meetings.find((m) => pairs.every(([a, b]) => m.participants.has(a) && m.participants.has(b)));
    if (!meeting && !isPrimary) meeting = undefined;
    if (!meeting) {
      const key = shortHash(everyone.slice().sort().join("|"));
      const place = placeProps(ctx, s);
      const event = ctx.addEvent("meeting", key, s, { ...dateProps(ctx, s), ...place.props }, everyone);
      if (place.country)
        ctx.addRelation({
          type: "LOCATED_IN",
          from: event,
          to: ensureCountry(ctx, place.country, s),
          confidence: 0.6,
          sentence: s,
        });
      meeting = { participants: new Set(everyone), event };
      meetings.push(meeting);
    }
    const event = ctx.entities.get(meeting.event)!;
    for (const p of everyone) {
      if (!event.participants!.includes(p)) event.participants!.push(p);
      meeting.participants.add(p);
      ctx.addRelation({
        type: "PARTICIPATED_IN",
        from: p,
        to: meeting.event,
        confidence: Math.min(confidence, 0.8),
        sentence: s,
      });
    }
    const date = event.properties.date;
    for (const [a, b] of pairs) {
      const properties: Record<string, PropertyValue> = { eventId: meeting.event };
      if (date !== undefined) properties.date = date;
      ctx.addRelation({ type: "MET_WITH", from: a, to: b, properties, confidence, sentence: s });
    }
  };

  // primary patterns first, so secondary ones ("A informed B") find the meeting they belong to
  const secondary: (() => void)[] = [];
  const holders = indexHolders(ctx);
  ctx.analyses.forEach((_a, s) => {
    const tokens = tokensOf(ctx, s);
    const actors = actorsOf(ctx, s, holders);
    if (actors.length < 2) return;
    const future = isFuture(tokens);
    tokens.forEach((t, i) => {
      if (!MEETING_TRIGGERS.has(t.lower)) return;
      const before = actors.filter((x) => x.end <= t.start);
      const after = actors.filter((x) => x.start >= t.end);
      if (t.lower === "met" && !future) {
        const subjects = coordinated(ctx, before);
        const objects = tokens[i + 1]?.lower === "with" || tokens[i + 1]?.isCap ? coordinated(ctx, after) : [];
        if (subjects.length > 0 && objects.length > 0) meet(s, [subjects, objects], 0.9, true);
      } else if ((t.lower === "meeting" || t.lower === "meetings" || t.lower === "talks") && !future) {
        const next = tokens[i + 1]?.lower;
        if (next === "between") {
          const people = [...new Set(coordinated(ctx, after))].slice(0, 6);
          if (people.length >= 2) meet(s, [[people[0]!], people.slice(1)], 0.85, true);
        } else if (next === "of") {
          const withToken = tokens.findIndex((w, k) => k > i && w.lower === "with");
          if (withToken < 0) return;
          const cut = tokens[withToken]!.start;
          const first = after.filter((x) => x.start < cut);
          const second = after.filter((x) => x.start > cut);
          if (first.length > 0 && second.length > 0)
            meet(s, [coordinated(ctx, first), coordinated(ctx, second)], 0.85, true);
        } else if (next === "with") {
          const subjects = coordinated(ctx, before);
          if (subjects.length > 0 && after.length > 0) meet(s, [subjects, coordinated(ctx, after)], 0.8, true);
        }
      } else if (SECONDARY_MEETING_VERBS.has(t.lower) && hasMeetingContext && !future) {
        const subject = before[0];
        const object = after[0];
        if (subject && object && subject.person !== object.person && coordinated(ctx, before).length === 1) {
          secondary.push(() => meet(s, [[subject.person], [object.person]], 0.6, false));
        }
      }
    });
  });
  for (const run of secondary) run();
  findDelegationMeetings(ctx);
}

/** "The delegation of X met with the delegation of Y": organisations meet when the text names no people. */
function findDelegationMeetings(ctx: DocumentContext): void {
  ctx.analyses.forEach((_a, s) => {
    const tokens = tokensOf(ctx, s);
    const items = ctx.items[s]!;
    if (isFuture(tokens) || items.some((x) => x.kind === "person")) return;
    const trigger = tokens.findIndex(
      (t, i) =>
        (t.lower === "met" && tokens[i + 1]?.lower === "with") ||
        ((t.lower === "meeting" || t.lower === "talks") && tokens[i + 1]?.lower === "between"),
    );
    if (trigger < 0) return;
    const delegations = items.filter(
      (x) =>
        x.kind === "org" &&
        /\bdelegations? of(?: the)?\s*$|\bdelegations? of the [^.;,]{0,40}\band(?: the)?\s*$/.test(
          ctx.doc.text.slice(Math.max(0, x.start - 60), x.start).toLowerCase(),
        ),
    );
    const at = tokens[trigger]!.start;
    const sides: [string[], string[]] =
      tokens[trigger]!.lower === "met"
        ? [
            delegations.filter((x) => x.end <= at).map((x) => x.ref),
            delegations.filter((x) => x.start > at).map((x) => x.ref),
          ]
        : [
            delegations
              .filter((x) => x.start > at)
              .slice(0, 1)
              .map((x) => x.ref),
            delegations
              .filter((x) => x.start > at)
              .slice(1)
              .map((x) => x.ref),
          ];
    const [a, b] = sides;
    if (a.length === 0 || b.length === 0) return;
    const everyone = [...new Set([...a, ...b])];
    const event = ctx.addEvent("meeting", shortHash(everyone.slice().sort().join("|")), s, dateProps(ctx, s), everyone);
    for (const x of a)
      for (const y of b)
        if (x !== y)
          ctx.addRelation({
            type: "MET_WITH",
            from: x,
            to: y,
            properties: { eventId: event },
            confidence: 0.7,
            sentence: s,
          });
    for (const p of everyone)
      ctx.addRelation({ type: "PARTICIPATED_IN", from: p, to: event, confidence: 0.7, sentence: s });
  });
}

const AGREEMENT_NOUNS: Record<string, EventKind> = {
  agreement: "agreement",
  agreements: "agreement",
  accord: "agreement",
  treaty: "agreement",
  protocol: "agreement",
  pact: "agreement",
  memorandum: "memorandum",
  memoranda: "memorandum",
  memorandums: "memorandum",
};

function findSignatures(ctx: DocumentContext): void {
  let lastSigned: { event: string; sentence: number } | undefined;
  ctx.analyses.forEach((_a, s) => {
    const tokens = tokensOf(ctx, s);
    const signIdx = tokens.findIndex((t) => /^sign(?:ed|s)?$/.test(t.lower));
    if (signIdx < 0) return;
    if (isFuture(tokens) || tokens.some((t, i) => t.lower === "be" && tokens[i + 1]?.lower === "signed")) return;
    const items = ctx.items[s]!;
    const nounIdx = tokens.findIndex((t) => Object.hasOwn(AGREEMENT_NOUNS, t.lower));
    const byIdx = tokens[signIdx + 1]?.lower === "by" ? signIdx + 1 : -1;
    const partiesAfter = (idx: number) => [
      ...new Set(
        items.filter((x) => (x.kind === "org" || x.kind === "person") && x.start >= tokens[idx]!.end).map((x) => x.ref),
      ),
    ];
    if (nounIdx < 0) {
      // "The document was signed by A and B": the signatories of the agreement just named
      if (byIdx >= 0 && lastSigned && s - lastSigned.sentence <= 2) {
        for (const who of partiesAfter(byIdx))
          ctx.addRelation({ type: "SIGNED", from: who, to: lastSigned.event, confidence: 0.7, sentence: s });
      }
      return;
    }
    const kind = AGREEMENT_NOUNS[tokens[nounIdx]!.lower]!;
    const betweenIdx = tokens.findIndex((t, i) => t.lower === "between" && i > Math.min(signIdx, nounIdx));
    let orgs: string[] = [];
    let people: string[] = [];
    if (betweenIdx >= 0) {
      orgs = partiesAfter(betweenIdx).filter((r) => !r.startsWith("person:"));
    } else if (byIdx >= 0) {
      // "an agreement … was signed by the FTUU and the FPRK"
      const parties = partiesAfter(byIdx);
      orgs = parties.filter((r) => !r.startsWith("person:"));
      people = parties.filter((r) => r.startsWith("person:"));
    }
    const signStart = tokens[signIdx]!.start;
    const clauseStart = Math.max(0, ...tokens.filter((t) => t.text === "," && t.start < signStart).map((t) => t.end));
    const subjectItems = items.filter((x) => x.start >= clauseStart && x.end <= signStart);
    if (orgs.length < 2 && byIdx < 0) {
      orgs = [...new Set(subjectItems.filter((x) => x.kind === "org").map((x) => x.ref))];
      // "A signed a memorandum with B"
      const withIdx = tokens.findIndex((t, i) => t.lower === "with" && i > nounIdx);
      if (withIdx >= 0)
        for (const x of items)
          if (x.kind === "org" && x.start >= tokens[withIdx]!.end && !orgs.includes(x.ref)) orgs.push(x.ref);
    }
    if (byIdx < 0) people = [...new Set(subjectItems.filter((x) => x.kind === "person").map((x) => x.ref))];
    if (orgs.length + people.length < 2) return;
    // the name of the document: "Agreement on cooperation", "memoranda of cooperation"
    let end = nounIdx + 1;
    while (
      end < tokens.length &&
      end - nounIdx < 6 &&
      /^(?:on|of|in|for|mutual|cooperation|co-operation|partnership|understanding|collaboration|the|social|trade|union|joint|bilateral)$/.test(
        tokens[end]!.lower,
      )
    )
      end += 1;
    while (end > nounIdx + 1 && /^(?:on|of|in|for|the)$/.test(tokens[end - 1]!.lower)) end -= 1;
    const phrase = tokens
      .slice(nounIdx, end)
      .map((t) => t.text)
      .join(" ");
    const title = (phrase.charAt(0).toUpperCase() + phrase.slice(1)).replace(
      /^(?:Memoranda|Memorandums)\b/,
      "Memorandum",
    );
    const signatories = [...orgs, ...people];
    const key = shortHash([...signatories].sort().join("|"));
    const event = ctx.addEvent(kind, key, s, { title, ...dateProps(ctx, s) }, signatories);
    lastSigned = { event, sentence: s };
    for (const who of signatories)
      ctx.addRelation({ type: "SIGNED", from: who, to: event, confidence: betweenIdx >= 0 ? 0.9 : 0.75, sentence: s });
  });
}

const EVENT_NOUNS: Record<string, EventKind> = {
  conference: "conference",
  forum: "conference",
  seminar: "conference",
  summit: "conference",
  symposium: "conference",
  workshop: "conference",
  congress: "congress",
  session: "session",
  plenary: "session",
  assembly: "session",
  visit: "visit",
};
const PARTICIPATION_CUES = new Set([
  "participation",
  "participated",
  "participate",
  "participating",
  "attended",
  "attending",
  "represented",
  "addressed",
  "chaired",
]);

function findParticipation(ctx: DocumentContext): void {
  ctx.analyses.forEach((_a, s) => {
    const tokens = tokensOf(ctx, s);
    if (
      !tokens.some((t) => t.lower === "visit" || t.lower === "visited" || Object.hasOwn(EVENT_NOUNS, t.lower)) ||
      isFuture(tokens)
    )
      return;
    const items = ctx.items[s]!;
    const lowers = tokens.map((t) => t.lower);
    const delegations: string[] = [];
    const leaders: string[] = [];
    for (const item of items) {
      const lead = ctx.doc.text.slice(Math.max(0, item.start - 60), item.start).toLowerCase();
      if (item.kind === "org" && /\bdelegations? of(?: the)?\s*$/.test(lead)) delegations.push(item.ref);
      if (item.kind === "person" && /\b(?:headed|led) by\b[^.;]*$/.test(lead)) leaders.push(item.ref);
    }
    const subjectBefore = (pos: number): string[] => {
      const people = items.filter((x) => x.kind === "person" && x.end <= pos);
      return people.length > 0 ? [people[people.length - 1]!.ref] : [];
    };
    const record = (kind: EventKind, nounIdx: number, participants: string[]) => {
      const unique = [...new Set(participants)];
      if (unique.length === 0) return;
      // the event's title: capitalised words before the noun ("Jubilee Conference"), or the noun and what it is "of"
      let from = nounIdx;
      while (from > 0 && tokens[from - 1]!.isCap && tokens[from - 1]!.isWord && !tokens[from - 1]!.isAcronym) from -= 1;
      const noun = tokens[nounIdx]!;
      const organOf =
        kind === "visit"
          ? undefined
          : items.find(
              (x) =>
                x.kind === "org" &&
                x.start > noun.end &&
                /^of(?: the)?$/.test(ctx.doc.text.slice(noun.end, x.start).trim().toLowerCase()),
            );
      let title =
        kind === "visit"
          ? "Visit"
          : ctx.doc.text.slice(tokens[from]!.start, organOf ? organOf.end : noun.end).replace(/\s+/g, " ");
      title = title.charAt(0).toUpperCase() + title.slice(1);
      const place = placeProps(ctx, s);
      const key = shortHash(unique.slice().sort().join("|"));
      const event = ctx.addEvent(kind, key, s, { title, ...dateProps(ctx, s), ...place.props }, unique);
      if (place.country)
        ctx.addRelation({
          type: "LOCATED_IN",
          from: event,
          to: ensureCountry(ctx, place.country, s),
          confidence: 0.7,
          sentence: s,
        });
      for (const p of unique)
        ctx.addRelation({ type: "PARTICIPATED_IN", from: p, to: event, confidence: 0.75, sentence: s });
    };
    tokens.forEach((t, i) => {
      // visits: "a delegation of X headed by Y visited …", "the visit of the delegation of X", "X paid a working visit to …"
      if (t.lower === "visited" || t.lower === "visit") {
        const before = ctx.doc.text.slice(Math.max(0, t.start - 30), t.start).toLowerCase();
        const isPaid = t.lower === "visit" && /\bpaid (?:an? )?(?:[a-z-]+ )?$/.test(before);
        const isOfDelegation =
          t.lower === "visit" &&
          lowers[i + 1] === "of" &&
          (lowers[i + 2] === "delegation" || (lowers[i + 2] === "the" && lowers[i + 3] === "delegation"));
        if (t.lower === "visited" || isPaid)
          record("visit", i, [...delegations, ...leaders, ...(delegations.length === 0 ? subjectBefore(t.start) : [])]);
        else if (isOfDelegation) record("visit", i, [...delegations, ...leaders]);
        return;
      }
      // conferences, sessions, congresses: "participation in the session of …", "X represented … at the Conference"
      const kind = Object.hasOwn(EVENT_NOUNS, t.lower) ? EVENT_NOUNS[t.lower] : undefined;
      if (!kind || kind === "visit") return;
      const window = lowers.slice(Math.max(0, i - 10), i);
      const cue = window.findIndex((w, k) => PARTICIPATION_CUES.has(w) || (w === "took" && window[k + 1] === "part"));
      if (cue < 0) return;
      const cueToken = tokens[Math.max(0, i - 10) + cue]!;
      const isVerb = cueToken.lower !== "participation";
      record(kind, i, [
        ...delegations,
        ...leaders,
        ...(isVerb && delegations.length === 0 ? subjectBefore(cueToken.start) : []),
      ]);
    });
  });
}

function ensureCountry(ctx: DocumentContext, country: string, s: number): string {
  const key = `country:${country}`;
  if (!ctx.entities.has(key)) {
    ctx.entities.set(key, {
      key,
      type: "Country",
      name: country,
      surfaces: [country],
      acronyms: [],
      mentions: 1,
      isAcronymOnly: false,
      evidence: ctx.evidenceOf(s),
      properties: {},
    });
  }
  return key;
}

function findLocations(ctx: DocumentContext): void {
  ctx.analyses.forEach((_a, s) => {
    const items = ctx.items[s]!;
    for (const item of items) {
      if (item.kind !== "org" || !item.org) continue;
      const org = ctx.entities.get(item.ref);
      if (!org) continue;
      // the country in the organisation's own name
      const countries = [...new Set(item.org.countries)];
      if (item.org.form === "full" && countries.length === 1 && org.type !== "Confederation") {
        ctx.addRelation({
          type: "LOCATED_IN",
          from: item.ref,
          to: ensureCountry(ctx, countries[0]!, s),
          confidence: 0.9,
          sentence: s,
        });
      }
    }
    // "the ILO in Geneva"
    items.forEach((item, i) => {
      const next = items[i + 1];
      if (item.kind !== "org" || next?.kind !== "place" || next.city === undefined) return;
      if (gap(ctx, item, next) !== "in") return;
      const country = countryOfCity(next.city);
      if (country)
        ctx.addRelation({
          type: "LOCATED_IN",
          from: item.ref,
          to: ensureCountry(ctx, country, s),
          confidence: 0.6,
          sentence: s,
        });
    });
  });
}

const COUNT_VERBS =
  /\b(?:unit(?:es|ing|ed)|brings? together|bringing together|includ(?:es|ing)|compris(?:es|ing)|consist(?:s|ing) of|represents?|representing|membership|has|have|counts?|numbers?|affiliates?|members?)\b/;
const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9 };

function propertyForNoun(noun: string): string | undefined {
  if (
    /^(?:national )?(?:trade )?(?:union )?(?:cent(?:er|re)s|centres)|^national (?:trade )?(?:union )?cent|^affiliat|^member (?:organi[sz]ations|unions)|^national trade unions|^national unions/.test(
      noun,
    )
  )
    return "affiliates";
  if (/^international (?:trade union )?(?:associations|organi[sz]ations)/.test(noun)) return "internationalAffiliates";
  if (/^branch/.test(noun)) return "branchUnions";
  if (/^territorial|^regional (?:unions|organi[sz]ations)/.test(noun)) return "territorialUnions";
  if (/^primary/.test(noun)) return "primaryOrganisations";
  if (/^countries|^states\b|^nations\b/.test(noun)) return "countries";
  if (
    /^(?:(?:trade )?union )?(?:members|workers|employees|working people|people)\b|^(?:trade union members)/.test(noun)
  )
    return "members";
  return undefined;
}

function findNumbers(ctx: DocumentContext): void {
  ctx.analyses.forEach((_a, s) => {
    const tokens = tokensOf(ctx, s);
    const items = ctx.items[s]!;
    tokens.forEach((t, i) => {
      const c = t.text.charCodeAt(0);
      const isDigit = c >= 48 && c <= 57;
      if (!isDigit && !Object.hasOwn(NUMBER_WORDS, t.lower)) return;
      let value = isDigit
        ? /^\d{1,3}(?:[,.]\d{3})*$|^\d+$/.test(t.text)
          ? Number(t.text.replace(/[,.](?=\d{3}\b)/g, ""))
          : undefined
        : NUMBER_WORDS[t.lower];
      if (value === undefined || Number.isNaN(value) || t.lower === "a" || t.lower === "an") return;
      let k = i + 1;
      const scale = Object.hasOwn(SCALE, tokens[k]?.lower ?? "") ? SCALE[tokens[k]!.lower] : undefined;
      if (scale !== undefined) {
        value *= scale;
        k += 1;
      }
      const noun = tokens
        .slice(k, k + 5)
        .filter((w) => w.isWord)
        .map((w) => w.lower)
        .join(" ");
      const property = propertyForNoun(noun);
      if (!property) return;
      const orgs = items.filter((x) => x.kind === "org" && x.end <= t.start);
      const subject = orgs[orgs.length - 1];
      if (!subject) return;
      const between = foldText(ctx.doc.text.slice(subject.end, t.start));
      if (!COUNT_VERBS.test(between) || between.length > 200) return;
      const entity = ctx.entities.get(subject.ref);
      if (entity && entity.properties[property] === undefined) entity.properties[property] = value;
    });
  });
}

/** Runs every relation pattern over a document's sentences. */
export function findRelations(ctx: DocumentContext): void {
  findPositions(ctx);
  findMeetings(ctx);
  findSignatures(ctx);
  findMemberships(ctx);
  findParticipation(ctx);
  findLocations(ctx);
  findNumbers(ctx);
}
