import { describe, expect, it } from "vitest";
import { extractionSchema, type Relation } from "../domain/model.js";
import { loadDocumentFromBytes } from "../ingest/load-document.js";
import { extractDocument } from "./extract-document.js";
import type { DocumentExtraction } from "./types.js";

function extract(text: string, referenceDate?: string): DocumentExtraction {
  const doc = loadDocumentFromBytes(new TextEncoder().encode(text), "inline.txt");
  return extractDocument(doc, referenceDate === undefined ? {} : { referenceDate });
}

function nameOf(x: DocumentExtraction, id: string): string {
  return x.entities.find((e) => e.id === id)?.name ?? id;
}

/** Relations as "TYPE from -> to {props}" with entity names, MENTIONED_IN left out. */
function describeRelations(x: DocumentExtraction, type?: string): string[] {
  return x.relations
    .filter((r) => r.type !== "MENTIONED_IN" && (type === undefined || r.type === type))
    .map((r: Relation) => {
      const props = Object.entries(r.properties)
        .filter(([k]) => k === "role" || k === "status")
        .map(([k, v]) => `${k}=${String(v)}`)
        .join(" ");
      return `${r.type} ${nameOf(x, r.from)} -> ${nameOf(x, r.to)}${props ? ` ${props}` : ""}`;
    });
}

