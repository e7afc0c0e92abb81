/**
 * Word lists of grammar the relation rows rely on: modality and denial, membership nouns, personal pronouns, and
 * the words that refer back to organisations named before.
 */

/** Words that make a meeting or a signing announced, hoped for or denied rather than reported. */
export const FUTURE_OR_DENIED = new Set([
  "will",
  "shall",
  "would",
  "not",
  "n't",
  "never",
  "plan",
  "schedule",
  "expect",
  "hope",
  "intend",
  "should",
]);

/** Nouns that state a membership: another membership trigger, not a party ("a member of A, ..., a member of B"). */
export const MEMBERSHIP_NOUNS: ReadonlySet<string> = new Set(["member", "affiliate", "membership", "affiliation"]);

/** Pronouns that stand for one person named before them. */
export const PERSONAL_PRONOUNS = new Set(["he", "she", "his", "her", "him"]);

/** Pronouns that stand for one organisation named before them ("it is an affiliate of ..."). */
export const ORGANISATION_PRONOUNS = new Set(["it", "its"]);

/** Common nouns of bodies: they stand for the body a text names ("the federation", "a delegation of the union"). */
export const BODY_NOUNS = [
  "union",
  "federation",
  "confederation",
  "organisation",
  "organization",
  "centre",
  "center",
  "association",
  "council",
] as const;

/**
 * Nouns that, after "the", "this", "both" or "two", refer back to organisations named before: "the federation" (the
 * last one whose name holds the word), "the unions", "both sides", "the two organisations" (the last two named).
 */
export const ORGANISATION_ANAPHORS: ReadonlySet<string> = new Set([...BODY_NOUNS, "congress", "side", "party"]);

/** Determiners and numbers that make such a noun refer back, and those that make it plural. */
export const ANAPHOR_DETERMINERS = new Set(["the", "this", "these", "both", "two", "three", "four", "all"]);
export const PLURAL_DETERMINERS = new Set(["these", "both", "two", "three", "four", "all"]);
/** How many organisations a plural refers to: "the three organisations" three, any other plural two. */
export const ANAPHOR_COUNTS: Readonly<Record<string, number>> = { three: 3, four: 4 };

/** Nouns that name no organisation of their own when plural or paired: "both sides", "the parties". */
export const GENERIC_PARTY_NOUNS = new Set(["side", "party", "organisation", "organization"]);

/** Words that, before "by", name who speaks for a body ("X was represented by its General Secretary Y"). */
export const REPRESENTING_WORDS: ReadonlySet<string> = new Set(["represented", "representing"]);

/** Words that, before "by" (or "of" for the nouns), name who leads a body or a delegation ("a delegation headed by X"). */
export const LEADING_WORDS: ReadonlySet<string> = new Set([
  "led",
  "headed",
  "chaired",
  "presided",
  "leadership",
  "chairmanship",
  "presidency",
]);

/** Nouns of a group of people sent together, whose members a document lists once ("The delegation included A, B"). */
export const GROUP_NOUNS: ReadonlySet<string> = new Set(["delegation", "team", "mission"]);

/** Words that list a group's members after it ("included", "comprising", "consisted of", "composed of"). */
export const LISTING_WORDS: ReadonlySet<string> = new Set([
  "include",
  "included",
  "includes",
  "including",
  "comprise",
  "comprised",
  "comprising",
  "consist",
  "consisted",
  "consisting",
  "compose",
  "composed",
]);
