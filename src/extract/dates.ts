/** Dates in text: absolute ones become YYYY[-MM[-DD]]; relative ones resolve against a reference date or stay text. */
import { MONTHS, MONTH_ABBREVIATIONS, NUMBER_WORDS } from "./lexicon/words.js";

/** A date read from text: `date` when it could be computed, `dateText` (as written) when it is relative. */
export interface FoundDate {
  date?: string;
  dateText?: string;
  /** offset of the expression in the searched text */
  index: number;
}

const MONTH =
  "(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?";
const DAY = "(\\d{1,2})(?:st|nd|rd|th)?";
const YEAR = "((?:19|20)\\d{2})";
const NUMBER =
  "(\\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several)";

const PATTERNS: { re: RegExp; kind: string }[] = [
  { re: new RegExp(`\\b${YEAR}-(\\d{2})-(\\d{2})\\b`, "i"), kind: "iso" },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY},?\\s+${YEAR}\\b`, "i"), kind: "mdy" },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+${YEAR}\\b`, "i"), kind: "dmy" },
  { re: new RegExp(`\\b(\\d{1,2})\\.(\\d{1,2})\\.${YEAR}\\b`), kind: "dotted" },
  { re: new RegExp(`\\b${MONTH}\\s+(?:of\\s+)?${YEAR}\\b`, "i"), kind: "my" },
  {
    re: new RegExp(
      `\\b(?:in\\s+)?the\\s+(?:last|first|early|late|final)\\s+days\\s+of\\s+${MONTH}\\s+(this|last|next)\\s+year\\b`,
      "i",
    ),
    kind: "month-rel-year",
  },
  { re: new RegExp(`\\b${MONTH}\\s+(this|last|next)\\s+year\\b`, "i"), kind: "month-rel-year" },
  { re: new RegExp(`\\b${NUMBER}\\s+(years?|months?|weeks?|days?)\\s+ago\\b`, "i"), kind: "ago" },
  { re: /\b(this|last|next|previous|past)\s+(year|month)\b/i, kind: "rel-period" },
  { re: new RegExp(`\\b${MONTH}\\s+${DAY}\\b(?!\\s*(?:,\\s*)?(?:19|20)\\d{2})`, "i"), kind: "md" },
  { re: new RegExp(`\\b${DAY}\\s+(?:of\\s+)?${MONTH}\\b(?!,?\\s*(?:19|20)\\d{2})`, "i"), kind: "dm" },
  { re: new RegExp(`\\b(?:in|since|from|until|by)\\s+${YEAR}\\b(?!\\s*[-–])`, "i"), kind: "year" },
  { re: /\b(yesterday|today)\b/i, kind: "day-rel" },
];

function monthNumber(word: string): number {
  const w = word.toLowerCase().replace(/\.$/, "");
  const full = (MONTHS as readonly string[]).indexOf(w);
  return full >= 0 ? full + 1 : (MONTH_ABBREVIATIONS[w] ?? 0);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ];
  return day <= days[month - 1]!;
}

function ymd(year: number, month: number, day: number): string | undefined {
  return isValidDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
}

interface Reference {
  year: number;
  month?: number;
  day?: number;
}

