/**
 * HOLDS_POSITION patterns as data: each row is a regular expression over a sentence written as one symbol per
 * chunk or token, with named groups for the person (p), the role (r) and the organisation (o).
 *
 * Symbols: P person, O organisation, R role, C place, `,` comma, `(` `)` brackets, `-` dash or colon,
 * f of/at/in/for/from/with, t the/a/an/his/her/both, i its/their, v is/was/serves..., s possessive 's, a and,
 * e elect(ed)/appointed/named, z as, l led/headed/leadership (before "by" or "of"), n a noun or adjective and y
 * represented (before "by") for rows that read nouns (the others see "x"), x any other token. Honorifics
 * before a name are skipped. A row without a role group says the person leads the organisation.
 * A row without an organisation group takes the antecedent of "its"/"their": the nearest organisation before it.
 * An organisation or person group at the end of a match extends over what is coordinated with it ("of A, B and C").
 */

/** One position pattern. */
export interface PositionPattern {
  id: string;
  /** reads the symbols with "n" for nouns and adjectives outside chunks (other rows see them as "x") */
  readsNouns?: boolean;
  pattern: RegExp;
  confidence: number;
  example: string;
}

// a second description stacked before the name: "Chairman of X (XX), MP of the Y, Name"
const STACKED = "(?:,t?R(?:ft?x?(?:O|C)(?:\\(O\\))?)?)?";

