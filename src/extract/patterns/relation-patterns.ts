/**
 * Relation patterns as data: per row a relation type, the trigger (lemmas and part of speech) and the dependency
 * paths (Universal Dependencies, enhanced++) from the trigger to each side. One engine (find-relations.ts) applies
 * every row. A new phrasing is a new row or lemma, and a fixture sentence, never a branch of code.
 *
 * A path is a list of steps from the trigger: "rel" goes down to a dependent, "<rel" up to the head; "x:*" matches
 * every subtype of x. Sides: `a` and `b` (the two parties; for MEMBER_OF a is the member and b the body), and
 * `pair` (every entity reached is a party: "between A and B", "A and B met").
 */
import {
  WORDNET_ADMITTING_VERBS,
  WORDNET_AGREEMENT_NOUNS,
  WORDNET_CONSULTING_VERBS,
  WORDNET_HOSTING_VERBS,
  WORDNET_JOINING_VERBS,
  WORDNET_MEETING_NOUNS,
  WORDNET_MEMBER_NOUNS,
  WORDNET_MEMBERSHIP_NOUNS,
  WORDNET_SIGNING_NOUNS,
  WORDNET_SIGNING_VERBS,
  WORDNET_VISITING_VERBS,
} from "../lexicon/derived-triggers.js";
import { BODY_NOUNS } from "../lexicon/grammar.js";

/** Relation types read by dependency patterns. */
export type PatternRelation = "MET_WITH" | "SIGNED" | "MEMBER_OF" | "PARTICIPATED_IN";

/** A condition on a token reached by a path: its lemma must be one of these. */
export interface PathCondition {
  path: readonly string[];
  lemmas: readonly string[];
}

/** One pattern row. */
export interface RelationPattern {
  id: string;
  relation: PatternRelation;
  lemmas: readonly string[];
  /** part of speech of the trigger: Penn tags starting with V, N or J */
  pos: "V" | "N" | "J";
  a?: readonly (readonly string[])[];
  b?: readonly (readonly string[])[];
  pair?: readonly (readonly string[])[];
  /** the row applies only when one of these paths reaches one of the lemmas */
  requires?: readonly PathCondition[];
  /** the sides are only what the sentence names, never what a word refers back to ("the sides", "it") */
  namedOnly?: boolean;
  /** membership status the row states (MEMBER_OF) */
  status?: string;
  /** the kind of the event the row reports (MET_WITH, SIGNED) */
  eventKind?: "meeting" | "visit" | "agreement" | "memorandum";
  confidence: number;
  example: string;
}

/** Nouns naming a meeting: the object of "hold", "have", "conduct" or a noun phrase with "with"/"between". */
export const MEETING_NOUNS = [
  "meeting",
  "talk",
  "talks",
  "conversation",
  "negotiation",
  "negotiations",
  "discussion",
  "discussions",
  "consultation",
  "consultations",
  "reception",
  "audience",
  "encounter",
  "dialogue",
  "session",
  "visit",
  "courtesy",
  "call",
  "videoconference",
  "teleconference",
  "conference",
  "exchange",
  "summit",
  "tête-à-tête",
  "get-together",
  "round",
] as const;
/** Nouns of happenings people and organisations take part in, with the kind of event each is. */
export const EVENT_NOUN_KINDS: Readonly<
  Record<string, "conference" | "session" | "congress" | "meeting" | "visit" | "other">
> = {
  conference: "conference",
  forum: "conference",
  summit: "conference",
  seminar: "conference",
  workshop: "conference",
  symposium: "conference",
  celebration: "other",
  ceremony: "other",
  rally: "other",
  festival: "other",
  session: "session",
  plenum: "session",
  assembly: "session",
  congress: "congress",
  meeting: "meeting",
  visit: "visit",
};

/**
 * WordNet's lemmas (src/extract/lexicon/derived-triggers.ts, derived from seed senses by scripts/derive-triggers.mjs)
 * that are not triggers in press releases, per class: senses too general, words that name something else there, or
 * words another row reads the other way round. A row takes its curated lemmas and its WordNet class less these.
 */