function parseReference(referenceDate: string | undefined): Reference | undefined {
  if (referenceDate === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(referenceDate);
  if (!m) return undefined;
  const ref: Reference = { year: Number(m[1]) };
  if (m[2] !== undefined) ref.month = Number(m[2]);
  if (m[3] !== undefined) ref.day = Number(m[3]);
  return ref;
}

function numberOf(word: string): number {
  const n = /^\d+$/.test(word) ? Number(word) : NUMBER_WORDS[word.toLowerCase()];
  return n === undefined ? Number.NaN : n;
}

function shiftMonths(ref: Reference, months: number): string {
  const total = ref.year * 12 + ((ref.month ?? 1) - 1) - months;
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}`;
}

function interpret(kind: string, m: RegExpExecArray, ref: Reference | undefined): Omit<FoundDate, "index"> | undefined {
  const text = m[0].trim();
  switch (kind) {
    case "iso": {
      const date = ymd(Number(m[1]), Number(m[2]), Number(m[3]));
      return date ? { date } : undefined;
    }
    case "mdy": {
      const date = ymd(Number(m[3]), monthNumber(m[1]!), Number(m[2]));
      return date ? { date } : undefined;
    }
    case "dmy": {
      const date = ymd(Number(m[3]), monthNumber(m[2]!), Number(m[1]));
      return date ? { date } : undefined;
    }
    case "dotted": {
      const date = ymd(Number(m[3]), Number(m[2]), Number(m[1]));
      return date ? { date } : undefined;
    }
    case "my":
      return { date: `${m[2]}-${pad(monthNumber(m[1]!))}` };
    case "month-rel-year": {
      const month = monthNumber(m[1]!);
      if (ref === undefined) return { dateText: text };
      const year = ref.year + (m[2]!.toLowerCase() === "last" ? -1 : m[2]!.toLowerCase() === "next" ? 1 : 0);
      return { date: `${year}-${pad(month)}`, dateText: text };
    }
    case "ago": {
      const n = numberOf(m[1]!);
      if (ref === undefined || Number.isNaN(n)) return { dateText: text };
      const unit = m[2]!.toLowerCase();
      if (unit.startsWith("year")) return { date: String(ref.year - n), dateText: text };
      if (unit.startsWith("month") && ref.month !== undefined) return { date: shiftMonths(ref, n), dateText: text };
      if (ref.month !== undefined && ref.day !== undefined) {
        const days = unit.startsWith("week") ? 7 * n : n;
        const base = Date.UTC(ref.year, ref.month - 1, ref.day) - days * 86_400_000;
        return { date: new Date(base).toISOString().slice(0, 10), dateText: text };
      }
      return { dateText: text };
    }
    case "rel-period": {
      if (ref === undefined) return { dateText: text };
      const which = m[1]!.toLowerCase();
      const delta = which === "this" ? 0 : which === "next" ? -1 : 1;
      if (m[2]!.toLowerCase() === "year") return { date: String(ref.year - delta), dateText: text };
      return ref.month === undefined ? { dateText: text } : { date: shiftMonths(ref, delta), dateText: text };
    }
    case "md":
    case "dm": {
      const month = monthNumber(kind === "md" ? m[1]! : m[2]!);
      const day = Number(kind === "md" ? m[2] : m[1]);
      if (!isValidDay(2000, month, day)) return undefined;
      if (ref === undefined) return { dateText: text };
      const date = ymd(ref.year, month, day);
      return date ? { date, dateText: text } : { dateText: text };
    }
    case "year":
      return { date: m[1]! };
    case "day-rel": {
      // "today" means the day the document was written: without that day it says nothing, so it is dropped (kept
      // as text it would become an event's date: "Jubilee Conference (Today)")
      if (ref === undefined || ref.day === undefined) return undefined;
      const base =
        Date.UTC(ref.year, (ref.month ?? 1) - 1, ref.day) - (m[1]!.toLowerCase() === "yesterday" ? 86_400_000 : 0);
      return { date: new Date(base).toISOString().slice(0, 10), dateText: text };
    }
    default:
      return undefined;
  }
}

/** The first date expression in `text` (earliest position; the more specific pattern wins at a tie), or undefined. */
export function findDate(text: string, referenceDate?: string): FoundDate | undefined {
  const ref = parseReference(referenceDate);
  let best: FoundDate | undefined;
  for (const { re, kind } of PATTERNS) {
    const m = re.exec(text);
    if (!m) continue;
    if (best !== undefined && m.index >= best.index) continue;
    const found = interpret(kind, m, ref);
    if (found !== undefined) best = { ...found, index: m.index };
  }
  return best;
}
