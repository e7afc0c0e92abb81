import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { watchFolderGrowth } from "./tx-log-watch.js";

describe("transaction-log watch", () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

  it("counts what was appended and added, not what older logs lost when pruned", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "lg-txlog-"));
    dirs.push(dir);
    mkdirSync(path.join(dir, "neo4j"));
    writeFileSync(path.join(dir, "neo4j", "neostore.transaction.db.0"), Buffer.alloc(5000));
    writeFileSync(path.join(dir, "neo4j", "neostore.transaction.db.1"), Buffer.alloc(1000));
    const watch = watchFolderGrowth(dir, 60_000);
    appendFileSync(path.join(dir, "neo4j", "neostore.transaction.db.1"), Buffer.alloc(300));
    writeFileSync(path.join(dir, "neo4j", "neostore.transaction.db.2"), Buffer.alloc(700));
    // a checkpoint prunes the oldest file: the folder is now smaller than at the start
    rmSync(path.join(dir, "neo4j", "neostore.transaction.db.0"));
    expect(watch.stop()).toBe(1000);
  });

  it("reports nothing for a folder that does not exist", () => {
    expect(watchFolderGrowth(path.join(os.tmpdir(), "lg-no-such-folder"), 60_000).stop()).toBe(0);
  });
});
