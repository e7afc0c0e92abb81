/** Word lists of grammar the relation rows rely on: modality and denial, membership nouns, personal pronouns. */

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
