/**
 * Watches a managed Neo4j's transaction-log folder while something runs: the peak of what that work added to the
 * log and is still on disk (each file's bytes beyond its size at the start; files pruned at a checkpoint no longer
 * count). Logs of earlier work that a checkpoint prunes meanwhile do not offset the figure, as they would if the
 * folder's total size were compared with its size at the start.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/** The size of every file under a folder, by path (none when it does not exist). */
function fileSizes(dir: string, into = new Map<string, number>()): Map<string, number> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return into;
  }
  for (const name of names) {
    const full = path.join(dir, name);
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) fileSizes(full, into);
      else into.set(full, stat.size);
    } catch {
      // a log file pruned between the listing and the stat
    }
  }
  return into;
}

/** Bytes the files under a folder have now beyond their sizes in `start` (a new file counts whole). */
function bytesAdded(start: ReadonlyMap<string, number>, now: ReadonlyMap<string, number>): number {
  let added = 0;
  for (const [file, size] of now) added += Math.max(0, size - (start.get(file) ?? 0));
  return added;
}

/** The transaction-log folder of one database of a managed Neo4j home. */
export function txLogFolder(home: string, database: string): string {
  return path.join(home, "data", "transactions", database);
}

/** Samples the folder every `everyMs` until stopped; stop() returns the peak of the bytes added (see above). */
export function watchFolderGrowth(dir: string, everyMs = 500): { stop(): number } {
  const start = fileSizes(dir);
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, bytesAdded(start, fileSizes(dir)));
  };
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return peak;
    },
  };
}
