/**
 * Pattern rows and reference mechanisms of extraction, each on a sentence annotated once by the real CoreNLP server
 * (test/fixtures/annotations/recorded; record a new one with scripts/record-annotation.js --recorded).
 */
import { describe, expect, it } from "vitest";
import { extractRecorded } from "../../../test/helpers/recorded-annotations.js";

function factsOf(text: string) {
  const x = extractRecorded(text, "rows.txt");
  const nameOf = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
  const facts = (type: string, undirected = false) =>
    x.relations
      .filter((r) => r.type === type)
      .map((r) => (undirected ? [nameOf(r.from), nameOf(r.to)].sort() : [nameOf(r.from), nameOf(r.to)]).join(" -> "))
      .sort();
  return { x, facts };
}

describe("position rows", () => {
  it("reads the leader of an organisation 'led by its newly elected General Secretary'", () => {
    const { facts } = factsOf(
      "The Northern Rail Union, led by its newly elected General Secretary, Maria Lopez, met the transport minister on Monday.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Maria Lopez -> Northern Rail Union"]);
  });

  it("splits an acronym that the tagger ran into the name after 'President of the'", () => {
    const { facts, x } = factsOf("President of the RTWU Anna Kowalski opened the session.");
    expect(facts("HOLDS_POSITION")).toEqual(["Anna Kowalski -> RTWU"]);
    expect(x.entities.filter((e) => e.type === "Person").map((e) => e.name)).toEqual(["Anna Kowalski"]);
  });

  it("pairs a plural role's bodies and people in order", () => {
    const { facts } = factsOf(
      "The General Secretaries of the Northern Miners Union and the Coastal Dockers Union, Ana Ruiz and Carlos Vega, met the minister.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Ana Ruiz -> Northern Miners Union",
      "Carlos Vega -> Coastal Dockers Union",
    ]);
  });

  it("reads a hyphenated compound of roles as a role", () => {
    const { facts } = factsOf("Lily Evans, Secretary-Treasurer of the Harbour Workers Union, spoke first.");
    expect(facts("HOLDS_POSITION")).toEqual(["Lily Evans -> Harbour Workers Union"]);
  });

  it("reads a unit of an organisation between its name and the role", () => {
    const { facts } = factsOf("The memorandum was signed by NTU seafarers' section secretary Jane Holm.");
    expect(facts("HOLDS_POSITION")).toEqual(["Jane Holm -> NTU"]);
  });

  it("reads 'who was re-elected ABC President'", () => {
    const { facts } = factsOf("Jane Doe, who was re-elected RTU President last year, thanked the delegates.");
    expect(facts("HOLDS_POSITION")).toEqual(["Jane Doe -> RTU"]);
  });

  it("keeps a form of address with a full stop the tokenizer does not know out of the name and the sentence break", () => {
    const { facts, x } = factsOf("The conference was attended by NWU Chairman Bro. Peter Okafor and other guests.");
    expect(facts("HOLDS_POSITION")).toEqual(["Peter Okafor -> NWU"]);
    expect(x.entities.some((e) => e.name === "Bro")).toBe(false);
  });

  it("reads the inner body of 'President of the Union of X of the Federation of Y Name'", () => {
    const { facts } = factsOf(
      "The forum heard President of the Union of Chemical Workers of the Federation of Trade Unions of Ruritania Jana Novak.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Jana Novak -> Union of Chemical Workers"]);
  });

  it("reads a department of the body between its name and the person", () => {
    const { facts } = factsOf(
      "Deputy head of the RTWU external relations department Tom Baker said the union is growing.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Tom Baker -> RTWU"]);
  });

  it("reads descriptions before each name in a list, and stops a body's name at a form of address", () => {
    const { facts } = factsOf(
      "Present were Chairman of the Ruritanian Teachers Union Anna Berg, Chairperson of the Ruritanian Nurses Federation Madam Rosa Klein and other guests.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Anna Berg -> Ruritanian Teachers Union",
      "Rosa Klein -> Ruritanian Nurses Federation",
    ]);
  });

  it("reads 'X was represented by its General Secretary Y'", () => {
    const { facts } = factsOf("The Ruritanian Dockers Union was represented by its General Secretary John Miller.");
    expect(facts("HOLDS_POSITION")).toEqual(["John Miller -> Ruritanian Dockers Union"]);
  });

  it("carries the body to 'and the Treasurer-General, Mr. B' after 'The Secretary-General of X, Mr. A'", () => {
    const { facts } = factsOf(
      "The Secretary-General of the Ruritanian Labour Federation, Mr. Paul Weber and the Treasurer-General, Mr. Omar Said visited the port.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Omar Said -> Ruritanian Labour Federation",
      "Paul Weber -> Ruritanian Labour Federation",
    ]);
  });

  it("gives a singular role to the name it describes, not to every name after it", () => {
    const { facts } = factsOf(
      "Central member of the Ruritanian Hotel Workers Union Ram Thapa, and Hari Gurung spoke at the rally.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Ram Thapa -> Ruritanian Hotel Workers Union"]);
  });

  it("reads a plural role by its singular and carries it over the names coordinated after it", () => {
    const { facts } = factsOf(
      "RTWU Vice President Omar Farouk, Directors Barrister Lina Haddad, Sami Nasser and Rana Aziz were also present.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Lina Haddad -> RTWU",
      "Omar Farouk -> RTWU",
      "Rana Aziz -> RTWU",
      "Sami Nasser -> RTWU",
    ]);
  });

  it("pairs 'the representatives of A (AA, for its acronym in Spanish), X, and B, Y' and reads the acronym", () => {
    const { facts, x } = factsOf(
      "The top representatives of the Ruritanian Workers' Union (URT, for its acronym in Spanish), Pablo Ortiz, and the Federation of Trade Unions of Borduria, Ivan Petrov, signed an agreement.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Ivan Petrov -> Federation of Trade Unions of Borduria",
      "Pablo Ortiz -> Ruritanian Workers' Union",
    ]);
    expect(x.entities.find((e) => e.name === "Ruritanian Workers' Union")?.aliases).toContain("URT");
  });

  it("gives each name the description before it in 'R of X, A, R of Y, B'", () => {
    const { facts } = factsOf(
      "The congress was attended by the Deputy General Secretary of the European Dockers Federation, Peter Lang, representative of the World Transport Union, Ana Silva, and other guests.",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Ana Silva -> World Transport Union",
      "Peter Lang -> European Dockers Federation",
    ]);
  });

  it("gives 'R of Y' after 'X Chairman A,' to the name after it, not to A", () => {
    const { facts } = factsOf(
      "The conference was attended by RTWU Chairman Bro Omar Farouk, Chairperson of RNEO Madam Rosa Klein and other guests.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Omar Farouk -> RTWU", "Rosa Klein -> RNEO"]);
  });

  it("reads 'General' after a role as part of it ('Executive Director General of X')", () => {
    const { facts } = factsOf(
      "Hiro Sato, Executive Director General of RILF, took part in this meeting and confirmed its cooperation with the NMU.",
    );
    expect(facts("HOLDS_POSITION")).toEqual(["Hiro Sato -> RILF"]);
  });

  it("skips several forms of address before a name", () => {
    const { facts, x } = factsOf("RDWU Vice President Bro Dr Ahmed Karim opened the meeting.");
    expect(facts("HOLDS_POSITION")).toEqual(["Ahmed Karim -> RDWU"]);
    expect(x.entities.filter((e) => e.type === "Person").map((e) => e.name)).toEqual(["Ahmed Karim"]);
  });
});

