import { describe, expect, it } from "vitest";
import { chooseName } from "./choose-name.js";

describe("chooseName", () => {
  it("takes the form most documents use, even when a typo was seen first", () => {
    const forms = new Map([
      ["Satybalda Dauletalin", 1],
      ["Satybaldy Dauletalin", 3],
    ]);
    expect(chooseName(forms)).toBe("Satybaldy Dauletalin");
  });

  it("never names a person by a form with a form of address, however often it is used", () => {
    const forms = new Map([
      ["Dr Jane Ortiz", 5],
      ["Jane Ortiz", 1],
    ]);
    expect(chooseName(forms)).toBe("Jane Ortiz");
    expect(chooseName(new Map([["Bro Redzuan", 2]]))).toBe("Bro Redzuan");
  });

  it("lets the alias file, then reference data, decide over the documents", () => {
    const forms = new Map([["Kazakhstan Trade Unions Federation", 9]]);
    expect(chooseName(forms, { aliasName: "FPRK official", referenceName: "Reference" })).toBe("FPRK official");
    expect(chooseName(forms, { referenceName: "Federation of Trade Unions of the Republic of Kazakhstan" })).toBe(
      "Federation of Trade Unions of the Republic of Kazakhstan",
    );
  });

  it("prefers a full form over an initial and never depends on the order forms were seen", () => {
    const a = new Map([
      ["S. Dauletalin", 2],
      ["Satybaldy Dauletalin", 2],
    ]);
    const b = new Map([...a].reverse());
    expect(chooseName(a)).toBe("Satybaldy Dauletalin");
    expect(chooseName(b)).toBe("Satybaldy Dauletalin");
  });

  it("keeps an organisation's acronym out of the name when a full name was seen", () => {
    expect(
      chooseName(
        new Map([
          ["FPRK", 5],
          ["Federation of Trade Unions of the Republic of Kazakhstan", 1],
        ]),
        {},
        true,
      ),
    ).toBe("Federation of Trade Unions of the Republic of Kazakhstan");
  });
});
