import { describe, expect, it } from "vitest";
import { creditedOutlets } from "./credits.js";

describe("creditedOutlets", () => {
  it("reads the agency of a dateline, with a place in capitals or a place and a date", () => {
    expect([...creditedOutlets("BORDURIA CITY (Agency One) - The minister met the union.")]).toContain("agency one");
    expect([...creditedOutlets("Szohod, Mar 3 (Ruritania Press) The federation said ...")]).toContain(
      "ruritania press",
    );
  });

  it("reads source, photo and 'take from' credits", () => {
    const outlets = creditedOutlets("Text.\nSource: RPA\nA photo. (Photo: Dockside Daily)\n(Take from Radio Harbour)");
    expect([...outlets]).toEqual(expect.arrayContaining(["rpa", "dockside daily", "radio harbour", "harbour"]));
  });

  it("reads the outlet a sentence ends on", () => {
    expect([...creditedOutlets("The congress elected a president, Harbour Wire reports.")]).toContain("harbour wire");
    expect([...creditedOutlets("The unions signed, reported the Ruritanian News Channel.")]).toContain(
      "ruritanian news channel",
    );
    expect([...creditedOutlets("We will cooperate, he told Presswire.")]).toContain("presswire");
  });

  it("credits no one in plain reporting", () => {
    expect(creditedOutlets("Jane Doe (ABC) met John Roe, President of the XYZ, in Geneva on Monday.").size).toBe(0);
    expect(creditedOutlets("The ITUC General Secretary told the congress that unions must unite.").size).toBe(0);
  });
});