describe("words that refer back", () => {
  it("reads 'It is an affiliate of' as the organisation named before", () => {
    const { facts } = factsOf(
      "The Andean Miners Federation held its congress in May. It is an affiliate of the Global Mining Union.",
    );
    expect(facts("MEMBER_OF")).toEqual(["Andean Miners Federation -> Global Mining Union"]);
  });

  it("reads 'Both unions are affiliated to' as the two organisations named before", () => {
    const { facts } = factsOf(
      "The Baltic Dockers Union and the Coastal Seafarers Federation agreed on a merger plan. Both unions are affiliated to the International Transport Alliance.",
    );
    expect(facts("MEMBER_OF")).toEqual([
      "Baltic Dockers Union -> International Transport Alliance",
      "Coastal Seafarers Federation -> International Transport Alliance",
    ]);
  });

  it("takes a subject 'He' for the person the sentences before are about, not the last one named", () => {
    const { facts } = factsOf(
      "Tom Berg, chairman of the Baltic Dockers Union, visited Riga. The union leader told reporters about the strike. He also met with Lisa Wong.",
    );
    expect(facts("MET_WITH", true)).toEqual(["Lisa Wong -> Tom Berg"]);
  });
});

describe("acronyms nothing explains", () => {
  it("keeps those listed with other bodies or a country in brackets", () => {
    const { x } = factsOf("Delegates came from ABTU & CDWF (Ruritania), EFGU & HIJK (Freedonia) and the ILO.");
    const orgs = x.entities.filter((e) => e.type !== "Person" && e.type !== "Country").map((e) => e.name);
    expect(orgs).toEqual(expect.arrayContaining(["ABTU", "CDWF", "EFGU", "HIJK"]));
  });
});

