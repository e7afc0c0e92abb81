import { describe, expect, it } from "vitest";
import { findDate } from "./dates.js";

describe("findDate", () => {
  it("reads absolute dates in the forms news uses", () => {
    expect(findDate("It was formed on April 16, 1992.")?.date).toBe("1992-04-16");
    expect(findDate("On 5 May 2021 the sides met.")?.date).toBe("2021-05-05");
    expect(findDate("the assistance provided in May 2020 to residents")?.date).toBe("2020-05");
    expect(findDate("established in 1989 by the confederation")?.date).toBe("1989");
    expect(findDate("dated 2023-11-02")?.date).toBe("2023-11-02");
  });

  it("completes a day and month with the year of the reference date, and keeps it as text without one", () => {
    expect(findDate("On July 17, the chairmen met.", "2022-08-01")).toMatchObject({
      date: "2022-07-17",
      dateText: "July 17",
    });
    expect(findDate("On July 17, the chairmen met.")).toEqual({ dateText: "July 17", index: 3 });
  });

  it("resolves relative dates against the reference date and never invents one without it", () => {
    expect(findDate("Earlier, nine years ago, memoranda were signed.", "2023-10-30")).toMatchObject({
      date: "2014",
      dateText: "nine years ago",
    });
    expect(findDate("Earlier, nine years ago, memoranda were signed.")).toEqual({
      dateText: "nine years ago",
      index: 9,
    });
    expect(findDate("In the last days of October this year, a delegation visited.", "2023-11-05")).toMatchObject({
      date: "2023-10",
    });
    expect(findDate("In the last days of October this year, a delegation visited.")?.date).toBeUndefined();
    expect(findDate("He spoke three days ago.", "2023-10-05")).toMatchObject({ date: "2023-10-02" });
    expect(findDate("Last year the union grew.", "2023-10-05")).toMatchObject({ date: "2022" });
  });

  it("rejects impossible calendar dates", () => {
    expect(findDate("on February 30, 2021")?.date).toBeUndefined();
  });

  it("finds nothing in a sentence without a date", () => {
    expect(findDate("The parties discussed key areas of cooperation.")).toBeUndefined();
  });
});

describe("findDate: words relative to the day of writing", () => {
  it("resolves today and yesterday against the document's date, and drops them without one", () => {
    expect(findDate("Today the Jubilee Conference opened.", "2024-05-13")).toMatchObject({ date: "2024-05-13" });
    expect(findDate("Yesterday the sides met.", "2024-05-13")).toMatchObject({ date: "2024-05-12" });
    expect(findDate("Today the Jubilee Conference opened.")).toBeUndefined();
    expect(findDate("Today the Jubilee Conference opened.", "2024-05")).toBeUndefined();
    // a date further on in the sentence is still found
    expect(findDate("Today, as on 5 May 2021, the sides met.")).toMatchObject({ date: "2021-05-05" });
  });
});
