import { describe, expect, it } from "vitest";
import { editDistance } from "../../text/edit-distance.js";
import { foldName } from "../../text/fold.js";
import { transliterationKey } from "../../text/transliterate.js";
import { buildFulltextQuery, escapeLucene } from "./lucene.js";
import { matchLevel } from "./resolve-entity.js";

describe("name keys", () => {
  it("folds case, accents and punctuation", () => {
    expect(foldName("  Kemal ÖZKAN ")).toBe("kemal ozkan");
    expect(foldName("Satybaldı Dauletalin")).toBe("satybaldi dauletalin");
    expect(foldName("R. Saito")).toBe("r saito");
  });

  it("gives transliteration variants the same key", () => {
    expect(transliterationKey("Satibaldi Dauletalin")).toBe(transliterationKey("Satybaldy Dauletalin"));
    expect(transliterationKey("Mokhbaliyev")).toBe(transliterationKey("Mohbaliev"));
    expect(transliterationKey("Yoshino")).not.toBe(transliterationKey("Yoshida"));
  });

  it("bounds the edit distance", () => {
    expect(editDistance("dauletalin", "dauletallin")).toBe(1);
    expect(editDistance("abc", "xyzxyz", 2)).toBe(3);
  });

  it("ranks an exact alias above a transliteration above a partial name", () => {
    const forms = ["Satybaldy Dauletalin", "Satibaldi Dauletalin"];
    expect(matchLevel("satibaldi dauletalin", forms)).toBe(1);
    expect(matchLevel("Satybaldi Dauletalyn", forms)).toBe(2);
    expect(matchLevel("Dauletalin", forms)).toBe(3);
    expect(matchLevel("Dauletallin", forms)).toBe(3); // doubled letters are a transliteration variant
    expect(matchLevel("Dauletalim", forms)).toBe(4);
    expect(matchLevel("Rafikov", forms)).toBeUndefined();
  });
});

describe("full-text queries", () => {
  it("escapes every Lucene special character", () => {
    expect(escapeLucene('a+b-c&&d||e!(f){g}[h]^"i"~j*k?l:m\\n/o')).toBe(
      'a\\+b\\-c\\&\\&d\\|\\|e\\!\\(f\\)\\{g\\}\\[h\\]\\^\\"i\\"\\~j\\*k\\?l\\:m\\\\n\\/o',
    );
  });

  it("turns text into words with a typo budget and no query syntax", () => {
    expect(buildFulltextQuery('name:"Dauletalin" OR *:*')).toBe(
      '(name^2 OR name~1) (dauletalin^2 OR dauletalin~2) "or"^2',
    );
    expect(buildFulltextQuery("FTUU")).toBe("(ftuu^2 OR ftuu~1)");
    expect(buildFulltextQuery("*** ()")).toBeUndefined();
  });
});