describe("people named several ways", () => {
  it("takes a name that ends a longer name for that person, and keeps titled forms as aliases", () => {
    const { x } = factsOf(
      "The delegation met Deputy Prime Minister Luigi De Rossi in Rome. Mr De Rossi said the talks with Dr Ana Ortiz were useful.",
    );
    const people = x.entities.filter((e) => e.type === "Person");
    expect(people.map((e) => e.name).sort()).toEqual(["Ana Ortiz", "Luigi De Rossi"]);
    expect(people.find((e) => e.name === "Ana Ortiz")?.aliases).toContain("Dr Ana Ortiz");
  });
});

describe("delegations and admissions", () => {
  it("lets a delegation 'headed by' people stand for them in a meeting", () => {
    const { facts } = factsOf(
      "Labour minister Jane Doe held a meeting with a union delegation headed by the general secretaries of the federation, Ana Ruiz and Carlos Vega.",
    );
    expect(facts("MET_WITH", true)).toEqual(["Ana Ruiz -> Jane Doe", "Carlos Vega -> Jane Doe"]);
  });

  it("reads 'proud to welcome into its family A and B' as two new members", () => {
    const { facts } = factsOf(
      "The Coastal Workers Union is proud to welcome into its family the Harbour Pilots Union and the River Boatmen Union.",
    );
    expect(facts("MEMBER_OF")).toEqual([
      "Harbour Pilots Union -> Coastal Workers Union",
      "River Boatmen Union -> Coastal Workers Union",
    ]);
  });
});

describe("name particles", () => {
  it("keeps 'de' and 'van der' inside the names they join", () => {
    const { x } = factsOf("General Secretary Ulises Moreno de Castillo met with Jan van der Berg in Lima.");
    const people = x.entities.filter((e) => e.type === "Person").map((e) => e.name);
    expect(people.sort()).toEqual(["Jan van der Berg", "Ulises Moreno de Castillo"]);
  });
});

describe("hypotheses", () => {
  it("reads no membership from 'its accession to X would strengthen ...'", () => {
    const { facts } = factsOf(
      "The Harbour Pilots Union held its congress. Its accession to the Global Mining Union would strengthen the sector.",
    );
    expect(facts("MEMBER_OF")).toEqual([]);
  });
});

describe("bodies made of members", () => {
  it("reads 'X (XX) that includes: A, B and C' along the text", () => {
    const { facts } = factsOf(
      "We are members of the East Coast Trade Union Council (ECTUC) that includes: the Northern Miners Union, the Coastal Dockers Union and the Forest Workers Federation.",
    );
    expect(facts("MEMBER_OF")).toEqual([
      "Coastal Dockers Union -> East Coast Trade Union Council",
      "Forest Workers Federation -> East Coast Trade Union Council",
      "Northern Miners Union -> East Coast Trade Union Council",
    ]);
  });

  it("reads 'is composed of A, B and C' as three memberships", () => {
    const { facts } = factsOf(
      "The East Coast Trade Union Council is composed of the Northern Miners Union, the Coastal Dockers Union and the Forest Workers Federation.",
    );
    expect(
      facts("MEMBER_OF")
        .map((f) => f.split(" -> ")[0])
        .sort(),
    ).toEqual(["Coastal Dockers Union", "Forest Workers Federation", "Northern Miners Union"]);
  });
});

