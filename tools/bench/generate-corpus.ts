/**
 * Deterministic synthetic corpus: N articles in the genre of the seeds (meetings, agreements, memberships,
 * roles) about an invented world, written one file at a time as `.txt` with YAML front matter, with the
 * ground truth streamed next to them (.gold/relations.jsonl, then .gold/entities.json).
 */
import { once } from "node:events";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import type { EntityType, MembershipStatus, PropertyValue, RelType } from "../../src/domain/model.js";
import { TOPICS } from "./corpus-pools.js";
import { buildWorld, type World, type WorldOrganisation, type WorldPerson } from "./corpus-world.js";
import { createPrng, type Prng } from "./prng.js";

/**
 * The folder of the ground truth inside a corpus folder: hidden, so that importing the corpus folder imports exactly
 * its documents (an import reports every other file it does not import, and skips hidden entries).
 */
export const GOLD_FOLDER = ".gold";

/** A relation of the ground truth; `from`/`to` are gold entity keys. */
export interface GoldRelation {
  type: RelType;
  from: string;
  to: string;
  properties: Record<string, PropertyValue>;
  document: string;
  sentence: string;
}

/** An entity of the ground truth with every spelling the corpus used for it. */
export interface GoldEntity {
  key: string;
  type: EntityType;
  name: string;
  aliases: string[];
  properties: Record<string, PropertyValue>;
}

/** One line of .gold/relations.jsonl. */
export interface GoldDocumentLine {
  path: string;
  title: string;
  date: string;
  relations: GoldRelation[];
}

/** What generateCorpus wrote. */
export interface CorpusSummary {
  dir: string;
  count: number;
  seed: number;
  bytes: number;
  files: string[] | undefined;
  entityCount: number;
  relationCount: number;
}