/** The rows, most specific first. */
export const POSITION_PATTERNS: readonly PositionPattern[] = [
  {
    id: "role-of-org-person",
    // not after "Name, " where that name was not described before it: there the description is that name's ("A,
    // Vice-President of X, B, Director of Y"); in "R of X A, R of Y B" or "R of X, A, R of Y, B" each description
    // precedes its name. A body
    // "of" another body is the inner one ("President of the Union of Chemical Workers of the Federation of Y Name").
    pattern: new RegExp(
      `(?<!(?:^|[^OCR),]|[^O],)P,t?)(?<r>R)(?:f[Cx])?ft?(?<o>O)(?:\\(O\\))?(?:ft?O(?:\\(O\\))?)?${STACKED}[,-]?R?(?<p>P)`,
      "dy",
    ),
    confidence: 0.9,
    example: "President of the Confederation of Trade Unions of Armenia Elen Manaseryan hosted ...",
  },
  {
    id: "role-of-org-unit-person",
    readsNouns: true,
    pattern: /(?<!(?:^|[^OCR)])P,t?)(?<r>R)ft?(?<o>O)n{1,3}(?<p>P)/dy,
    confidence: 0.8,
    example: "Deputy head of the ABC external relations department Jane Doe said ...",
  },
  {
    id: "org-role-person",
    pattern: /(?<o>O)(?:\([OCx]\))?C?s?(?<r>R)[,-]?(?<p>P)/dy,
    confidence: 0.9,
    example:
      "IndustriALL General Secretary Atle Høie said ...; the TUC (Ghana) General Secretary ...; ABC Catalonia President X",
  },
  {
    id: "person-role-of-org",
    // not a name described already before it: in "R of X A, R of Y B" and "R of X, A, R of Y, B" each description
    // precedes its name (but in "A, R of X, B, R of Y" each follows it); so does "X Chairman A, R of Y B"
    pattern:
      /(?<!R(?:f[Cx])?ft?O(?:\(O\))?|OR[,-]?)(?<!(?<!P,t?)R(?:f[Cx])?ft?O(?:\(O\))?,)(?<p>P)(?:\(O\))?[,(-]x?t?(?<r>R)(?:f[Cx])?ft?(?<o>O)/dy,
    confidence: 0.9,
    example: "Vadim Borisov, Regional Secretary of IndustriALL Global Union, said ...; X, also President of Y",
  },
  {
    id: "person-role-of-org-unmarked",
    // a name not described already (no organisation, role, place or bracket before it)
    pattern: /(?<![ORC)])(?<p>P)(?<r>R)(?:f[Cx])?ft?(?<o>O)/dy,
    confidence: 0.8,
    example: "met this morning Jane Doe president of the Federation and the ambassador",
  },
  {
    id: "org-led-by-person",
    pattern: /(?<o>O)(?:\(O\))?C?,?[vxt]{0,3}l[xf]i?t?[xe]{0,2}(?<r>R)?[,-]?(?<p>P)/dy,
    confidence: 0.8,
    example: "The federation, led by its newly elected General Secretary, Jane Doe; X, under the leadership of Y",
  },
  {
    id: "person-org-role",
    pattern: /(?<p>P)[,(-]t?(?<o>O)(?:\(O\))?s?(?<r>R)/dy,
    confidence: 0.85,
    example: "Stephen Cotton, ITF General Secretary, said ...",
  },
  {
    id: "role-person-of-org",
    pattern: /(?<r>R)(?<p>P)(?:ft?|,|\()(?<o>O)/dy,
    confidence: 0.75,
    example: "President Larry Cohen, CWA; Chairman Tung of the VGCL",
  },
  {
    id: "org-unit-role-person",
    readsNouns: true,
    pattern: /(?<o>O)(?:\([OCx]\))?(?:ns?){1,3}(?<r>R)[,-]?(?<p>P)/dy,
    confidence: 0.75,
    example: "ABC Seafarers' Section Secretary Jane Doe said ...",
  },
  {
    id: "org-s-role-comma-person",
    pattern: /t?(?<o>O)s(?<r>R)[,-]?(?<p>P)/dy,
    confidence: 0.9,
    example: "the ITUC's General Secretary, Sharan Burrow",
  },
  {
    id: "person-elected-role-of-org",
    pattern: /(?<p>P)[xv]{0,3}ez?t?x{0,2}(?<r>R)ft?(?<o>O)/dy,
    confidence: 0.85,
    example: "Ali Yalçın was re-elected as chairman of Memur-Sen",
  },
  {
    id: "person-elected-org-role",
    pattern: /(?<p>P)(?:,x)?v?x?ez?t?(?<o>O)s?(?<r>R)/dy,
    confidence: 0.8,
    example: "Jane Doe, who was re-elected ABC Secretary-General, said ...",
  },
  {
    id: "org-elected-person-as-role",
    pattern: /(?<o>O)x{0,2}e(?<p>P)(?:,[^,]{0,12},)?x{0,3}zt?x{0,2}(?<r>R)/dy,
    confidence: 0.85,
    example: "UNI elected Christy Hoffman as its new General Secretary",
  },
  {
    id: "person-is-role-of-org",
    pattern: /(?<p>P)(?:,x)?vx{0,2}t?x?(?<r>R)ft?x?t?(?<o>O)/dy,
    confidence: 0.85,
    example: "Sattar Mohbaliyev is the vice-president of both the ITUC, the GCTU and the PERC; X, who is also ...",
  },
  {
    id: "its-role-person",
    pattern: /i(?<r>R),?(?<p>P)/dy,
    confidence: 0.75,
    example: "HAK-IS, led by its President Mahmut Arslan",
  },
  {
    id: "person-its-role",
    pattern: /(?<p>P),i(?<r>R)/dy,
    confidence: 0.7,
    example: "the VGCL, led by Dang Ngoc Tung, its Chairman",
  },
  {
    id: "org-represented-by-role-person",
    readsNouns: true,
    pattern: /(?<o>O)(?:\(O\))?[,-]?v?yx[it]?(?<r>R),?(?<p>P)/dy,
    confidence: 0.8,
    example: "ABC was represented by its General Secretary Jane Doe",
  },
  {
    id: "org-represented-by-person-role",
    readsNouns: true,
    // the role of a body named after it is that body's ("represented by Jane Doe, President of Y")
    pattern: /(?<o>O)(?:\(O\))?[,-]?v?yx(?<p>P),t?(?<r>R)(?!ft?O)/dy,
    confidence: 0.75,
    example: "ABC - represented by Jane Doe, president of the Board of Directors - welcomed ...",
  },
  {
    id: "person-role-org-dash",
    pattern: /(?<p>P)-(?<r>R)ft?(?<o>O)/dy,
    confidence: 0.8,
    example: "Name – President of X",
  },
];

/**
 * HOLDS_POSITION read over the dependency parse, for the phrasings the rows above do not cover: from the head word of
 * a role, the paths (as in RELATION_PATTERNS) to the person who holds it and to the organisation it is in.
 * Measured on the real corpus, rows for appositions, titles before names and "elected X as" over the parse found
 * fewer true positions than wrong ones beyond what the symbol rows find, on outlets not used for tuning; only the
 * copula row earns its place.
 */
export interface PositionDependencyRow {
  id: string;
  person: readonly (readonly string[])[];
  org: readonly (readonly string[])[];
  confidence: number;
  example: string;
}

const ROLE_ORG = [["nmod:of"], ["nmod:at"], ["nmod:for"], ["nmod:poss"], ["compound"], ["nmod:within"]] as const;

/** The rows. */
export const POSITION_DEPENDENCY_ROWS: readonly PositionDependencyRow[] = [
  {
    id: "dep-copula",
    person: [["nsubj"]],
    org: ROLE_ORG,
    confidence: 0.75,
    example: "Jane Doe has been the president of the Federation since 2019.",
  },
];
