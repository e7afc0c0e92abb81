import { describe, expect, it } from "vitest";
import { loadDocumentFromBytes } from "../ingest/load-document.js";
import { extractDocument } from "./extract-document.js";
import { statusFromCues } from "./find-memberships.js";
import type { DocumentExtraction } from "./types.js";

function extract(text: string): DocumentExtraction {
  return extractDocument(loadDocumentFromBytes(new TextEncoder().encode(text), "inline.txt"));
}

/** MEMBER_OF relations as "member -> target status", by entity names. */
function memberships(text: string): string[] {
  const x = extract(text);
  const name = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
  return x.relations
    .filter((r) => r.type === "MEMBER_OF")
    .map((r) => `${name(r.from)} -> ${name(r.to)} ${String(r.properties.status)}`)
    .sort();
}

describe("findMemberships: phrasings news agencies use", () => {
  it("reads 'joined' as a membership and 'decided to join' as joining", () => {
    expect(
      memberships(
        "In 2019 the Confederation of Trade Unions of Armenia joined the International Trade Union Confederation.",
      ),
    ).toEqual(["Confederation of Trade Unions of Armenia -> International Trade Union Confederation member"]);
    expect(
      memberships(
        "The Council of the Federation of Trade Unions of Kyrgyzstan decided to join the General Confederation of Trade Unions.",
      ),
    ).toEqual(["Federation of Trade Unions of Kyrgyzstan -> General Confederation of Trade Unions joining"]);
  });

  it("reads 'was admitted to' and 'admitted X as a full member'", () => {
    expect(
      memberships(
        "The Federation of Trade Unions of Uzbekistan was admitted to the International Trade Union Confederation at its congress.",
      ),
    ).toEqual(["Federation of Trade Unions of Uzbekistan -> International Trade Union Confederation member"]);
    expect(
      memberships(
        "The General Council of the International Trade Union Confederation admitted the Federation of Trade Unions of Uzbekistan as a full member organisation.",
      ),
    ).toEqual(["Federation of Trade Unions of Uzbekistan -> International Trade Union Confederation member"]);
  });

  it("reads 'is an affiliate of', 'became a full member of' and 'a former member of'", () => {
    expect(
      memberships("The Confederation of Trade Unions of Armenia is an affiliate of the Pan-European Regional Council."),
    ).toEqual(["Confederation of Trade Unions of Armenia -> Pan-European Regional Council member"]);
    expect(
      memberships(
        "Last year the Federation of Trade Unions of Georgia became a full member of the European Trade Union Confederation.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> European Trade Union Confederation member"]);
    expect(
      memberships(
        "The Federation of Trade Unions of Georgia, a former member of the World Federation of Trade Unions, now works with it on projects.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> World Federation of Trade Unions former"]);
  });

  it("reads regained, applied-for and suspended memberships with the right direction", () => {
    expect(
      memberships(
        "After years of isolation, the Federation of Trade Unions of Georgia regained its membership in the International Trade Union Confederation.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> International Trade Union Confederation restored"]);
    expect(
      memberships(
        "The Federation of Trade Unions of Kazakhstan has applied for membership in the General Confederation of Trade Unions.",
      ),
    ).toEqual(["Federation of Trade Unions of Kazakhstan -> General Confederation of Trade Unions applied"]);
    expect(
      memberships(
        "The Federation of Trade Unions of Kazakhstan submitted an application to join the General Confederation of Trade Unions.",
      ),
    ).toEqual(["Federation of Trade Unions of Kazakhstan -> General Confederation of Trade Unions applied"]);
    expect(
      memberships(
        "The World Federation of Trade Unions suspended the membership of the Federation of Trade Unions of Georgia.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> World Federation of Trade Unions suspended"]);
    expect(
      memberships(
        "The Federation of Trade Unions of Georgia's membership in the World Federation of Trade Unions was suspended in 2020.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> World Federation of Trade Unions suspended"]);
  });

  it("reads a withdrawal as a former membership", () => {
    expect(
      memberships(
        "The Federation of Trade Unions of Georgia withdrew from the World Federation of Trade Unions in 2016.",
      ),
    ).toEqual(["Federation of Trade Unions of Georgia -> World Federation of Trade Unions former"]);
  });

  it("reads the members listed after 'member organisations of X include', 'among them' and 'are members of'", () => {
    expect(
      memberships(
        "The member organisations of the Federation of Trade Unions of Kazakhstan include the Trade Union of Railway Workers of Kazakhstan and the Kazakhstan Mining Workers' Union.",
      ),
    ).toEqual([
      "Kazakhstan Mining Workers' Union -> Federation of Trade Unions of Kazakhstan member",
      "Trade Union of Railway Workers of Kazakhstan -> Federation of Trade Unions of Kazakhstan member",
    ]);
    expect(
      memberships(
        "Today, the Federation of Trade Unions of Kazakhstan unites 20 branch unions, among them the Trade Union of Railway Workers of Kazakhstan and the Kazakhstan Oil and Gas Workers' Union.",
      ),
    ).toEqual([
      "Kazakhstan Oil and Gas Workers' Union -> Federation of Trade Unions of Kazakhstan member",
      "Trade Union of Railway Workers of Kazakhstan -> Federation of Trade Unions of Kazakhstan member",
    ]);
    expect(
      memberships(
        "The Trade Union of Railway Workers of Kazakhstan and the Kazakhstan Mining Workers' Union are members of the Federation of Trade Unions of Kazakhstan.",
      ),
    ).toEqual([
      "Kazakhstan Mining Workers' Union -> Federation of Trade Unions of Kazakhstan member",
      "Trade Union of Railway Workers of Kazakhstan -> Federation of Trade Unions of Kazakhstan member",
    ]);
  });

  it("states no membership for negations, meetings, welcomes and plain counts", () => {
    expect(
      memberships("The Federation of Trade Unions of Georgia is not a member of the World Federation of Trade Unions."),
    ).toEqual([]);
    expect(
      memberships(
        "The Federation of Trade Unions of Georgia welcomed the delegation of the World Federation of Trade Unions.",
      ),
    ).toEqual([]);
    expect(
      memberships(
        "The International Trade Union Confederation brings together 340 national trade union centres from 169 countries.",
      ),
    ).toEqual([]);
    expect(
      memberships(
        "The meeting was attended by members of the Federation of Trade Unions of Georgia and the World Federation of Trade Unions.",
      ),
    ).toEqual([]);
    expect(
      memberships(
        "The Federation of Trade Unions of Georgia has never applied for membership in the World Federation of Trade Unions.",
      ),
    ).toEqual([]);
  });

  it("takes the strongest status cue, wherever it stands", () => {
    expect(statusFromCues(["decided", "to", "restore"])).toBe("restored");
    expect(statusFromCues(["applied", "to"])).toBe("applied");
    expect(statusFromCues(["the", "session", "supported"])).toBeUndefined();
  });
});