/** Options of generateCorpus. */
export interface GenerateCorpusOptions {
  dir: string;
  count: number;
  seed?: number;
  /** size the world for this many articles (default: count), so that small slices of a big corpus share its world */
  worldSize?: number;
  /** keep the list of file paths in the summary (off for big corpora) */
  isListingFiles?: boolean;
  onProgress?: (done: number, total: number) => void;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const FILLERS: readonly ((t: string, u: string) => string)[] = [
  (t, u) => `At the meeting, the parties discussed ${t} and ${u}.`,
  (t) => `The sides exchanged views on ${t} and other issues of mutual interest.`,
  (t, u) => `Particular attention was paid to ${t}, as well as to ${u}.`,
  (t) =>
    `It was noted that trade unions play an important role in ${t} and adequately respond to the challenges of the time.`,
  (t) => `Both parties expressed their interest in strengthening cooperation and sharing experience on ${t}.`,
  (t, u) => `The participants stressed that ${t} cannot be achieved without ${u}.`,
  () => `During the meeting, the sides also agreed to organise joint seminars and exchanges of experience.`,
  (t) => `Much depends on the consolidation of joint actions in the field of ${t}.`,
  (t, u) =>
    `The trade unions of the region face new and complex challenges, including ${t} and ${u}, that cannot be met without effective collaboration.`,
  (t) =>
    `Speaking about the activities of the national trade union movement, the speakers underlined the importance of ${t} for working people.`,
  (t, u) =>
    `The parties agreed to prepare a joint plan of action on ${t}, to exchange information on ${u} and to meet again next year.`,
  (t) => `Representatives of branch and territorial trade unions also took part in the discussion of ${t}.`,
  () =>
    `The guests were also presented with the work of the legal clinic, the youth centre and the training centre of the trade unions.`,
  (t, u) =>
    `It was stressed that dialogue between workers, employers and the state on ${t} and ${u} must be based on international labour standards.`,
];

const QUOTES: readonly ((t: string) => string)[] = [
  (t) => `“Unity among trade unions is our strength, and ${t} remains our priority,”`,
  (t) => `“We value the opportunity to exchange experience on ${t} with our colleagues,”`,
  (t) => `“Only by uniting our efforts can we achieve real progress in ${t},”`,
];

const SIGNED_KINDS = [
  { kind: "agreement", noun: "an Agreement on cooperation", passive: "an Agreement on cooperation was signed" },
  { kind: "memorandum", noun: "a memorandum of cooperation", passive: "memoranda of cooperation were signed" },
] as const;

// Membership sentences in the phrasings news agencies use; each states exactly the status it is filed under.
const STATUS_TEMPLATES: Record<MembershipStatus, readonly ((a: string, c: string) => string)[]> = {
  member: [
    (a, c) => `The ${a} is a full member of the ${c}.`,
    (a, c) => `The ${c} admitted the ${a} as a full member organisation.`,
    (a, c) => `The ${a} has been an affiliate of the ${c} since its founding congress.`,
    (a, c) => `Last year the ${a} became a full member of the ${c}.`,
    (a, c) => `The ${a} was admitted to the ${c} at its last congress.`,
  ],
  joining: [
    (a, c) =>
      `According to the results of voting, the Executive Committee of the ${a} took a unanimous decision to join the ${c}.`,
    (a, c) => `The Council of the ${a} decided to join the ${c}.`,
  ],
  applied: [
    (a, c) => `The ${a} has applied for membership in the ${c}.`,
    (a, c) => `The ${a} submitted an application to join the ${c}.`,
  ],
  restored: [
    (a, c) => `The session supported restoring the ${a}'s membership in the ${c}.`,
    (a, c) => `After a break of several years, the ${a} regained its membership in the ${c}.`,
  ],
  suspended: [
    (a, c) => `The ${c} suspended the membership of the ${a}.`,
    (a, c) => `The ${a}'s membership in the ${c} was suspended last year.`,
  ],
  former: [
    (a, c) => `The ${a}, a former member of the ${c}, now cooperates with it on a project basis.`,
    (a, c) => `The ${a} withdrew from the ${c} several years ago but continues to cooperate with it.`,
  ],
};

// Sentences that name two branch unions of a national centre as its members.
const BRANCH_TEMPLATES: readonly ((a: string, u1: string, u2: string, count: number) => string)[] = [
  (a, u1, u2, count) => `Today, the ${a} includes ${count} branch trade unions, among them the ${u1} and the ${u2}.`,
  (a, u1, u2) => `The member organisations of the ${a} include the ${u1} and the ${u2}.`,
  (a, u1, u2) => `The ${u1} and the ${u2} are members of the ${a}.`,
];

function capitalise(s: string): string {
  return s.length === 0 ? s : s[0]!.toUpperCase() + s.slice(1);
}

function isoDate(day: number): string {
  return new Date(Date.UTC(2015, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
}

/** One article being written: it records the spellings it used and the relations its sentences state. */
class ArticleWriter {
  readonly paragraphs: string[][] = [[]];
  readonly relations: GoldRelation[] = [];
  private pending: Omit<GoldRelation, "sentence" | "document">[] = [];
  private readonly definedAcronyms = new Set<string>();
  private readonly mentioned = new Set<string>();
  private readonly usedFillers = new Set<number>();

  constructor(
    private readonly world: World,
    private readonly prng: Prng,
    private readonly uses: Map<string, Set<string>>,
    readonly documentPath: string,
  ) {}

  private use(key: string, spelling: string): string {
    let set = this.uses.get(key);
    if (set === undefined) this.uses.set(key, (set = new Set()));
    set.add(spelling);
    return spelling;
  }

  /** An organisation's name as written here (without article); the first mention may define the acronym. */
  org(o: WorldOrganisation): string {
    const first = !this.mentioned.has(o.key);
    this.mentioned.add(o.key);
    if (
      o.acronym !== undefined &&
      !first &&
      (this.definedAcronyms.has(o.key) || o.type === "Confederation") &&
      this.prng.chance(0.6)
    ) {
      return this.use(o.key, o.acronym);
    }
    const full = this.prng.chance(0.55) ? o.fullVariants[0]! : this.prng.pick(o.fullVariants);
    this.use(o.key, full);
    if (first && o.acronym !== undefined && this.prng.chance(0.6)) {
      this.definedAcronyms.add(o.key);
      this.use(o.key, o.acronym);
      return `${full} (${o.acronym})`;
    }
    return full;
  }

  /** An organisation's short name for "<ACR> Chairman X"-style phrases, when it has a usable acronym. */
  private orgPrefix(o: WorldOrganisation): string | undefined {
    if (o.acronym === undefined || !(this.definedAcronyms.has(o.key) || o.type === "Confederation")) return undefined;
    this.mentioned.add(o.key);
    return this.use(o.key, o.acronym);
  }

  person(p: WorldPerson): string {
    this.mentioned.add(p.key);
    return this.use(p.key, this.prng.chance(0.5) ? p.variants[0]! : this.prng.pick(p.variants));
  }

  /** A person with their role and organisation; states HOLDS_POSITION. */
  withRole(p: WorldPerson, style = this.prng.int(3)): string {
    const o = this.world.byKey.get(p.orgKey) as WorldOrganisation;
    this.state("HOLDS_POSITION", p.key, o.key, { role: p.role });
    const prefix = style === 1 ? this.orgPrefix(o) : undefined;
    if (prefix !== undefined) return `${prefix} ${p.role} ${this.person(p)}`;
    if (style === 2) return `${this.person(p)}, ${p.role} of the ${this.org(o)},`;
    return `${p.role} of the ${this.org(o)} ${this.person(p)}`;
  }

  state(type: RelType, from: string, to: string, properties: Record<string, PropertyValue> = {}): void {
    this.pending.push({ type, from, to, properties });
  }

  /** Ends a sentence: the relations stated since the last one get it as evidence. */
  say(sentence: string): void {
    const text = capitalise(
      sentence
        .replace(/,([.,])/g, "$1")
        .replace(/\s+/g, " ")
        .trim(),
    );
    this.paragraphs[this.paragraphs.length - 1]!.push(text);
    for (const r of this.pending) this.relations.push({ ...r, document: this.documentPath, sentence: text });
    this.pending = [];
  }

  /** Says filler sentences that state nothing, none twice in one article. */
  fill(count: number): void {
    for (let i = 0; i < count; i++) {
      const left = FILLERS.filter((_, index) => !this.usedFillers.has(index));
      if (left.length === 0) return;
      const filler = this.prng.pick(left);
      this.usedFillers.add(FILLERS.indexOf(filler));
      const [t, u] = this.prng.sample(TOPICS, 2) as [string, string];
      this.say(filler(t, u));
    }
  }

  paragraph(): void {
    if (this.paragraphs[this.paragraphs.length - 1]!.length > 0) this.paragraphs.push([]);
  }

  body(): string {
    return this.paragraphs
      .filter((p) => p.length > 0)
      .map((p) => p.join(" "))
      .join("\n\n");
  }
}

interface Article {
  title: string;
  body: string;
  relations: GoldRelation[];
  event?: { key: string; name: string; kind: string; date: string };
}

function leaderOf(world: World, o: WorldOrganisation, prng: Prng): WorldPerson {
  return prng.pick(world.peopleByOrg.get(o.key) ?? []);
}

function writeMeeting(w: ArticleWriter, world: World, prng: Prng, date: string): Pick<Article, "title"> {
  const a = prng.pick(world.nationals);
  const others = [...world.nationals.filter((o) => o.key !== a.key), ...world.confederations];
  const b = prng.pick(others);
  const p1 = leaderOf(world, a, prng);
  const p2 = leaderOf(world, b, prng);
  const [, month, day] = date.split("-").map(Number) as [number, number, number];
  const when = `On ${MONTHS[month - 1]} ${day}`;
  w.state("MET_WITH", p1.key, p2.key);
  if (prng.chance(0.5)) w.say(`${when}, ${w.withRole(p1)} met with ${w.withRole(p2)}.`);
  else
    w.say(`${when}, a meeting between ${w.withRole(p1)} and ${w.withRole(p2)} took place in ${a.country ?? "Geneva"}.`);
  w.fill(prng.between(1, 2));
  w.paragraph();
  const [t] = prng.sample(TOPICS, 1) as [string];
  w.say(`${w.person(p1)} informed ${w.person(p2)} about the work of the ${w.org(a)} in the field of ${t}.`);
  w.say(`${prng.pick(QUOTES)(t)} noted ${w.person(p1)}.`);
  w.paragraph();
  w.fill(prng.between(1, 3));
  if (prng.chance(0.35)) {
    const c = prng.pick(world.confederations.filter((o) => o.key !== b.key));
    const p3 = leaderOf(world, c, prng);
    w.paragraph();
    w.state("MET_WITH", p1.key, p3.key);
    w.say(
      `The discussion on cooperation continued during a meeting between ${w.withRole(p1, 1)} and ${w.withRole(p3)}.`,
    );
    w.fill(1);
  }
  return {
    title: `${a.acronym ?? a.country ?? "Trade union"} ${p1.role} ${p1.variants[0]} met with ${p2.variants[0]}`,
  };
}

function writeAgreement(
  w: ArticleWriter,
  world: World,
  prng: Prng,
  date: string,
  index: number,
): Pick<Article, "title" | "event"> {
  const [a, b] = prng.sample(world.nationals, 2) as [WorldOrganisation, WorldOrganisation];
  const p1 = leaderOf(world, a, prng);
  const p2 = leaderOf(world, b, prng);
  const signed = prng.pick(SIGNED_KINDS);
  const eventKey = `E${index}`;
  w.say(
    `In ${MONTHS[Number(date.slice(5, 7)) - 1]}, a delegation of the ${w.org(b)} headed by ${w.withRole(p2, 0)} visited the ${w.org(a)}.`,
  );
  w.say(
    `Welcoming the guests, ${w.withRole(p1, 2)} noted the importance of fraternal relations between the two national trade union centres.`,
  );
  w.fill(prng.between(1, 2));
  w.paragraph();
  w.state("SIGNED", a.key, eventKey);
  w.state("SIGNED", b.key, eventKey);
  if (prng.chance(0.5)) w.say(`The ${w.org(a)} and the ${w.org(b)} signed ${signed.noun}.`);
  else w.say(`During the visit, ${signed.passive} between the ${w.org(a)} and the ${w.org(b)}.`);
  w.fill(prng.between(1, 3));
  const name = `${signed.kind === "agreement" ? "Agreement" : "Memorandum"} of cooperation between ${a.name} and ${b.name}`;
  return {
    title: `The ${a.name} and the ${b.name} strengthen cooperation`,
    event: { key: eventKey, name, kind: signed.kind, date },
  };
}

function writeMembership(w: ArticleWriter, world: World, prng: Prng): Pick<Article, "title"> {
  const a = prng.pick(world.nationals);
  const c = prng.pick(world.confederations);
  const status = world.membershipStatus(a.key, c.key);
  const p1 = leaderOf(world, a, prng);
  w.say(
    `The Executive Committee of the ${w.org(a)} met to consider the relations of the organisation with international partners.`,
  );
  w.state("MEMBER_OF", a.key, c.key, { status });
  w.say(prng.pick(STATUS_TEMPLATES[status])(w.org(a), w.org(c)));
  w.say(`Noting the decision, ${w.withRole(p1, 2)} stressed the importance of international trade union solidarity.`);
  w.paragraph();
  w.fill(prng.between(1, 2));
  const branches = world.branches.filter((u) => u.parentKey === a.key);
  if (branches.length >= 2 && prng.chance(0.7)) {
    const [u1, u2] = prng.sample(branches, 2) as [WorldOrganisation, WorldOrganisation];
    w.paragraph();
    w.state("MEMBER_OF", u1.key, a.key, { status: "member" });
    w.state("MEMBER_OF", u2.key, a.key, { status: "member" });
    w.say(prng.pick(BRANCH_TEMPLATES)(w.org(a), w.org(u1), w.org(u2), branches.length + prng.between(5, 20)));
  }
  w.paragraph();
  w.say(
    `The ${w.org(c)} brings together ${prng.between(10, 300)} national trade union centres from ${prng.between(5, 160)} countries.`,
  );
  return { title: `${a.name}: ${status === "joining" ? "decision to join" : "membership of"} the ${c.name}` };
}

function writeSession(w: ArticleWriter, world: World, prng: Prng): Pick<Article, "title"> {
  const a = prng.pick(world.nationals);
  const c = prng.pick(world.confederations);
  const p1 = leaderOf(world, a, prng);
  const p3 = leaderOf(world, c, prng);
  const body = prng.pick(world.bodies);
  w.say(
    `A delegation of the ${w.org(a)} led by ${w.withRole(p1, 0)} took part in the session of the ${body} of the ${w.org(c)}.`,
  );
  w.say(`${capitalise(w.withRole(p3, 1))} presented a report on the main activities of the organisation.`);
  w.fill(prng.between(2, 3));
  w.paragraph();
  if (prng.chance(0.6)) {
    w.state("MET_WITH", p1.key, p3.key);
    w.say(`On the sidelines of the ${body}, ${w.person(p1)} met with ${w.person(p3)}.`);
  }
  w.fill(prng.between(1, 2));
  return { title: `${a.name} at the ${body} of the ${c.name}` };
}

/** Writes one article and returns its text and ground truth. */
function writeArticle(
  world: World,
  prng: Prng,
  index: number,
  relPath: string,
  uses: Map<string, Set<string>>,
): Article & { date: string; url: string } {
  const date = isoDate(prng.int(11 * 365));
  const w = new ArticleWriter(world, prng, uses, relPath);
  const roll = prng.next();
  let result: Pick<Article, "title" | "event">;
  if (roll < 0.4) result = writeMeeting(w, world, prng, date);
  else if (roll < 0.6) result = writeAgreement(w, world, prng, date, index);
  else if (roll < 0.85) result = writeMembership(w, world, prng);
  else result = writeSession(w, world, prng);
  w.paragraph();
  w.fill(prng.between(2, 4));
  w.paragraph();
  w.say(`Press service of the ${w.org(prng.pick(world.nationals))}`.replace(/\.$/, "") + ".");
  const url = `https://news.example.org/${date.slice(0, 4)}/${String(index).padStart(6, "0")}`;
  return { ...result, body: w.body(), relations: w.relations, date, url };
}

/** The path of the i-th article relative to the corpus folder (1000 files per sub-folder). */
export function articlePath(index: number): string {
  return path.join(
    `batch-${String(Math.floor(index / 1000)).padStart(3, "0")}`,
    `article-${String(index).padStart(6, "0")}.txt`,
  );
}

/** Generates the corpus, one file at a time, and its ground truth. Same options, same bytes. */
export async function generateCorpus(options: GenerateCorpusOptions): Promise<CorpusSummary> {
  const seed = options.seed ?? 20_240_601;
  const root = createPrng(seed);
  const world = buildWorld(options.worldSize ?? options.count, root.fork("world"));
  mkdirSync(path.join(options.dir, GOLD_FOLDER), { recursive: true });
  const goldStream = createWriteStream(path.join(options.dir, GOLD_FOLDER, "relations.jsonl"));
  const uses = new Map<string, Set<string>>();
  const events: GoldEntity[] = [];
  const files: string[] = [];
  let bytes = 0;
  let relationCount = 0;
  for (let i = 0; i < options.count; i++) {
    const relPath = articlePath(i);
    const article = writeArticle(world, root.fork(`article-${i}`), i, relPath, uses);
    const text = `---\ntitle: ${JSON.stringify(article.title)}\ndate: ${article.date}\nurl: ${article.url}\n---\n\n${article.body}\n`;
    const file = path.join(options.dir, relPath);
    if (i % 1000 === 0) mkdirSync(path.dirname(file), { recursive: true });
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
    relationCount += article.relations.length;
    if (article.event !== undefined) {
      events.push({
        key: article.event.key,
        type: "Event",
        name: article.event.name,
        aliases: [],
        properties: { kind: article.event.kind, date: article.event.date },
      });
    }
    const line: GoldDocumentLine = {
      path: relPath,
      title: article.title,
      date: article.date,
      relations: article.relations,
    };
    if (!goldStream.write(`${JSON.stringify(line)}\n`)) await once(goldStream, "drain");
    if (options.isListingFiles) files.push(file);
    options.onProgress?.(i + 1, options.count);
  }
  goldStream.end();
  await once(goldStream, "finish");
  const entities: GoldEntity[] = [];
  for (const o of world.organisations) {
    const used = uses.get(o.key);
    if (used === undefined) continue;
    const properties: Record<string, PropertyValue> = {};
    if (o.acronym !== undefined) properties.acronym = o.acronym;
    if (o.country !== undefined) properties.country = o.country;
    entities.push({
      key: o.key,
      type: o.type,
      name: o.name,
      aliases: [...used].filter((s) => s !== o.name).sort(),
      properties,
    });
  }
  for (const p of world.people) {
    const used = uses.get(p.key);
    if (used === undefined) continue;
    entities.push({
      key: p.key,
      type: "Person",
      name: p.name,
      aliases: [...used].filter((s) => s !== p.name).sort(),
      properties: {},
    });
  }
  entities.push(...events);
  writeFileSync(path.join(options.dir, GOLD_FOLDER, "entities.json"), JSON.stringify(entities, null, 1));
  const summary: CorpusSummary = {
    dir: options.dir,
    count: options.count,
    seed,
    bytes,
    files: options.isListingFiles ? files : undefined,
    entityCount: entities.length,
    relationCount,
  };
  writeFileSync(
    path.join(options.dir, GOLD_FOLDER, "corpus.json"),
    JSON.stringify({ ...summary, files: undefined }, null, 1),
  );
  return summary;
}
