/** Word lists of organisation names: head words, connectors, groupings, happenings and words that name no body. */

/** Organisation head words besides ORG_HEADS: the last word of many names that are not unions. */
export const EXTRA_ORG_HEADS = new Set([
  "congress",
  "party",
  "parliament",
  "government",
  "company",
  "corporation",
  "group",
  "internationale",
  "international",
  "syndicate",
  "syndicates",
  "solidarity",
  "network",
  "forum",
  "movement",
  "front",
  "bloc",
  "body",
  "guild",
  "academy",
  "university",
  "institution",
  "embassy",
  "commission",
  "authority",
  "ilo",
  "un",
  "cgt",
  "workers",
  "employers",
]);

/** Words that join the words of a name ("of", "for", "and", possessives). */
export const CONNECTORS = new Set([
  "of",
  "for",
  "and",
  "the",
  "&",
  "de",
  "des",
  "du",
  "la",
  "le",
  "of the",
  "in",
  "on",
  "'s",
  "’s",
  "'",
  "’",
  "-",
  "y",
  "et",
  "del",
  "di",
]);

/** Lower-case words that end names of groupings ("Council of Trade Unions of Central Asian countries"). */
export const GROUP_WORDS = new Set(["countries", "states", "republics", "nations", "regions"]);

/**
 * Words of happenings, premises and organs that head a span before "of" ("V Congress of the ITUC", "session of the
 * General Council", "the headquarters of the WFTU", "the Executive of X"): the body is what follows.
 */
export const EVENT_PREFIX_HEADS = new Set([
  "headquarters",
  "premises",
  "offices",
  "executive",
  "secretariat",
  "presidium",
  "congress",
  "conference",
  "session",
  "meeting",
  "summit",
  "forum",
  "plenum",
  "assembly",
]);

/** Words a person's name never holds. */
export const NAME_BREAKERS = new Set(["said", "says", "and", "the", "of", "in", "on", "at", "to", "His", "Her"]);

/** Last words of names of happenings and documents, not bodies ("4th Congress", "World Congress", "Global Charter"). */
export const EVENT_HEADS = new Set([
  "congress",
  "conference",
  "conferences",
  "summit",
  "session",
  "convention",
  "conventions",
  "charter",
  "forum",
  "programme",
  "program",
  "meeting",
  "assembly",
  "plenum",
  "festival",
  "day",
  "week",
  "award",
  "prize",
]);

/** Plural heads in lower case name a group of bodies ("BRICS unions"), not one. */
export const LOWER_PLURAL_HEADS = new Set([
  "unions",
  "federations",
  "confederations",
  "organisations",
  "organizations",
  "centres",
  "centers",
  "associations",
]);

/** Single words the tagger takes for organisations but that name none on their own. */
export const GENERIC_SINGLE_WORDS = new Set([
  "labor",
  "labour",
  "central",
  "finance",
  "congress",
  "parliament",
  "government",
  "ministry",
  "union",
  "federation",
  "confederation",
  "council",
  "unions",
  "movement",
  "secretariat",
  "presidium",
  "headquarters",
  "house",
  "committee",
  "cabinet",
  "state",
  "workers",
  "employers",
  "africa",
  "europe",
  "asia",
  "america",
  "americas",
  "oceania",
  "caribbean",
  "pacific",
]);

/** Function words of names, which acronyms may skip. */
export const FUNCTION_WORDS = new Set([
  "of",
  "the",
  "and",
  "for",
  "in",
  "on",
  "de",
  "des",
  "du",
  "la",
  "le",
  "&",
  "at",
  "y",
  "et",
]);

/** Words that make a name a document, a happening, a programme or a medium rather than a body ("ILO Convention 87", "Global Charter of Ethics", "International Seminar on Digitalization", "Trade Union Movement", "Business News"). */
export const NON_BODY_WORDS = new Set([
  "convention",
  "conventions",
  "charter",
  "seminar",
  "conference",
  "conferences",
  "project",
  "programme",
  "program",
  "movement",
  "news",
  "campaign",
  "initiative",
  "declaration",
  "strategy",
]);

/** Words of a field of work; a name made of them alone is a department's remit, not a body ("Media and Communication"). */
export const FIELD_WORDS: ReadonlySet<string> = new Set([
  "rights",
  "relations",
  "affairs",
  "communication",
  "communications",
  "media",
  "development",
  "policy",
  "policies",
  "issues",
  "justice",
  "protection",
  "welfare",
  "research",
  "education",
  "training",
  "information",
  "international",
  "global",
  "social",
  "economic",
  "human",
  "professional",
  "public",
  "external",
  "legal",
  "gender",
  "equality",
  "health",
  "safety",
  "security",
  "cooperation",
  "organising",
  "organizing",
  "campaigns",
]);

/** Last words of names of buildings and of states' executives, which are not bodies of the labour movement. */
export const NOT_BODY_HEADS: ReadonlySet<string> = new Set([
  "airport",
  "headquarters",
  "offices",
  "house",
  "palace",
  "hall",
  "building",
  "hotel",
  "government",
  "cabinet",
  "authorities",
  "regime",
]);