const NOT_TRIGGERS = {
  consulting: [
    // hyponyms of meet#v2 that are no meeting of the parties with each other: visits (the visit row reads them),
    // celebrations
    "visit",
    "call",
    "celebrate",
    "fete",
    // talk#v1's synonym: "spoke at the congress", "A and B spoke" are speeches, not a meeting
    "speak",
    // collective bargaining is the standing process between a union and employers, not a meeting
    "bargain",
  ],
  visiting: [
    // too general ("see")
    "see",
    // inspections are of places (labour inspection)
    "inspect",
  ],
  meetingNouns: [
    // names of bodies ("Trades Union Congress", "World Council") and of ILO conventions
    "congress",
    "council",
    "convention",
    // multi-party gatherings: their people take part (PARTICIPATED_IN), they do not meet pairwise
    "forum",
    "plenum",
    "caucus",
    "conclave",
    "colloquium",
    "seminar",
    "symposium",
    // other senses dominate in press releases: a speech, a word, tea (a crop and a drink), a levee, labour
    // inspection, the socialisation of production, a press interview, a sidebar, collective bargaining, a sports meet
    "speech",
    "talking",
    "word",
    "tea",
    "levee",
    "inspection",
    "socialisation",
    "socialization",
    "socialising",
    "socializing",
    "interview",
    "sidebar",
    "bargaining",
    "meet",
  ],
  signing: [
    // ratification is a vote or a state's act on a convention, not the parties signing; subscriptions are union dues
    "ratify",
    "ratification",
    "subscription",
  ],
  agreementNouns: [
    // hyponyms of agreement#n1 and treaty#n1 that are not documents two parties sign
    "conspiracy",
    "confederacy",
    "sale",
    "reservation",
    "submission",
    "peace",
    "pacification",
    "bargain",
  ],
  joining: [
    // hyponyms of join#v1 whose object is not the body joined: organising workers or events, unionising a
    // workplace, uniting unions, infiltrating
    "organize",
    "organise",
    "unionize",
    "unionise",
    "unify",
    "unite",
    "infiltrate",
    "penetrate",
    // "X affiliated Y": the body affiliates the member, the other way round (the affiliated-active row)
    "affiliate",
  ],
  admitting: [
    // too general, or another sense (profess a faith, initiate a process)
    "include",
    "involve",
    "take",
    "profess",
    "initiate",
  ],
  membershipNouns: [
    // names the member, not the membership (the member-of row reads it, the other way round)
    "affiliate",
    // social inclusion
    "inclusion",
  ],
} as const satisfies Record<string, readonly string[]>;

/** A row's curated lemmas and the WordNet lemmas of its class, less that class's NOT_TRIGGERS. */
function withWordNet(
  curated: readonly string[],
  wordnet: readonly string[],
  notTriggers: readonly string[] = [],
): readonly string[] {
  return [...new Set([...curated, ...wordnet.filter((l) => !notTriggers.includes(l))])];
}

/** Nouns of documents that are signed: CAMEO 057 (sign formal agreement). */
export const AGREEMENT_NOUNS = [
  "agreement",
  "memorandum",
  "mou",
  "moc",
  "accord",
  "protocol",
  "pact",
  "contract",
  "treaty",
  "understanding",
  "document",
  "deal",
  "charter",
  "compact",
  "convention",
  "cooperation",
  "partnership",
  "declaration",
  "letter",
] as const;
/** Verbs of signing or reaching an agreement (CAMEO 057), with the agreement as their object. */
const SIGNING_VERBS = withWordNet(
  ["sign", "conclude", "ink", "initial", "seal", "renew", "reach", "strike", "forge"],
  WORDNET_SIGNING_VERBS,
  NOT_TRIGGERS.signing,
);
const SIGNED_DOCUMENTS = withWordNet(
  AGREEMENT_NOUNS.filter((n) => n !== "letter" && n !== "declaration"),
  WORDNET_AGREEMENT_NOUNS,
  NOT_TRIGGERS.agreementNouns,
);

const SUBJECT = [
  ["nsubj"],
  ["obl:agent"],
  ["obl:by"],
  ["nsubj:xsubj"],
  ["<acl", "<nsubj"],
  ["<xcomp", "nsubj"],
  ["<advcl:*", "nsubj"],
] as const;
const COMPANION = [["obl:with"], ["nmod:with"], ["obl:alongside"], ["obl:together_with"]] as const;

