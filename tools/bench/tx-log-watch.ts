/**
 * Watches the size of a managed Neo4j's transaction-log folder while something runs: the peak growth over the
 * size at the start is what that work added to the log before a checkpoint could prune it.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** Sum of the file sizes in a folder (0 when it does not exist). */
export function folderBytes(dir: string): number {
  let total = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    try {
      const stat = statSync(path.join(dir, name));
      total += stat.isDirectory() ? folderBytes(path.join(dir, name)) : stat.size;
    } catch {
      // a log file pruned between the listing and the stat
    }
  }
  return total;
}

/** The transaction-log folder of one database of a managed Neo4j home. */
export function txLogFolder(home: string, database: string): string {
  return path.join(home, "data", "transactions", database);
}

/** Samples the folder every `everyMs` until stopped; stop() returns the peak growth in bytes. */
export function watchFolderGrowth(dir: string, everyMs = 500): { stop(): number } {
  const start = folderBytes(dir);
  let peak = start;
  const sample = () => {
    peak = Math.max(peak, folderBytes(dir));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return Math.max(0, peak - start);
    },
  };
}