describe("extractDocument: organisation names in news style", () => {
  it("keeps a plural possessive inside a name ('Mining Workers' Unions')", () => {
    const x = extract(
      "Arman Shukurov, General Secretary of the Nordic Alliance of Mining Workers' Unions (NAMWU), spoke.",
    );
    expect(x.entities.filter((e) => e.type !== "Person" && e.type !== "Country").map((e) => e.name)).toEqual([
      "Nordic Alliance of Mining Workers' Unions",
    ]);
  });

  it("ends an organisation's name before the person named after it", () => {
    const x = extract(
      "The talks continued between Deputy Chairman of the Belarus Confederation of Labour Kwame Haapanen and NAMWU President Gulnara Ospanova.",
    );
    const names = x.entities.map((e) => e.name);
    expect(names).toContain("Belarus Confederation of Labour");
    expect(names).toContain("Kwame Haapanen");
    expect(names.some((n) => n.includes("Labour Kwame"))).toBe(false);
  });

  it("keeps a country inside a name when union words follow it ('General Federation of Colombia Trade Unions')", () => {
    const x = extract(
      "The General Federation of Colombia Trade Unions signed a memorandum with the Federation of Trade Unions of Georgia.",
    );
    expect(x.entities.map((e) => e.name)).toContain("General Federation of Colombia Trade Unions");
  });

  it("reads 'the Council of the X' as a body of X, not as another organisation", () => {
    const x = extract("The Council of the Ireland Confederation of Labour met in Dublin.");
    expect(x.entities.filter((e) => e.type !== "Country").map((e) => e.name)).toEqual([
      "Ireland Confederation of Labour",
    ]);
  });

  it("does not give a person the role an earlier person holds in the same list", () => {
    const x = extract(
      "On April 5, a meeting between Henrik Raghunathan, Deputy Chairman of the Confederation of Trade Unions of Korea, and PACTWU Chairman Aibek Morikawa took place.",
    );
    const name = (id: string) => x.entities.find((e) => e.id === id)?.name ?? id;
    const positions = x.relations
      .filter((r) => r.type === "HOLDS_POSITION")
      .map((r) => `${name(r.from)} ${String(r.properties.role)}`);
    expect(positions.sort()).toEqual(["Aibek Morikawa Chairman", "Henrik Raghunathan Deputy Chairman"]);
  });
});