describe("groups listed once", () => {
  it("lets 'the delegation' stand for the members the document lists in another sentence", () => {
    const { facts } = factsOf(
      "A union delegation paid a courtesy call on Mayor Tom Reyes yesterday. The delegation included Ana Ruiz and Carlos Vega.",
    );
    expect(facts("MET_WITH", true)).toEqual(["Ana Ruiz -> Tom Reyes", "Carlos Vega -> Tom Reyes"]);
  });
});

describe("lists of elected officers", () => {
  it("gives every officer of a list the body the electing sentence names, and later lists the same body", () => {
    const { facts } = factsOf(
      "The Congress of the Northern Transport Federation elected its new leadership as follows:\n\n1. President- Ms. Ana Ruiz (NTU)\n2. General Secretary: Mr. Carlos Vega of Lima\n\nThe Youth Conference elected the following:\n\n1. Chairperson- Mr. Tom Reyes (RWU)",
    );
    expect(facts("HOLDS_POSITION")).toEqual([
      "Ana Ruiz -> Northern Transport Federation",
      "Carlos Vega -> Northern Transport Federation",
      "Tom Reyes -> Northern Transport Federation",
    ]);
  });

  it("reads a plural role of a list line ('Executive Committee Members: A (X) and B (Y)') for every name on it", () => {
    const { facts } = factsOf(
      "The Congress of the Northern Transport Federation elected its new leadership as follows:\n\n1. President- Ms. Ana Ruiz (NTU)\n2. Executive Committee Members: Mr. Tom Baker (RTU) and Ms. Lina Haddad (RNU)",
    );
    expect(facts("HOLDS_POSITION")).toEqual(
      expect.arrayContaining([
        "Lina Haddad -> Northern Transport Federation",
        "Tom Baker -> Northern Transport Federation",
      ]),
    );
  });
});

describe("memberships of coordinated bodies", () => {
  it("reads 'an affiliate of A (...) and B (...)' as membership of both, however the parse joins B", () => {
    const { facts } = factsOf(
      "The Ruritanian Labour Confederation is also active in the global movement, it is an affiliate of RETU (The Ruritanian European Trade Union Confederation) and WTUC (The World Trade Union Confederation).",
    );
    expect(facts("MEMBER_OF")).toHaveLength(2);
    expect(facts("MEMBER_OF").every((f) => f.startsWith("Ruritanian Labour Confederation -> "))).toBe(true);
  });
});

describe("memberships along the text", () => {
  it("reads 'X, XX, affiliated to the Y'", () => {
    const { facts } = factsOf(
      "The General Confederation of Ruritanian Workers, GCRW, affiliated to the World Federation of Labour, called a strike for Monday.",
    );
    expect(facts("MEMBER_OF")).toEqual(["General Confederation of Ruritanian Workers -> World Federation of Labour"]);
  });

  it("reads the list after 'the Y's two affiliates in Z'", () => {
    const { facts } = factsOf(
      "The Global Labour Federation's two affiliates in Ruritania, the Union of Free Trade Unions (UFTU) and the Confederation of Labour (CL), welcomed the decision.",
    );
    expect(facts("MEMBER_OF")).toEqual([
      "Confederation of Labour -> Global Labour Federation",
      "Union of Free Trade Unions -> Global Labour Federation",
    ]);
  });
});

describe("the members an organisation's 'member organisations' lists", () => {
  it("reads 'X and two of its member organisations, the A and the B'", () => {
    const { facts } = factsOf(
      "The court cancelled the registration of the Ruritanian Confederation of Labour (RCL) and two of its member organisations, the Dock Workers Union and the Health Workers Union.",
    );
    expect(facts("MEMBER_OF")).toEqual([
      "Dock Workers Union -> Ruritanian Confederation of Labour",
      "Health Workers Union -> Ruritanian Confederation of Labour",
    ]);
  });
});

describe("names inside a description", () => {
  it("reads each name a plural role describes as its own person ('two NMU vice presidents, A, and B')", () => {
    const { facts } = factsOf(
      "The same day, RTWU vice president Tom Baker worked with two NMU vice presidents, Ana Ruiz, and Lina Haddad.",
    );
    expect(facts("MET_WITH", true)).toEqual(["Ana Ruiz -> Tom Baker", "Lina Haddad -> Tom Baker"]);
  });
});

