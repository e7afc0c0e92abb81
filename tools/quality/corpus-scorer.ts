/**
 * The real-corpus scorer: the same matching and figures as ../shared/corpus/score.mjs (entities by shared
 * normalised name, one gold entity to one predicted; MET_WITH undirected; SIGNED as pairs of signatory
 * organisations, a person standing for the one organisation they hold a position in), so `npm run score` on a
 * corpus folder prints what the corpus's own scorer prints. Pure.
 */

/** An entity as the scorer reads it. */
export interface ScoredEntity {
  id: string;
  type: string;
  name: string;
  aliases?: readonly string[];
}
/** A relation as the scorer reads it. */
export interface ScoredRelation {
  type: string;
  from: string;
  to: string;
}
/** An extraction or a gold annotation of one document. */
export interface ScoredDocument {
  entities: readonly ScoredEntity[];
  relations: readonly ScoredRelation[];
}

/** Precision, recall and F1 of one class. */
export interface Prf {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

/** The scored classes, in the scorer's order. */
export const SCORED_CLASSES = ["person", "org", "MET_WITH", "SIGNED", "MEMBER_OF", "HOLDS_POSITION", "ALL"] as const;
/** A scored class. */
export type ScoredClass = (typeof SCORED_CLASSES)[number];

const FOLD: Record<string, string> = {
  ı: "i",
  İ: "i",
  ş: "s",
  ğ: "g",
  ə: "a",
  ø: "o",
  ł: "l",
  đ: "d",
  ß: "ss",
  "’": "'",
};
const CLASS: Record<string, string> = {
  Person: "person",
  Union: "org",
  Confederation: "org",
  Organization: "org",
  Organisation: "org",
  Country: "country",
  Event: "event",
};
const SCORED_RELATION = /^(MET_WITH|SIGNED|MEMBER_OF|HOLDS_POSITION)\|/;

/** The scorer's name normalisation. */
export function normaliseName(s: string): string {
  let t = s.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  t = [...t]
    .map((c) => FOLD[c] ?? c)
    .join("")
    .toLowerCase();
  t = t.replace(/labour/g, "labor").replace(/organisation/g, "organization");
  return t
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .replace(/^the /, "");
}

const classOf = (type: string | undefined) => CLASS[type ?? ""] ?? "other";
const namesOf = (e: ScoredEntity) =>
  new Set([e.name, ...(e.aliases ?? [])].filter(Boolean).map(normaliseName).filter(Boolean));

function assign(gold: readonly ScoredEntity[], pred: readonly ScoredEntity[]): Map<string, string> {
  const map = new Map<string, string>();
  const used = new Set<string>();
  const predNames = new Map(pred.map((p) => [p.id, namesOf(p)] as const));
  for (const g of gold) {
    const gn = namesOf(g);
    let best: ScoredEntity | undefined;
    let bestScore = 0;
    for (const p of pred) {
      if (used.has(p.id) || classOf(p.type) !== classOf(g.type)) continue;
      let shared = 0;
      for (const n of gn) if (predNames.get(p.id)!.has(n)) shared++;
      if (shared > bestScore) {
        best = p;
        bestScore = shared;
      }
    }
    if (best) {
      map.set(g.id, best.id);
      used.add(best.id);
    }
  }
  return map;
}

function pairKey(type: string, a: string, b: string, isUndirected: boolean): string {
  return isUndirected && a > b ? `${type}|${b}|${a}` : `${type}|${a}|${b}`;
}

function factsOf(
  doc: ScoredDocument,
  idOf: (id: string) => string,
  orgOf: (id: string) => string,
  skipSelf: boolean,
): Set<string> {
  const byId = new Map(doc.entities.map((e) => [e.id, e] as const));
  const facts = new Set<string>();
  const signedByEvent = new Map<string, Set<string>>();
  for (const r of doc.relations) {
    if (r.type === "MET_WITH") facts.add(pairKey(r.type, idOf(r.from), idOf(r.to), true));
    else if (r.type === "MEMBER_OF" || r.type === "HOLDS_POSITION")
      facts.add(pairKey(r.type, idOf(r.from), idOf(r.to), false));
    else if (r.type === "SIGNED") {
      if (classOf(byId.get(r.to)?.type) === "event") {
        if (!signedByEvent.has(r.to)) signedByEvent.set(r.to, new Set());
        signedByEvent.get(r.to)!.add(orgOf(r.from));
      } else facts.add(pairKey("SIGNED", orgOf(r.from), orgOf(r.to), true));
    }
  }
  for (const parties of signedByEvent.values()) {
    const ps = [...parties];
    for (let i = 0; i < ps.length; i++)
      for (let j = i + 1; j < ps.length; j++)
        if (!skipSelf || ps[i] !== ps[j]) facts.add(pairKey("SIGNED", ps[i]!, ps[j]!, true));
  }
  return facts;
}

function prf(tp: number, predicted: number, gold: number): Prf {
  const p = predicted ? tp / predicted : gold ? 0 : 1;
  const r = gold ? tp / gold : 1;
  const round = (x: number) => Number(x.toFixed(3));
  return { tp, predicted, gold, precision: round(p), recall: round(r), f1: round(p + r ? (2 * p * r) / (p + r) : 0) };
}

/** The score of one document, with its missed and spurious facts (in the gold id space). */
export function scoreDocument(
  pred: ScoredDocument,
  gold: ScoredDocument,
): Record<ScoredClass, Prf> & { missed: string[]; spurious: string[] } {
  const map = assign(gold.entities, pred.entities);
  const out = {} as Record<ScoredClass, Prf>;
  for (const c of ["person", "org"] as const) {
    const g = gold.entities.filter((e) => classOf(e.type) === c);
    const p = pred.entities.filter((e) => classOf(e.type) === c);
    out[c] = prf(g.filter((e) => map.has(e.id)).length, p.length, g.length);
  }
  const personOrg = new Map<string, string | null>();
  const goldById = new Map(gold.entities.map((e) => [e.id, e] as const));
  for (const r of gold.relations)
    if (r.type === "HOLDS_POSITION") personOrg.set(r.from, personOrg.has(r.from) ? null : r.to);
  const goldOrgOf = (id: string) => (classOf(goldById.get(id)?.type) === "person" ? (personOrg.get(id) ?? id) : id);
  const gf = factsOf(gold, (id) => id, goldOrgOf, false);
  const back = new Map([...map].map(([g, p]) => [p, g] as const));
  const gid = (pid: string) => back.get(pid) ?? `?${pid}`;
  const pf = factsOf(pred, gid, (pid) => personOrg.get(gid(pid)) ?? gid(pid), true);
  for (const t of ["MET_WITH", "SIGNED", "MEMBER_OF", "HOLDS_POSITION", "ALL"] as const) {
    const g = [...gf].filter((k) => t === "ALL" || k.startsWith(`${t}|`));
    const p = [...pf].filter((k) => (t === "ALL" ? SCORED_RELATION.test(k) : k.startsWith(`${t}|`)));
    out[t] = prf(p.filter((k) => gf.has(k)).length, p.length, g.length);
  }
  return {
    ...out,
    missed: [...gf].filter((k) => !pf.has(k)),
    spurious: [...pf].filter((k) => !gf.has(k) && SCORED_RELATION.test(k)),
  };
}

/** Totals over documents: the sums of true positives, predictions and gold facts of every class. */
export function scoreCorpusDocuments(
  pairs: readonly { pred: ScoredDocument; gold: ScoredDocument }[],
): Record<ScoredClass, Prf> {
  const sum = Object.fromEntries(SCORED_CLASSES.map((c) => [c, { tp: 0, p: 0, g: 0 }])) as Record<
    ScoredClass,
    { tp: number; p: number; g: number }
  >;
  for (const { pred, gold } of pairs) {
    const s = scoreDocument(pred, gold);
    for (const c of SCORED_CLASSES) {
      sum[c].tp += s[c].tp;
      sum[c].p += s[c].predicted;
      sum[c].g += s[c].gold;
    }
  }
  return Object.fromEntries(SCORED_CLASSES.map((c) => [c, prf(sum[c].tp, sum[c].p, sum[c].g)])) as Record<
    ScoredClass,
    Prf
  >;
}
