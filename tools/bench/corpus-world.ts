/**
 * The invented world a synthetic corpus talks about: national centres, branch unions, international
 * confederations and the people who lead them, each with the spellings the articles may use.
 */
import type { EntityType, MembershipStatus } from "../../src/domain/model.js";
import { BODIES, COUNTRIES, FAMILY_NAMES, GIVEN_NAMES, REGIONS, ROLES, SECTORS } from "./corpus-pools.js";
import type { Prng } from "./prng.js";

/** An organisation of the world with its spellings. */
export interface WorldOrganisation {
  key: string;
  type: Extract<EntityType, "Union" | "Confederation">;
  /** canonical (gold) name */
  name: string;
  /** full-length spellings, canonical first: word order, Republic-of, British/American spelling */
  fullVariants: string[];
  acronym?: string;
  country?: string;
  /** the national centre a branch union belongs to */
  parentKey?: string;
  isNational: boolean;
}

/** A person of the world, with transliteration and typo variants of the name. */
export interface WorldPerson {
  key: string;
  name: string;
  variants: string[];
  role: string;
  orgKey: string;
}

/** The world: organisations and people, looked up by key. */
export interface World {
  organisations: WorldOrganisation[];
  people: WorldPerson[];
  nationals: WorldOrganisation[];
  branches: WorldOrganisation[];
  confederations: WorldOrganisation[];
  byKey: Map<string, WorldOrganisation | WorldPerson>;
  peopleByOrg: Map<string, WorldPerson[]>;
  bodies: readonly string[];
  /** the one membership status a national centre has in a confederation, whichever article states it */
  membershipStatus(memberKey: string, targetKey: string): MembershipStatus;
}

const STATUSES: readonly MembershipStatus[] = [
  "member",
  "member",
  "joining",
  "applied",
  "restored",
  "suspended",
  "former",
];

const SMALL_WORDS = new Set(["of", "the", "and", "for", "in", "on"]);