describe("meetings framed by a clause", () => {
  it("reads the subjects of 'During a meeting ..., A and B expressed' as meeting each other", () => {
    const { facts } = factsOf(
      "During a meeting held in the capital, RTWU President Jan Kowalski and NMU General Secretary Maria Lopez expressed their views on the reform.",
    );
    expect(facts("MET_WITH", true)).toEqual(["Jan Kowalski -> Maria Lopez"]);
  });

  it("does not read 'the sides' of 'During the meeting, the sides ...' as the bodies named before", () => {
    const { facts } = factsOf(
      "The Ruritanian Dockers Union and the Borduria Port Workers Federation issued a joint statement on Monday. During the meeting, the sides exchanged views on wages.",
    );
    expect(facts("MET_WITH")).toEqual([]);
  });
});

describe("agreements signed by people named with their bodies", () => {
  it("reads every body of the people a document 'was signed by' as a party", () => {
    const { facts } = factsOf(
      "The document was signed by Maria Novak, Chairperson of the Ruritanian Association of Mediators and Ivan Horvat, the Chairman of the Ruritanian Trade Unions Confederation.",
    );
    expect(facts("SIGNED").map((f) => f.split(" -> ")[0])).toEqual([
      "Ruritanian Association of Mediators",
      "Ruritanian Trade Unions Confederation",
    ]);
  });
});

describe("acronyms written with a place", () => {
  it("keeps 'RDWU Canada' as a form of the body's name, the place as where it is", () => {
    const { x, facts } = factsOf("RDWU Canada National President Tom Baker attended the signing ceremony in Ottawa.");
    expect(x.entities.find((e) => e.name === "RDWU")?.aliases).toContain("RDWU Canada");
    expect(facts("HOLDS_POSITION")).toEqual(["Tom Baker -> RDWU"]);
  });
});

describe("agreements in an adverbial clause", () => {
  it("reads the main clause's subject as the signatory of 'by signing an agreement with Y', also 'ABCU Canada'", () => {
    const { facts } = factsOf(
      "RDWU Canada recently strengthened its relationship with migrant workers by signing a cooperation agreement with AGRU (Asociación de Guatemaltecos Unidos).",
    );
    expect(facts("SIGNED").map((f) => f.split(" -> ")[0])).toEqual(["AGRU", "RDWU"]);
  });

  it("reads 'A met with Y to sign an agreement' as an agreement of A's body and Y", () => {
    const { facts } = factsOf(
      "During the visit, RDWU President Tom Baker also met with the AGRU to sign a second agreement.",
    );
    expect(facts("SIGNED").map((f) => f.split(" -> ")[0])).toEqual(["AGRU", "RDWU"]);
  });
});

describe("names made of generic words", () => {
  it("keeps a capitalised name of generic words that no longer name in the document holds", () => {
    const { x } = factsOf(
      "The strike was backed by other federations such as the National Council of Trade Unions and the Ruritanian Dockers Union.",
    );
    expect(x.entities.filter((e) => e.type !== "Country").map((e) => e.name)).toContain(
      "National Council of Trade Unions",
    );
  });
});

describe("names ending in the lower-case words of the trade", () => {
  it("keeps 'workers' trade unions' on a name whose capitalised head came before", () => {
    const { x } = factsOf(
      "A virtual meeting between the RLF and the General Federation of Ruritania workers' trade unions took place on Monday.",
    );
    expect(x.entities.map((e) => e.name)).toContain("General Federation of Ruritania workers' trade unions");
  });
});

describe("one signed document", () => {
  it("holds every party of 'A and B have signed a Memorandum of Understanding with C and D'", () => {
    const { x } = factsOf(
      "The Ruritanian Dockers Union and the Employers Association have signed a Memorandum of Understanding (MoU) with the Finance Ministry and the Ministry of Labour.",
    );
    const events = x.entities.filter((e) => e.type === "Event");
    expect(events).toHaveLength(1);
    expect(x.relations.filter((r) => r.type === "SIGNED" && r.to === events[0]!.id)).toHaveLength(4);
  });
});

describe("misspelt names in one document", () => {
  it("reads a first name mistyped by one letter, with the same surname, as the same person", () => {
    const { x } = factsOf(
      "The meeting of Goran Velkovski with the minister was held on Monday. Later, Gozan Velkovski thanked the hosts of the Ruritanian Dockers Union.",
    );
    expect(x.entities.filter((e) => e.type === "Person")).toHaveLength(1);
  });
});