/**
 * Rows read along the text where the parse gives a side nothing: the people named right before the trigger (no
 * other verb between) and right after it (up to the next verb). Parses of long title-and-name chains fail often;
 * the order of the words still says who received whom.
 */
export const LINEAR_MEETING_ROWS: readonly {
  lemmas: readonly string[];
  pos: "V" | "N";
  after?: readonly string[];
  confidence: number;
  example: string;
}[] = [
  {
    lemmas: ["meet", "receive", "host", "welcome", "greet", "visit"],
    pos: "V",
    confidence: 0.7,
    example:
      "President of X Elen Manaseryan hosted Regional Secretary of Y Vadim Borisov and President of Z Margarita Srestyan.",
  },
  {
    lemmas: ["talk", "talks", "meeting", "meetings", "conversation", "negotiations", "discussion", "discussions"],
    pos: "N",
    after: ["with"],
    confidence: 0.65,
    example: "during his talks with LO Vice President Therese Guovelin",
  },
];

/**
 * Agreements read along the text where the parse loses the parties of a long list: "The document was signed by A,
 * Chairperson of X, and B, the Chairman of Y", "Memorandum signed between X and Y". Every party named after the
 * preposition (up to the next verb) signed; the signed document is the agreement noun named before the verb.
 */
export const LINEAR_SIGNING = {
  id: "linear-signing",
  lemmas: ["sign", "conclude", "ink"],
  after: ["by", "between"],
  documents: SIGNED_DOCUMENTS,
  confidence: 0.7,
  example: "The memorandum was signed by Jane Doe, President of X, and John Roe, the Chairman of Y.",
} as const;

/**
 * A body and its members read along the text where the parse fails on long lists: "X (XX) that includes: A, B, C",
 * "X, which comprises A and B": the body right before the relative word, the members after the trigger.
 */
export const LINEAR_INCLUSION = {
  lemmas: ["include", "comprise", "unite", "gather"],
  relativeWords: ["that", "which"],
  confidence: 0.65,
  example: "the Regional Trade Union Council (RTUC) that includes: A, B, C and D",
} as const;

/**
 * The status a membership takes from the word that governs its trigger ("restoring the membership", "is
 * considering membership", "the suspension of its affiliation"): the trigger's head, or that head's head.
 */
export const STATUS_BY_GOVERNOR: Readonly<Record<string, string>> = {
  restore: "restored",
  restoration: "restored",
  regain: "restored",
  reinstate: "restored",
  reinstatement: "restored",
  renew: "restored",
  readmit: "restored",
  readmission: "restored",
  consider: "applied",
  apply: "applied",
  application: "applied",
  seek: "applied",
  request: "applied",
  bid: "applied",
  candidacy: "applied",
  suspend: "suspended",
  suspension: "suspended",
  freeze: "suspended",
  withdraw: "former",
  withdrawal: "former",
  leave: "former",
  quit: "former",
  expel: "former",
  expulsion: "former",
  terminate: "former",
  termination: "former",
};

/** "X-affiliated Y": the token names the body, the name it qualifies the member. */
export const HYPHEN_AFFILIATION = {
  id: "hyphen-affiliated",
  status: "member",
  confidence: 0.85,
  example: "the Saftu-affiliated National Union of Metalworkers",
} as const;

/**
 * Nouns that stand for the people or body behind them when a meeting's side is not named by a name or a title:
 * "received a delegation of the ILO headed by X", "met with Japanese colleagues – A and B". Any other noun (a
 * commitment, an initiative) is not a party.
 */
export const PARTY_NOUNS = [
  "delegation",
  "delegations",
  "colleague",
  "counterpart",
  "leader",
  "leadership",
  "head",
  "representative",
  "member",
  "team",
  "official",
  "guest",
  "side",
  "visitor",
  "mission",
  "group",
  "party",
  "partner",
  "officer",
  "executive",
  "secretariat",
  "presidium",
  "board",
  ...BODY_NOUNS,
  "committee",
  "ministry",
  "embassy",
  "ambassador",
  "minister",
] as const;

