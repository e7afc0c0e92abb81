/** Word lists the extractor reasons with: roles, organisation head words, honorifics, verbs and common words. */

/** Role phrases (lower case, longest first) and the normalised role each stands for. */
export const ROLE_PHRASES: readonly (readonly [string, string])[] = [
  ["first deputy general secretary", "First Deputy General Secretary"],
  ["deputy general secretary", "Deputy General Secretary"],
  ["assistant general secretary", "Assistant General Secretary"],
  ["deputy secretary general", "Deputy Secretary General"],
  ["first deputy chairman", "First Deputy Chairman"],
  ["honorary president", "Honorary President"],
  ["general secretary", "General Secretary"],
  ["secretary general", "Secretary General"],
  ["secretary-general", "Secretary General"],
  ["executive director", "Executive Director"],
  ["director general", "Director General"],
  ["director-general", "Director General"],
  ["deputy chairman", "Deputy Chairman"],
  ["deputy chairwoman", "Deputy Chairman"],
  ["deputy chair", "Deputy Chairman"],
  ["deputy head", "Deputy Head"],
  ["deputy director", "Deputy Director"],
  ["deputy minister", "Deputy Minister"],
  ["vice-chairman", "Vice-Chairman"],
  ["vice chairman", "Vice-Chairman"],
  ["vice-president", "Vice-President"],
  ["vice president", "Vice-President"],
  ["vice-chair", "Vice-Chairman"],
  ["chairperson", "Chairman"],
  ["chairwoman", "Chairman"],
  ["chairman", "Chairman"],
  ["chair", "Chairman"],
  ["president", "President"],
  ["director", "Director"],
  ["head", "Head"],
  ["heads", "Head"],
  ["leader", "Leader"],
  ["leaders", "Leader"],
  ["secretary", "Secretary"],
  ["treasurer", "Treasurer"],
  ["coordinator", "Coordinator"],
  ["minister", "Minister"],
  ["ambassador", "Ambassador"],
  ["mp", "MP"],
];

/** Roles that lead an organisation (used to find who "the Head of X" is). */
export const LEADING_ROLES = new Set(["Chairman", "President", "Head", "Leader", "General Secretary", "Secretary General", "Director"]);

/** Singular head words of organisation names. */
export const ORG_HEADS = new Set([
  "federation", "confederation", "council", "union", "organisation", "organization", "centre", "center",
  "association", "foundation", "committee", "nations", "bureau", "office", "department", "agency", "institute",
  "league", "syndicate", "commonwealth", "alliance", "fund", "secretariat", "chamber", "ministry", "network",
  "unions", "federations", "confederations", "centers", "centres", "councils", "organizations", "organisations",
  "associations", "committees", "ministries",
]);

/** Plural head words: a name ending in one names a group ("National Trade Union Centers"), not one body. */
export const PLURAL_HEADS = new Set([
  "unions", "federations", "confederations", "centers", "centres", "councils", "organizations", "organisations",
  "associations", "committees", "ministries",
]);

/** Head words of bodies inside an organisation; always organs. */
export const ORGAN_HEADS = new Set(["department", "office", "secretariat", "presidium", "board", "service", "clinic"]);

/** Head words that are an organ when a modifier below precedes them ("Executive Committee", "Media Center"). */
export const WEAK_HEADS = new Set(["committee", "council", "centre", "center", "bureau", "office", "chamber", "network", "fund"]);

/** Modifiers that make a weak head an organ of a larger body. */
export const ORGAN_MODIFIERS = new Set([
  "general", "executive", "central", "supervisory", "audit", "auditing", "media", "press", "training", "front",
  "legal", "youth", "women's", "women", "information", "reconciliation", "political", "standing", "steering",
  "coordinating", "organising", "organizing", "editorial", "control", "revision", "education", "educational",
]);

/** Words of organisation names that do not say which body is meant ("the National Trade Union Council"). */
export const GENERIC_ORG_WORDS: readonly string[] = [
  "federation", "confederation", "council", "union", "trade", "organization", "center", "national", "association",
  "committee", "global",
];

/** Tokens that make an organisation name a trade-union body. */
export const UNION_WORDS = new Set(["union", "unions", "trade", "syndicate", "syndicates", "labour", "labor", "workers", "workers'", "employees"]);

/** Tokens that make a trade-union body international or regional (a Confederation, not a national Union). */
export const INTERNATIONAL_WORDS = new Set([
  "international", "global", "world", "european", "pan-european", "regional", "asian", "african", "american",
  "arab", "asia", "africa", "europe", "pacific", "nordic", "baltic", "caribbean", "countries", "states",
  "commonwealth", "independent", "general", "continental", "interregional", "eurasian", "turkic",
]);

