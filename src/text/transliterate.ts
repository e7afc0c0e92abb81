/**
 * Layer 4 of the folding (see fold.ts): spellings that differ only by transliteration convention (Russian, Turkic,
 * German and French sources) get one key. Resolution compares person names word by word on it; lookups match
 * whole names on it, so every spelling resolution merges is found under every other. Pure.
 */
import { foldName, foldText } from "./fold.js";

// Applied in order to a folded word.
const TRANSLITERATIONS: readonly (readonly [RegExp, string])[] = [
  [/kh/g, "h"],
  [/dzh|dj|zh/g, "j"],
  [/tsch|tch|sch|ch/g, "c"],
  [/sh/g, "s"],
  [/ts|tz/g, "c"],
  [/ou/g, "u"],
  [/ph/g, "f"],
  [/w/g, "v"],
  [/q/g, "k"],
  [/x/g, "ks"],
  [/ck/g, "k"],
  [/ii|iy|yi|yy/g, "i"],
  [/y/g, "i"],
  [/(.)\1/g, "$1"],
];

/** Serbo-Croatian Đ is written Dj in plain Latin ("Srđa" / "Srdja"): the one letter layer 4 reads unlike layer 1. */
function readDj(text: string): string {
  return text.replace(/đ/g, "dj").replace(/Đ/g, "Dj");
}

function transliterateFolded(word: string): string {
  let w = word;
  for (const [re, to] of TRANSLITERATIONS) w = w.replace(re, to);
  return w;
}

/** One name word as resolution compares it: folded, Latin letters only, transliteration variants unified. */
export function foldNameWord(word: string): string {
  return transliterateFolded(foldText(readDj(word)).replace(/[^a-z]/g, ""));
}

/**
 * A whole name as lookups match it: its folded words (foldName), each with transliteration variants unified, so
 * "Satibaldi Dauletalin", "SATYBALDY DAULETALİN" and "Satybaldy Dauletalin" get one key.
 */
export function transliterationKey(name: string): string {
  const folded = foldName(readDj(name));
  return folded === "" ? "" : folded.split(" ").map(transliterateFolded).join(" ");
}