describe("extractDocument: entities", () => {
  it("links an acronym defined in parentheses, and one spelling a name's initials, to the full name", () => {
    const x = extract(
      "The Federation of Trade Unions of the Republic of Moldova (FTUM) held a forum. The FTUM and the FTURM agreed.",
    );
    const org = x.entities.find((e) => e.name === "Federation of Trade Unions of the Republic of Moldova")!;
    expect(org.type).toBe("Union");
    expect(org.aliases).toEqual(expect.arrayContaining(["FTUM", "FTURM"]));
    expect(x.entities.filter((e) => e.type !== "Country" && e.type !== "Person")).toHaveLength(1);
  });

  it("reads several acronyms in one parenthesis and possessive acronyms", () => {
    const x = extract(
      "Tomoko Yoshino, President of the Japanese Trade Union Confederation (RENGO, JTUC), spoke. RENGO’s staff agreed.",
    );
    const org = x.entities.find((e) => e.name === "Japanese Trade Union Confederation")!;
    expect(org.aliases).toEqual(expect.arrayContaining(["RENGO", "JTUC"]));
    expect(x.entities.some((e) => e.name === "RENGO")).toBe(false);
  });

  it("resolves a short form to the organisation just named, and leaves it out when two fit", () => {
    const one = extract(
      "Chairman of the Federation of Trade Unions of Georgia Irakli Petriashvili said the Federation of Trade Unions grows.",
    );
    expect(one.entities.find((e) => e.name === "Federation of Trade Unions of Georgia")!.aliases).toContain(
      "Federation of Trade Unions",
    );
    const two = extract(
      "The Federation of Trade Unions of Georgia and the Federation of Trade Unions of Armenia met. The Federation of Trade Unions is strong.",
    );
    expect(two.entities.some((e) => e.aliases.includes("Federation of Trade Unions"))).toBe(false);
    expect(two.diagnostics.map((d) => d.code)).toContain("UNRESOLVED_SHORT_FORM");
  });

  it("finds people only where a person is meant: roles, speech verbs, honorifics", () => {
    const x = extract(
      "“We are ready,” said Aigerim Bekova. The New Social Contract was adopted. Mr. Ivan Petrov arrived. The Social Contract noted nothing.",
    );
    const people = x.entities.filter((e) => e.type === "Person").map((e) => e.name);
    expect(people.sort()).toEqual(["Aigerim Bekova", "Ivan Petrov"]);
  });

  it("keeps an undefined acronym only where only an organisation fits", () => {
    const x = extract("Delegates discussed BRICS unions. The WXYZ welcomed the decision.");
    expect(x.entities.map((e) => e.name)).toContain("WXYZ");
    expect(x.entities.map((e) => e.name)).not.toContain("BRICS");
  });

  it("finds countries by name and places organisations in the country their name gives", () => {
    const x = extract("The Confederation of Trade Unions of Armenia met unions from Georgia.");
    expect(describeRelations(x, "LOCATED_IN")).toEqual([
      "LOCATED_IN Confederation of Trade Unions of Armenia -> Armenia",
    ]);
    expect(
      x.entities
        .filter((e) => e.type === "Country")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Armenia", "Georgia"]);
  });

  it("records numbers stated plainly as properties of the organisation", () => {
    const x = extract(
      "The ITUC brings together 332 national trade union centres from 163 countries, with a total membership of over 200 million members. The Federation of Trade Unions of Uzbekistan is uniting 6 million workers.",
    );
    expect(x.entities.find((e) => e.name === "ITUC")!.properties).toMatchObject({
      affiliates: 332,
      countries: 163,
      members: 200_000_000,
    });
    expect(x.entities.find((e) => e.name === "Federation of Trade Unions of Uzbekistan")!.properties).toMatchObject({
      members: 6_000_000,
    });
  });

  it("is a valid Extraction whose relations all carry verbatim evidence, MENTIONED_IN included", () => {
    const text =
      "On July 17, Chairman of the Azerbaijan Trade Unions Confederation Sattar Mohbaliyev met with Luca Visentini.";
    const x = extract(text);
    expect(() => extractionSchema.parse(x)).not.toThrow();
    for (const r of x.relations) for (const e of r.evidence) expect(text.slice(e.start, e.end)).toBe(e.sentence);
    const mentioned = x.relations.filter((r) => r.type === "MENTIONED_IN").map((r) => r.from);
    expect(new Set(mentioned)).toEqual(new Set(x.entities.map((e) => e.id)));
  });
});

describe("extractDocument: positions", () => {
  it("reads ROLE of ORG Person, ORG ROLE Person and Person, ROLE of ORG", () => {
    const x = extract(
      "Chairman of the Federation of Trade Unions of Georgia Irakli Petriashvili spoke. ITUC General Secretary Luc Triangle listened. Eva Novak, President of the Czech-Moravian Confederation of Trade Unions, agreed.",
    );
    expect(describeRelations(x, "HOLDS_POSITION").sort()).toEqual([
      "HOLDS_POSITION Eva Novak -> Czech-Moravian Confederation of Trade Unions role=President",
      "HOLDS_POSITION Irakli Petriashvili -> Federation of Trade Unions of Georgia role=Chairman",
      "HOLDS_POSITION Luc Triangle -> ITUC role=General Secretary",
    ]);
  });

  it("reads chains of roles before a name", () => {
    const x = extract(
      "The Vice-President of the Pan-European Regional Council of the ITUC, Chairman of the Federation of Trade Unions of Moldova Igor Zubcu spoke.",
    );
    expect(describeRelations(x, "HOLDS_POSITION").sort()).toEqual([
      "HOLDS_POSITION Igor Zubcu -> Federation of Trade Unions of Moldova role=Chairman",
      "HOLDS_POSITION Igor Zubcu -> Pan-European Regional Council of the ITUC role=Vice-President",
    ]);
  });

  it("takes the delegation's organisation for 'headed by Chairman X'", () => {
    const x = extract(
      "A delegation of the Federation of Trade Unions of Uzbekistan (FTUU) headed by Chairman Kudratulla Rafikov visited Astana.",
    );
    expect(describeRelations(x, "HOLDS_POSITION")).toEqual([
      "HOLDS_POSITION Kudratulla Rafikov -> Federation of Trade Unions of Uzbekistan role=Chairman",
    ]);
  });
});

describe("extractDocument: meetings", () => {
  it("reads 'A met with B' with one meeting event, its date and participants", () => {
    const x = extract(
      "On 3 May 2021, Chairman of the Federation of Trade Unions of Georgia Irakli Petriashvili met with Luc Triangle.",
    );
    expect(describeRelations(x, "MET_WITH")).toEqual(["MET_WITH Irakli Petriashvili -> Luc Triangle"]);
    const meeting = x.entities.find((e) => e.type === "Event")!;
    expect(meeting.properties).toMatchObject({ kind: "meeting", date: "2021-05-03" });
    expect(x.relations.find((r) => r.type === "MET_WITH")!.properties).toMatchObject({
      eventId: meeting.id,
      date: "2021-05-03",
    });
    expect(describeRelations(x, "PARTICIPATED_IN").sort()).toHaveLength(2);
  });

  it("reads 'a meeting between A and B'", () => {
    const x = extract(
      "The issues were discussed at a meeting between ITUC General Secretary Luc Triangle and Chairman of the FTUU Kudratulla Rafikov.",
    );
    expect(describeRelations(x, "MET_WITH")).toEqual(["MET_WITH Kudratulla Rafikov -> Luc Triangle"]);
  });

  it("reads 'the meeting of A with colleagues – B, … and C' as A meeting B and A meeting C", () => {
    const x = extract(
      "The meeting of the Chairman of the FTUK, Almaz Sultanov, with Japanese colleagues – Tomoko Yoshino, President of RENGO, and Ryo Saito, Director of RENGO’s International Department took place.",
    );
    expect(describeRelations(x, "MET_WITH").sort()).toEqual([
      "MET_WITH Almaz Sultanov -> Ryo Saito",
      "MET_WITH Almaz Sultanov -> Tomoko Yoshino",
    ]);
    expect(x.entities.filter((e) => e.type === "Event")).toHaveLength(1);
  });

  it("counts 'A informed B' as meeting only inside a meeting context, and adds it to that meeting", () => {
    const inMeeting = extract(
      "Luc Triangle met with Irakli Petriashvili. Irakli Petriashvili informed Luc Triangle about the strike.",
    );
    const met = inMeeting.relations.filter((r) => r.type === "MET_WITH");
    expect(met).toHaveLength(1);
    expect(met[0]!.evidence).toHaveLength(2);
    const outside = extract("Irakli Petriashvili informed Luc Triangle about the strike by letter, said Luc Triangle.");
    expect(describeRelations(outside, "MET_WITH")).toEqual([]);
  });

  it("does not record meetings that are only planned", () => {
    const x = extract(
      "Luc Triangle will meet with Irakli Petriashvili. A meeting between Luc Triangle and Irakli Petriashvili is planned for May.",
    );
    expect(describeRelations(x, "MET_WITH")).toEqual([]);
  });
});

describe("extractDocument: agreements, memberships and participation", () => {
  it("makes every signatory sign the same agreement event", () => {
    const x = extract(
      "The Heads of the FTUU and the FTUK signed an Agreement on cooperation between the Federation of Trade Unions of Uzbekistan (FTUU) and the Federation of Trade Unions of Kyrgyzstan (FTUK).",
    );
    const signed = x.relations.filter((r) => r.type === "SIGNED");
    expect(signed).toHaveLength(2);
    expect(new Set(signed.map((r) => r.to)).size).toBe(1);
    const event = x.entities.find((e) => e.id === signed[0]!.to)!;
    expect(event.properties).toMatchObject({ kind: "agreement", title: "Agreement on cooperation" });
  });

  it("reads memoranda signed between two organisations, keeping a relative date as text", () => {
    const x = extract(
      "Nine years ago, memoranda of cooperation were signed between the Federation of Trade Unions of Georgia and the Federation of Trade Unions of Armenia.",
    );
    const event = x.entities.find((e) => e.type === "Event")!;
    expect(event.properties).toMatchObject({ kind: "memorandum", dateText: "Nine years ago" });
    expect(event.properties.date).toBeUndefined();
    expect(describeRelations(x, "SIGNED")).toHaveLength(2);
  });

  it("reads restored, applied, joining and plain memberships", () => {
    const x = extract(
      "The ATUC supported restoring the FTUG’s membership in the International Trade Union Confederation. " +
        "The Federation of Trade Unions of Kyrgyzstan (FTUK) took a decision to join the General Confederation of Trade Unions. " +
        "The Confederation of Trade Unions of Armenia is a member of the Pan-European Regional Council.",
    );
    expect(describeRelations(x, "MEMBER_OF").sort()).toEqual([
      "MEMBER_OF Confederation of Trade Unions of Armenia -> Pan-European Regional Council status=member",
      "MEMBER_OF FTUG -> International Trade Union Confederation status=restored",
      "MEMBER_OF Federation of Trade Unions of Kyrgyzstan -> General Confederation of Trade Unions status=joining",
    ]);
  });

  it("reads 'X is considering membership of Y' and 'Y has been requested to join'", () => {
    const x = extract(
      "The Federation of Trade Unions of Kyrgyzstan (FTUK) is considering membership of the General Confederation of Trade Unions. The General Confederation of Trade Unions has been requested to join.",
    );
    const rel = x.relations.find((r) => r.type === "MEMBER_OF")!;
    expect(nameOf(x, rel.from)).toBe("Federation of Trade Unions of Kyrgyzstan");
    expect(["applied", "joining"]).toContain(rel.properties.status);
    expect(rel.evidence).toHaveLength(2);
  });

  it("reads participation of a delegation and its leader in a session and a visit, with the place", () => {
    const x = extract(
      "The working visit of the delegation of the Federation of Trade Unions of Georgia, led by Chairman Irakli Petriashvili, to Geneva continued with participation in the session of the ILO Governing Body.",
    );
    const events = x.entities.filter((e) => e.type === "Event");
    expect(events.map((e) => e.properties.kind).sort()).toEqual(["session", "visit"]);
    for (const e of events) expect(e.properties.place).toBe("Geneva");
    expect(describeRelations(x, "PARTICIPATED_IN")).toHaveLength(4);
    expect(describeRelations(x, "LOCATED_IN")).toContain(`LOCATED_IN ${events[0]!.name} -> Switzerland`);
  });
});

describe("extractDocument: people's lists", () => {
  it("stops a list of people at a relative clause, so a meeting pairs only the people who met", () => {
    const x = extract(
      "Chairman of the FTUU Kudratulla Rafikov, who was thanked by Ivan Petrov, met with ILO Director-General Gilbert F. Houngbo and ITUC General Secretary Luc Triangle.",
    );
    expect(describeRelations(x, "MET_WITH").sort()).toEqual([
      "MET_WITH Gilbert F. Houngbo -> Kudratulla Rafikov",
      "MET_WITH Kudratulla Rafikov -> Luc Triangle",
    ]);
    expect(describeRelations(x, "HOLDS_POSITION")).toContain(
      "HOLDS_POSITION Gilbert F. Houngbo -> ILO role=Director General",
    );
  });

  it("does not take organisations named like people for people", () => {
    const x = extract("Human Rights Watch said the law is harsh. Amnesty International noted the same.");
    expect(x.entities.filter((e) => e.type === "Person")).toEqual([]);
  });
});

describe("extractDocument: more ways to sign", () => {
  it("reads 'A signed a memorandum with B' and adds the people who signed it in the next sentence", () => {
    const x = extract(
      "The Federation of Trade Unions of Kyrgyzstan (FTUK) signed a memorandum of cooperation with the Federation of Independent Trade Unions of Tajikistan (FITUT). The document was signed by Chairman of the FTUK Almaz Sultanov and FITUT Chairman Saidzoda Sabohat.",
    );
    const signed = x.relations.filter((r) => r.type === "SIGNED");
    expect(new Set(signed.map((r) => r.to)).size).toBe(1);
    expect(signed.map((r) => nameOf(x, r.from)).sort()).toEqual([
      "Almaz Sultanov",
      "Federation of Independent Trade Unions of Tajikistan",
      "Federation of Trade Unions of Kyrgyzstan",
      "Saidzoda Sabohat",
    ]);
  });

  it("does not record an agreement that is yet to be signed", () => {
    const x = extract(
      "A memorandum between the FTUK and the FITUT is to be signed in Tashkent. The FTUK and the FITUT will sign an agreement.",
    );
    expect(describeRelations(x, "SIGNED")).toEqual([]);
  });
});

describe("extractDocument: delegations", () => {
  it("lets organisations meet when only their delegations are named", () => {
    const x = extract(
      "The delegation of the Federation of Trade Unions of Georgia met with the delegation of the Confederation of Trade Unions of Armenia in Tbilisi.",
    );
    expect(describeRelations(x, "MET_WITH")).toEqual([
      "MET_WITH Confederation of Trade Unions of Armenia -> Federation of Trade Unions of Georgia",
    ]);
  });

  it("does not let organisations meet when their people are named", () => {
    const x = extract(
      "The delegation of the Federation of Trade Unions of Georgia led by Chairman Irakli Petriashvili met with the delegation of the Confederation of Trade Unions of Armenia.",
    );
    expect(describeRelations(x, "MET_WITH").filter((r) => r.includes("Armenia -> Federation"))).toEqual([]);
  });
});

describe("extractDocument: names and headlines", () => {
  it("keeps name particles inside a person's name", () => {
    const x = extract(
      "ILO Director Maria Helena dos Santos met with Jean-Luc de la Cruz, President of the Confederation of Trade Unions of Haiti.",
    );
    expect(
      x.entities
        .filter((e) => e.type === "Person")
        .map((e) => e.name)
        .sort(),
    ).toEqual(["Jean-Luc de la Cruz", "Maria Helena dos Santos"]);
  });

  it("takes no organisations from the words of a headline in capitals", () => {
    const x = extract("UNIONS SIGN NEW AGREEMENT IN ASTANA\n\nThe text follows.");
    expect(x.entities.filter((e) => e.type !== "Country")).toEqual([]);
  });
});

describe("extractDocument: people named after their role", () => {
  it("finds a person named after 'the Head of the … delegation,'", () => {
    const x = extract("Rafikov thanked the Head of the Kyrgyz delegation, Mirlan Baigonchokov, for the support.");
    expect(x.entities.filter((e) => e.type === "Person").map((e) => e.name)).toEqual(["Mirlan Baigonchokov"]);
  });

  it("finds a person after a role with a long capitalised 'of' phrase, without inventing a position", () => {
    const x = extract(
      "The Minister of Labour and Social Protection of the Population of Kazakhstan Svetlana Zhakupova also attended.",
    );
    expect(x.entities.filter((e) => e.type === "Person").map((e) => e.name)).toEqual(["Svetlana Zhakupova"]);
    expect(describeRelations(x, "HOLDS_POSITION")).toEqual([]);
  });
});
