/**
 * News outlets a report credits: the agency of a dateline ("ZAGREB, Nov 11 (Agency) -"), a source or photo credit
 * ("Source: Agency", "(Photo: Agency)", "(Take from Radio X)"), and the outlet a sentence ends on ("..., X
 * reports.", "..., reported the X.", "..., told X."). They carry the news; they are not parties to it.
 */
import { foldText } from "../fold.js";

const NAME = String.raw`[\p{Lu}][\p{L}\p{N}.&'’-]*(?: [\p{Lu}][\p{L}\p{N}.&'’-]*){0,4}`;
const MONTH_DAY = String.raw`[\p{Lu}][\p{Ll}]{2,8}\.? \d{1,2}(?:, \d{4})?`;

/** The patterns, each with the outlet's name as group 1. */
const CREDIT_PATTERNS: readonly RegExp[] = [
  // a dateline: a place in capitals, or a place and a date, then the agency in brackets
  new RegExp(String.raw`^\s*(?:\p{Lu}[\p{Lu} .'-]+|[\p{Lu}][\p{L} .'-]+, ${MONTH_DAY})\.?,? \((${NAME})\)`, "gmu"),
  // a credit line or bracket
  new RegExp(
    String.raw`\b(?:Source|Photo|Photos|Credit|Image|Picture|Take from|Taken from)\s*:?\s*(${NAME})\s*(?:\)|$)`,
    "gmu",
  ),
  // the outlet a sentence ends on
  new RegExp(String.raw`, (${NAME}) report(?:s|ed)\.`, "gu"),
  new RegExp(String.raw`, reported (?:the )?(${NAME})\.`, "gu"),
  new RegExp(String.raw`, (?:he |she |they )?told ([\p{Lu}][\p{L}-]+)\.`, "gu"),
];

/** The folded names of the outlets a document's text credits. */
export function creditedOutlets(text: string): Set<string> {
  const names = new Set<string>();
  for (const pattern of CREDIT_PATTERNS)
    for (const m of text.matchAll(pattern)) {
      const name = m[1]!.trim();
      names.add(foldText(name));
      // "Radio X", "the Cuban News Channel": the name without a leading medium or adjective too
      const words = name.split(" ");
      if (words.length > 1) names.add(foldText(words.slice(1).join(" ")));
    }
  return names;
}