/** The rows. */
export const RELATION_PATTERNS: readonly RelationPattern[] = [
  // ---- meetings
  {
    id: "meet-subject-object",
    relation: "MET_WITH",
    lemmas: withWordNet(
      ["meet", "receive", "host", "welcome", "greet", "entertain", "see", "brief"],
      WORDNET_HOSTING_VERBS,
    ),
    pos: "V",
    a: SUBJECT,
    b: [["obj"], ["nsubj:pass"], ...COMPANION],
    eventKind: "meeting",
    confidence: 0.85,
    example: "Elen Manaseryan hosted Vadim Borisov.",
  },
  {
    id: "meet-with",
    relation: "MET_WITH",
    lemmas: withWordNet(
      [
        "meet",
        "confer",
        "talk",
        "negotiate",
        "consult",
        "sit",
        "chat",
        "converse",
        "work",
        "engage",
        "interact",
        "discuss",
      ],
      WORDNET_CONSULTING_VERBS,
      NOT_TRIGGERS.consulting,
    ),
    pos: "V",
    a: SUBJECT,
    b: COMPANION,
    eventKind: "meeting",
    confidence: 0.8,
    example: "The chairman met with the general secretary.",
  },
  {
    id: "met-together",
    relation: "MET_WITH",
    lemmas: withWordNet(["meet", "confer", "talk", "negotiate"], WORDNET_CONSULTING_VERBS, NOT_TRIGGERS.consulting),
    pos: "V",
    pair: [["nsubj"]],
    eventKind: "meeting",
    confidence: 0.75,
    example: "Kwasi Adu Amankwah and Peter Mutasa met in Harare.",
  },
  {
    id: "visit-person",
    relation: "MET_WITH",
    lemmas: withWordNet(["visit", "call"], WORDNET_VISITING_VERBS, NOT_TRIGGERS.visiting),
    pos: "V",
    a: SUBJECT,
    b: [["obj"], ["obl:on"], ["nsubj:pass"]],
    eventKind: "visit",
    confidence: 0.7,
    example: "The ambassador visited the chairman at his office.",
  },
  {
    id: "hold-meeting-with",
    relation: "MET_WITH",
    lemmas: withWordNet(MEETING_NOUNS, WORDNET_MEETING_NOUNS, NOT_TRIGGERS.meetingNouns),
    pos: "N",
    a: [
      ["<obj", "nsubj"],
      ["<obj", "obl:agent"],
      ["<nsubj:pass", "obl:agent"],
      ["nmod:poss"],
      ["nmod:of"],
      ["<obj", "<acl", "<nsubj"],
      ["<obl:during", "nsubj"],
      ["<obl:at", "nsubj"],
      ["<obj", "nsubj", "nmod:together_with"],
      ["<obj", "nsubj", "nmod:along_with"],
    ],
    b: [
      ["nmod:with"],
      ["<obj", "obl:with"],
      ["<nsubj:pass", "obl:with"],
      ["nmod:for"],
      ["<obj", "obl:for"],
      ["nmod:on"],
      ["<obj", "obl:on"],
    ],
    eventKind: "meeting",
    confidence: 0.8,
    example:
      "The president held a meeting with the delegation; A, together with B, held talks with C; A paid a courtesy call on B.",
  },
  {
    id: "during-meeting-together",
    relation: "MET_WITH",
    lemmas: withWordNet(MEETING_NOUNS, WORDNET_MEETING_NOUNS, NOT_TRIGGERS.meetingNouns),
    pos: "N",
    // the subjects of the clause the meeting frames are its parties ("During the meeting, A and B agreed ..."); "the
    // sides" there are the meeting's, not the bodies named before
    pair: [["<obl:during", "nsubj"]],
    namedOnly: true,
    eventKind: "meeting",
    confidence: 0.75,
    example: "During a meeting held in the capital, ABC President A and XYZ General Secretary B expressed their views.",
  },
  {
    id: "meeting-between",
    relation: "MET_WITH",
    lemmas: withWordNet(MEETING_NOUNS, WORDNET_MEETING_NOUNS, NOT_TRIGGERS.meetingNouns),
    pos: "N",
    pair: [["nmod:between"], ["<obj", "obl:between"], ["acl", "obl:between"]],
    eventKind: "meeting",
    confidence: 0.8,
    example: "A meeting between the two general secretaries took place.",
  },
  // ---- taking part in events (a: the participants; the event is the noun the condition reaches)
  {
    id: "take-part-in",
    relation: "PARTICIPATED_IN",
    lemmas: [
      "participate",
      "attend",
      "represent",
      "take",
      "speak",
      "address",
      "join",
      "chair",
      "moderate",
      "open",
      "deliver",
    ],
    pos: "V",
    a: SUBJECT,
    requires: [
      { path: ["obl:in"], lemmas: Object.keys(EVENT_NOUN_KINDS) },
      { path: ["obl:at"], lemmas: Object.keys(EVENT_NOUN_KINDS) },
      { path: ["obj"], lemmas: Object.keys(EVENT_NOUN_KINDS) },
    ],
    confidence: 0.75,
    example: "Satybaldy Dauletalin represented Kazakhstan at the Jubilee Conference.",
  },
  // ---- agreements
  {
    id: "sign-with",
    relation: "SIGNED",
    lemmas: SIGNING_VERBS,
    pos: "V",
    a: SUBJECT,
    b: [
      ...COMPANION,
      ["obl:between"],
      ["obj", "nmod:with"],
      ["obj", "nmod:between"],
      ["obj", "nmod:of", "nmod:between"],
      ["obj", "nmod:of", "nmod:with"],
      ["nsubj", "nmod:together_with"],
      ["nsubj", "nmod:along_with"],
    ],
    requires: [
      { path: ["obj"], lemmas: SIGNED_DOCUMENTS },
      { path: ["nsubj:pass"], lemmas: SIGNED_DOCUMENTS },
      { path: ["<acl"], lemmas: SIGNED_DOCUMENTS },
      { path: ["obj", "compound"], lemmas: SIGNED_DOCUMENTS },
    ],
    eventKind: "agreement",
    confidence: 0.85,
    example:
      "The federation signed a memorandum of cooperation with the confederation; A together with B of the C signed an agreement.",
  },
  {
    id: "meet-to-sign",
    relation: "SIGNED",
    lemmas: SIGNING_VERBS,
    pos: "V",
    // the purpose of a meeting: its subject and the one met sign ("X met with Y to sign an agreement")
    a: [
      ["<advcl:*", "nsubj"],
      ["<xcomp", "nsubj"],
    ],
    // the one met: the meeting's "with", or the infinitive's own subject where a parse reads "with Y to sign" so
    b: [["<advcl:*", "obl:with"], ["<xcomp", "obl:with"], ["nsubj"]],
    requires: [{ path: ["obj"], lemmas: SIGNED_DOCUMENTS }],
    namedOnly: true,
    eventKind: "agreement",
    confidence: 0.75,
    example: "While in the capital, the president also met with the ABC to sign a second agreement.",
  },
  {
    id: "signed-together",
    relation: "SIGNED",
    lemmas: SIGNING_VERBS,
    pos: "V",
    pair: [
      ["nsubj"],
      ["obl:agent"],
      ["obl:by"],
      ["obl:between"],
      ["obj", "nmod:between"],
      ["obj", "nmod:of", "nmod:between"],
    ],
    requires: [
      { path: ["obj"], lemmas: SIGNED_DOCUMENTS },
      { path: ["nsubj:pass"], lemmas: SIGNED_DOCUMENTS },
      { path: ["<acl"], lemmas: SIGNED_DOCUMENTS },
    ],
    eventKind: "agreement",
    confidence: 0.8,
    example: "The document was signed by A, Chairperson of X, and B, Chairman of Y; A and B reached an agreement.",
  },
  {
    id: "agreement-between-signed",
    relation: "SIGNED",
    lemmas: SIGNED_DOCUMENTS,
    pos: "N",
    pair: [["nmod:between"]],
    requires: [
      { path: ["acl"], lemmas: SIGNING_VERBS },
      { path: ["<nsubj:pass"], lemmas: SIGNING_VERBS },
    ],
    eventKind: "agreement",
    confidence: 0.8,
    example: "a co-operation agreement between X and Y signed in December",
  },
  {
    id: "signing-of-agreement-between",
    relation: "SIGNED",
    lemmas: withWordNet(["signing", "signature", "conclusion"], WORDNET_SIGNING_NOUNS, NOT_TRIGGERS.signing),
    pos: "N",
    // "the signing of the memorandum of understanding between A, B and C"
    pair: [["nmod:of", "nmod:between"], ["nmod:of", "nmod:of", "nmod:between"], ["nmod:between"]],
    a: [
      ["<obj", "nsubj"],
      ["<nsubj:pass", "obl:agent"],
    ],
    b: [["nmod:of", "nmod:with"], ["nmod:with"]],
    eventKind: "agreement",
    confidence: 0.8,
    example: "the signing of a cooperation agreement between X and Y",
  },
  // ---- memberships (a: member, b: body)
  {
    id: "member-of",
    relation: "MEMBER_OF",
    lemmas: withWordNet(["member", "affiliate", "part", "founder", "co-founder", "constituent"], WORDNET_MEMBER_NOUNS),
    pos: "N",
    a: [
      ["nsubj"],
      ["<appos"],
      ["<appos", "nsubj"],
      ["appos"],
      ["<nmod:of", "nsubj"],
      ["<nsubj"],
      ["<conj:and", "nsubj"],
      ["<obj", "nsubj"],
      ["<xcomp", "nsubj"],
      ["<xcomp", "obj"],
      ["nsubj:pass"],
      ["<compound", "nsubj"],
      ["<compound", "appos"],
      // the subject shared with an earlier predicate: "X is led by Y and is one of the affiliates of Z"
      ["<nmod:of", "<conj:and", "nsubj"],
      ["<nmod:of", "<conj:and", "nsubj:pass"],
      ["<conj:and", "nsubj:pass"],
      // "one of the Z affiliates, the X"
      ["<nmod:of", "appos"],
    ],
    b: [
      ["nmod:of"],
      ["nmod:in"],
      ["nmod:poss"],
      ["compound"],
      ["nmod:within"],
      ["nmod:to"],
      ["<compound", "nmod:of"],
      ["<compound", "nmod:poss"],
      // "an affiliate of A (...) and B (...)": a parse may join B to the noun, not to A
      ["conj:and"],
    ],
    status: "member",
    confidence: 0.8,
    example: "The CNSM is a fully-fledged member of the ETUC; X is a founding member organisation of Y.",
  },
  {
    id: "membership-in",
    relation: "MEMBER_OF",
    lemmas: withWordNet(
      ["membership", "affiliation", "accession", "admission", "readmission", "entry"],
      WORDNET_MEMBERSHIP_NOUNS,
      NOT_TRIGGERS.membershipNouns,
    ),
    pos: "N",
    a: [["nmod:poss"], ["nmod:of"], ["compound"], ["<obj", "nsubj"]],
    b: [
      ["nmod:in"],
      ["nmod:to"],
      ["nmod:into"],
      ["nmod:within"],
      ["nmod:with"],
      ["<obj", "obl:to"],
      ["<obj", "obl:in"],
    ],
    status: "member",
    confidence: 0.75,
    example: "the importance of the CNSM's membership in the European Trade Union Confederation",
  },
  {
    id: "affiliated-to",
    relation: "MEMBER_OF",
    lemmas: ["affiliate", "affiliated", "belong", "associate"],
    pos: "V",
    a: [["nsubj:pass"], ["nsubj"], ["<acl"], ["<amod"], ["<acl:relcl"]],
    b: [["obl:to"], ["obl:with"], ["obl:in"], ["obl:within"], ["obl:by"]],
    status: "member",
    confidence: 0.85,
    example: "Trade unions affiliated with the National Trade Union Bloc signed ...",
  },
  {
    id: "affiliated-adjective",
    relation: "MEMBER_OF",
    lemmas: ["affiliated", "affiliate"],
    pos: "J",
    a: [["nsubj"], ["<amod"], ["<acl"]],
    b: [["obl:to"], ["obl:with"], ["obl:in"], ["nmod:to"], ["nmod:with"]],
    status: "member",
    confidence: 0.85,
    example: "Both unions are affiliated with BWI.",
  },
  {
    id: "affiliated-active",
    relation: "MEMBER_OF",
    lemmas: ["affiliate"],
    pos: "V",
    a: [["obj"]],
    b: [["nsubj"]],
    status: "member",
    confidence: 0.75,
    example: "GEFONT affiliated NIHWU in 2010.",
  },
  {
    id: "secure-membership-of",
    relation: "MEMBER_OF",
    lemmas: withWordNet(
      ["membership", "affiliation", "accession"],
      WORDNET_MEMBERSHIP_NOUNS,
      NOT_TRIGGERS.membershipNouns,
    ),
    pos: "N",
    a: [
      ["<obj", "nsubj"],
      ["<obj", "nsubj:pass"],
    ],
    b: [["nmod:of"]],
    requires: [
      {
        path: ["<obj"],
        lemmas: [
          "secure",
          "gain",
          "obtain",
          "receive",
          "win",
          "get",
          "acquire",
          "regain",
          "seek",
          "request",
          "grant",
          "apply",
          "consider",
        ],
      },
    ],
    status: "member",
    confidence: 0.75,
    example: "The union has secured membership of the International Federation of Journalists.",
  },
  {
    id: "join",
    relation: "MEMBER_OF",
    lemmas: withWordNet(["join", "rejoin", "enter", "accede"], WORDNET_JOINING_VERBS, NOT_TRIGGERS.joining),
    pos: "V",
    a: [["nsubj"]],
    b: [["obj"], ["obl:to"]],
    status: "joining",
    confidence: 0.75,
    example: "The federation joined the ITUC in 2006.",
  },
  {
    id: "admit",
    relation: "MEMBER_OF",
    lemmas: withWordNet(["admit", "accept", "readmit", "welcome"], WORDNET_ADMITTING_VERBS, NOT_TRIGGERS.admitting),
    pos: "V",
    a: [["obj"], ["iobj"], ["nsubj:pass"]],
    b: [
      ["nsubj"],
      ["nsubj:xsubj"],
      ["obl:agent"],
      ["obl:to"],
      ["obl:into"],
      ["obl:into", "nmod:poss"],
      ["obl:as", "nmod:of"],
    ],
    requires: [
      { path: ["obl:as"], lemmas: ["member", "affiliate"] },
      { path: ["obl:to"], lemmas: [] },
      { path: ["obl:into"], lemmas: [] },
      { path: ["obl:into", "nmod:of"], lemmas: [] },
    ],
    status: "member",
    confidence: 0.7,
    example: "The ITUC admitted the federation as a member.",
  },
  {
    id: "restore-membership",
    relation: "MEMBER_OF",
    lemmas: ["restore", "reinstate", "renew", "regain"],
    pos: "V",
    a: [["obj", "nmod:of"], ["obj", "nmod:poss"], ["nsubj"]],
    b: [["obj", "nmod:in"], ["obj", "nmod:to"], ["obl:to"], ["obl:in"]],
    requires: [
      { path: ["obj"], lemmas: ["membership", "affiliation"] },
      { path: ["nsubj:pass"], lemmas: ["membership", "affiliation"] },
    ],
    status: "restored",
    confidence: 0.8,
    example: "restoring the membership of the KHTF to the ITUC",
  },
  {
    id: "composed-of",
    relation: "MEMBER_OF",
    lemmas: ["compose", "consist", "comprise", "constitute"],
    pos: "V",
    b: [["nsubj:pass"], ["nsubj"]],
    a: [["obl:of"], ["obl:by"]],
    status: "member",
    confidence: 0.7,
    example: "The regional confederation is composed of the A, the B and the C.",
  },
  {
    id: "body-that-includes",
    relation: "MEMBER_OF",
    lemmas: ["include", "comprise", "unite", "bring", "gather", "group"],
    pos: "V",
    b: [["<acl:relcl"]],
    a: [["obj"]],
    status: "member",
    confidence: 0.7,
    example: "the Regional Council, which includes the A, the B and the C",
  },
  {
    id: "include-members",
    relation: "MEMBER_OF",
    lemmas: ["include", "comprise", "unite", "bring"],
    pos: "V",
    b: [["nsubj"]],
    a: [["obj"]],
    requires: [{ path: ["nsubj"], lemmas: ["member", "members", "affiliate", "affiliates", "membership"] }],
    status: "member",
    confidence: 0.7,
    example: "Its members include the X and the Y.",
  },
];