/** Initials of the capitalised words ("Federation of Trade Unions of Uzbekistan" -> "FTUU"). */
export function acronymOf(name: string): string {
  return name
    .replace(/[-']/g, " ")
    .split(/\s+/)
    .filter((w) => w.length > 0 && !SMALL_WORDS.has(w.toLowerCase()))
    .map((w) => w[0]!.toUpperCase())
    .join("");
}

function nationalVariants(country: string, isRepublic: boolean, pattern: number): { name: string; variants: string[] } {
  const formal = isRepublic ? `the Republic of ${country}` : country;
  switch (pattern) {
    case 0:
      return {
        name: `Federation of Trade Unions of ${formal}`,
        variants: [`${country} Trade Unions Federation`, `Federation of Trade Unions of ${country}`],
      };
    case 1:
      return {
        name: `Confederation of Trade Unions of ${formal}`,
        variants: [`${country} Confederation of Trade Unions`, `Confederation of Trade Unions of ${country}`],
      };
    case 2:
      return {
        name: `${country} Confederation of Labour`,
        variants: [`Confederation of Labour of ${country}`, `${country} Confederation of Labor`],
      };
    default:
      return {
        name: `General Federation of ${country} Trade Unions`,
        variants: [`${country} General Federation of Trade Unions`, `General Federation of Trade Unions of ${country}`],
      };
  }
}

function branchVariants(sector: string, country: string, pattern: number): { name: string; variants: string[] } {
  const singular = sector.replace(/s$/, "");
  if (pattern === 0) {
    return {
      name: `Trade Union of ${sector} of ${country}`,
      variants: [`${country} ${singular}s' Union`, `${country} Trade Union of ${sector}`],
    };
  }
  return {
    name: `${country} ${sector}' Union`,
    variants: [`Union of ${sector} of ${country}`, `Trade Union of ${sector} of ${country}`],
  };
}

const CONFED_KINDS = ["Confederation", "Council", "Federation", "Alliance", "Organisation"] as const;

function confederationName(
  region: string,
  kind: string,
  sector: string | undefined,
): { name: string; variants: string[] } {
  const subject = sector === undefined ? "Trade Unions" : `${sector}' Unions`;
  const name = `${region} ${kind} of ${subject}`;
  const variants: string[] = [];
  if (kind === "Organisation") variants.push(`${region} Organization of ${subject}`);
  variants.push(
    `${region} Trade Union ${kind}`.replace(/ Trade Union /, sector === undefined ? " Trade Union " : ` ${sector}' `),
  );
  return { name, variants: variants.filter((v) => v !== name) };
}

/** Spelling variants of a person's name: transliterations and one typo, canonical first. */
export function personNameVariants(given: string, family: string, prng: Prng): string[] {
  const full = `${given} ${family}`;
  const rules: ((s: string) => string)[] = [
    (s) => s.replace(/(?<=[a-z])y/g, "i"),
    (s) => s.replace(/(?<=[a-z])y(?=[a-z])/, "ı"),
    (s) => s.replace(/kh/g, "h").replace(/Kh/g, "H"),
    (s) => s.replace(/Zh/g, "J").replace(/zh/g, "j"),
    (s) => s.replace(/iyev\b/, "iev").replace(/iyeva\b/, "ieva"),
    (s) => s.replace(/Sh/g, "Ş").replace(/sh/g, "ş"),
    (s) => s.replace(/ov\b/, "ow").replace(/ova\b/, "owa"),
    (s) => s.replace(/ü/g, "u").replace(/u(?=[a-z]{2})/, "ou"),
  ];
  const candidates = new Set<string>();
  for (const rule of rules) {
    const v = rule(full);
    if (v !== full) candidates.add(v);
  }
  const chosen = prng.sample([...candidates], prng.between(1, 2));
  if (family.length >= 7 && prng.chance(0.5)) {
    // a typo: one interior letter of the family name dropped ("Dauletalin" -> "Daulealin")
    const i = prng.between(2, family.length - 3);
    chosen.push(`${given} ${family.slice(0, i)}${family.slice(i + 1)}`);
  }
  return [full, ...chosen.filter((v) => v !== full)];
}

/** The confederations of a world for `docCount` articles, each name once; `countAcronym` counts their acronyms. */
function buildConfederations(
  docCount: number,
  prng: Prng,
  countAcronym: (acronym: string) => void,
): WorldOrganisation[] {
  const confederationCount = Math.max(6, Math.min(60, Math.round(docCount / 150)));
  const confederations: WorldOrganisation[] = [];
  const seenConfed = new Set<string>();
  const cprng = prng.fork("confederations");
  while (confederations.length < confederationCount) {
    const region = cprng.pick(REGIONS);
    const kind = cprng.pick(CONFED_KINDS);
    const sector = cprng.chance(0.5) ? cprng.pick(SECTORS) : undefined;
    const { name, variants } = confederationName(region, kind, sector);
    if (seenConfed.has(name)) continue;
    seenConfed.add(name);
    const acronym = acronymOf(name);
    countAcronym(acronym);
    confederations.push({
      key: `C${confederations.length}`,
      type: "Confederation",
      name,
      fullVariants: [name, ...variants],
      acronym,
      isNational: false,
    });
  }
  return confederations;
}

/** Builds a world sized for a corpus of `docCount` articles. */
export function buildWorld(docCount: number, prng: Prng): World {
  const organisations: WorldOrganisation[] = [];
  const people: WorldPerson[] = [];
  const usedAcronyms = new Map<string, number>();
  const countAcronym = (a: string) => usedAcronyms.set(a, (usedAcronyms.get(a) ?? 0) + 1);

  const countryCount = Math.min(COUNTRIES.length, Math.max(8, Math.round(docCount / 40)));
  const countries = prng.fork("countries").sample(COUNTRIES, countryCount);
  const branchesPerCountry = Math.min(SECTORS.length, Math.max(2, Math.round(docCount / 400)));

  const nationals: WorldOrganisation[] = [];
  const branches: WorldOrganisation[] = [];
  countries.forEach((country, ci) => {
    const { name, variants } = nationalVariants(country.name, country.isRepublic, prng.int(4));
    const acronym = acronymOf(name);
    countAcronym(acronym);
    const national: WorldOrganisation = {
      key: `U${ci}`,
      type: "Union",
      name,
      fullVariants: [name, ...variants.filter((v) => v !== name)],
      acronym,
      country: country.name,
      isNational: true,
    };
    nationals.push(national);
    prng.sample(SECTORS, branchesPerCountry).forEach((sector, si) => {
      const b = branchVariants(sector, country.name, prng.int(2));
      branches.push({
        key: `U${ci}.${si}`,
        type: "Union",
        name: b.name,
        fullVariants: [b.name, ...b.variants.filter((v) => v !== b.name)],
        country: country.name,
        parentKey: national.key,
        isNational: false,
      });
    });
  });

  const confederations = buildConfederations(docCount, prng, countAcronym);
  // an acronym shared by two organisations would be ambiguous in the text: drop it from both
  for (const org of [...nationals, ...confederations]) {
    if (org.acronym !== undefined && (usedAcronyms.get(org.acronym) ?? 0) > 1) delete org.acronym;
  }
  organisations.push(...nationals, ...branches, ...confederations);

  const pprng = prng.fork("people");
  const seenNames = new Set<string>();
  const peopleByOrg = new Map<string, WorldPerson[]>();
  for (const org of organisations) {
    const roleCount = org.isNational || org.type === "Confederation" ? pprng.between(2, 3) : 1;
    const roles =
      org.type === "Confederation"
        ? pprng.sample(ROLES, roleCount)
        : ["Chairman", ...pprng.sample(ROLES.slice(2), roleCount - 1)];
    for (const role of roles) {
      let given = pprng.pick(GIVEN_NAMES);
      let family = pprng.pick(FAMILY_NAMES);
      while (seenNames.has(`${given} ${family}`)) {
        given = pprng.pick(GIVEN_NAMES);
        family = pprng.pick(FAMILY_NAMES);
      }
      seenNames.add(`${given} ${family}`);
      const variants = personNameVariants(given, family, pprng);
      const person: WorldPerson = { key: `P${people.length}`, name: variants[0]!, variants, role, orgKey: org.key };
      people.push(person);
      peopleByOrg.set(org.key, [...(peopleByOrg.get(org.key) ?? []), person]);
    }
  }

  const byKey = new Map<string, WorldOrganisation | WorldPerson>();
  for (const o of organisations) byKey.set(o.key, o);
  for (const p of people) byKey.set(p.key, p);
  // a status per pair, not per article: two articles must not state contradictory facts about one pair
  const sprng = prng.fork("memberships");
  const membershipStatus = (memberKey: string, targetKey: string) =>
    sprng.fork(`${memberKey}|${targetKey}`).pick(STATUSES);
  return {
    organisations,
    people,
    nationals,
    branches,
    confederations,
    byKey,
    peopleByOrg,
    bodies: BODIES,
    membershipStatus,
  };
}