/** Words that never belong to a person's name even when capitalised. */
export const NOT_NAME_WORDS = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "his", "her", "we", "our", "they",
  "their", "i", "you", "in", "on", "at", "of", "for", "by", "with", "from", "to", "and", "or", "but", "as", "after",
  "before", "during", "today", "yesterday", "tomorrow", "earlier", "later", "moreover", "however", "also",
  "according", "welcoming", "speaking", "thanking", "noting", "based", "recall", "reference", "both", "all",
  "one", "two", "three", "participants", "representatives", "delegates", "members", "parties", "sides",
  "trade", "labour", "labor", "national", "international", "global", "general", "regional", "executive",
  "european", "social", "new", "economic", "central", "republic", "kingdom", "states", "united", "conference",
  "congress", "session", "summit", "forum", "meeting", "visit", "agreement", "memorandum", "memoranda",
  "convention", "conventions", "contract", "program", "programme", "concept", "agenda", "day", "week", "year",
  "media", "press", "front", "training", "legal", "clinic", "space", "point", "center", "centre", "office",
  "department", "committee", "council", "federation", "confederation", "union", "unions", "organization",
  "organisation", "association", "foundation", "group", "industry", "sector", "coal", "energy", "workers",
  "worker", "employees", "jubilee", "anniversary", "independence", "development", "sustainable", "safe",
  "democracy", "justice", "solidarity", "cooperation", "partnership", "mutual", "bilateral", "multilateral",
  "commonwealth", "independent", "public", "information", "relations", "affairs", "policy", "government",
  "parliament", "ministry", "minister", "state", "region", "district", "city", "mr", "mrs", "ms", "dr", "prof",
  "sir", "madam", "lord", "lady", "god", "there", "here", "what", "when", "where", "which", "who", "how", "why",
  "if", "so", "then", "thus", "such", "every", "each", "other", "many", "most", "some", "not", "no", "yes",
  "mass", "youth", "women", "men", "people", "peoples", "country", "countries", "world", "east", "west", "north",
  "south", "northern", "southern", "eastern", "western", "middle", "asia", "europe", "africa", "america",
  "pacific", "atlantic", "turkic", "asian", "african", "brics", "ilo", "un", "eu", "covid", "pandemic",
  "reconciliation", "education", "educational", "health", "safety", "culture", "science", "research",
  "rights", "human", "watch", "amnesty", "action", "network", "alliance", "party", "bank", "fund", "news",
  "agency", "institute", "university", "college", "school", "church", "court", "police", "army", "labour's",
  "house", "hall", "palace", "square", "street", "avenue", "road", "building", "plant", "factory", "company",
  "corporation", "holding", "group's", "times", "post", "daily", "herald", "tribune", "online", "service",
  "services", "board", "secretariat", "presidium", "assembly", "general's", "code", "law", "act", "charter",
  "declaration", "resolution", "strategy", "plan", "report", "statement", "appeal", "initiative", "campaign",
  "award", "prize", "medal", "order", "honour", "honor", "olympic", "games", "cup", "championship",
]);

/** Honorifics before a personal name. */
export const HONORIFICS = new Set(["mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "madam", "mister", "dame", "h.e"]);

/** Verbs a person is the subject of right after being named ("X said", "X noted"). */
export const PERSON_VERBS = new Set([
  "said", "says", "noted", "notes", "stressed", "stresses", "emphasized", "emphasised", "emphasizes", "added",
  "stated", "states", "thanked", "thanks", "informed", "met", "meets", "expressed", "congratulated", "represented",
  "called", "presented", "welcomed", "told", "explained", "underlined", "highlighted", "announced", "signed",
  "visited", "praised", "spoke", "pointed", "urged", "declared", "recalled", "acquainted", "gave", "discussed",
  "attended", "addressed", "opened", "chaired", "received", "greeted", "assured", "confirmed", "remarked",
  "commented", "wrote", "argued", "warned", "proposed", "suggested", "invited", "briefed",
]);

/** Verbs after which a person is named ("said X", "noted X"). */
export const QUOTE_VERBS = new Set(["said", "noted", "stressed", "emphasized", "emphasised", "added", "stated", "explained", "underlined", "remarked", "declared", "says", "notes", "continued", "concluded"]);

/** Calendar months, for date parsing. */
export const MONTHS = [
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
] as const;

/** Abbreviated months. */
export const MONTH_ABBREVIATIONS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12,
};

/** Number words up to twenty, and the round ones. */
export const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, several: Number.NaN,
};

/** Acronym-looking tokens that are never organisations. */
export const NOT_ORG_ACRONYMS = new Set([
  "MP", "CEO", "GDP", "VAT", "TV", "OK", "AM", "PM", "ID", "COVID", "PDF", "USD", "EUR", "KZT", "HIV", "AIDS", "SME",
  "II", "III", "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "ICT", "IT", "AI", "NB", "PS", "FAQ",
]);
