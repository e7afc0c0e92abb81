/** Role words of HOLDS_POSITION: the positions people hold in organisations, and the words that qualify them. */
import { ROLE_PHRASES } from "./words.js";

/** Role phrases besides the general ones in ROLE_PHRASES (lower case, hyphens as spaces). */
const EXTRA_ROLE_PHRASES: readonly string[] = [
  "chief executive officer", "chief executive", "ceo", "chief of staff", "spokesperson", "spokesman", "spokeswoman",
  "representative", "officer", "organiser", "organizer", "founder", "adviser", "advisor", "consultant", "boss",
  "vice chairperson", "deputy chairperson", "chairperson", "co chair", "co chairman", "executive secretary",
  "deputy president", "vice presidents", "general secretaries", "presidents", "chairmen", "secretaries",
  "emeritus", "commissioner", "rapporteur", "member of the executive board", "board member", "councillor", "speaker",
  "manager", "programme manager", "program manager", "central member", "politburo member", "member of parliament",
];

/** Every role phrase as lower-case words (hyphens split), longest first. */
export const ROLE_PHRASE_WORDS: readonly (readonly string[])[] = [
  ...new Set([...ROLE_PHRASES.map(([phrase]) => phrase.replace(/-/g, " ")), ...EXTRA_ROLE_PHRASES]),
]
  .map((p) => p.split(" "))
  .sort((a, b) => b.length - a.length);

/** Words that qualify a role when written before it ("Regional Secretary", "First Vice-President", "acting head"). */
export const ROLE_MODIFIERS = new Set([
  "regional", "national", "deputy", "vice", "first", "second", "third", "1st", "2nd", "3rd", "executive", "international",
  "permanent", "acting", "honorary", "former", "outgoing", "incoming", "new", "newly", "elected", "re-elected",
  "general", "assistant", "associate", "senior", "chief", "founding", "interim", "joint", "confederal", "federal",
  "policy", "political", "organising", "organizing", "financial", "youth", "women's", "women’s", "sectoral", "section",
  "late", "current", "then", "grand", "lodge", "area", "district", "branch", "global", "european", "continental",
  "education", "legal", "press", "communications", "international relations", "programme", "program", "project",
]);
