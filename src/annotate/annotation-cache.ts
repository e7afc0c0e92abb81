/**
 * AnnotationCache: annotated documents on disk, keyed by the annotator's id and the exact text annotated, so an
 * unchanged document is never annotated twice (gzip JSON, one file per key, written atomically).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { annotatedDocumentSchema, type AnnotatedDocument } from "../domain/annotation.js";

/** The cache key of a text annotated by an annotator. */
export function annotationKey(annotatorId: string, text: string): string {
  return createHash("sha256").update(annotatorId).update("\0").update(text).digest("hex").slice(0, 32);
}

/** A folder of cached annotations. */
export class AnnotationCache {
  constructor(readonly dir: string) {}

  private file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.json.gz`);
  }

  /** The cached annotation, or undefined (also when the file is unreadable or of another shape). */
  get(key: string): AnnotatedDocument | undefined {
    try {
      const parsed = annotatedDocumentSchema.safeParse(
        JSON.parse(gunzipSync(readFileSync(this.file(key))).toString("utf8")),
      );
      return parsed.success ? parsed.data : undefined;
    } catch {
      return undefined;
    }
  }

  /** Stores an annotation; a failure to write only costs a later re-annotation. */
  put(key: string, annotated: AnnotatedDocument): void {
    const file = this.file(key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, gzipSync(JSON.stringify(annotated)));
      renameSync(tmp, file);
    } catch {
      // the cache is an optimisation
    }
  }
}
