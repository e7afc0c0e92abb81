/**
 * Loads the evidence of edges on demand, batched per request: every `evidence` field asked in one tick of the
 * event loop is answered by one read (the DataLoader pattern, without the dependency).
 */
import type { EvidenceRef } from "../domain/views.js";
import { MAX_EVIDENCE_KEYS, getEdgeEvidence, type QueryContext } from "../graph/queries/index.js";

/** Resolves the evidence of one edge key; calls made together share one read. */
export type EvidenceLoader = (key: string) => Promise<EvidenceRef[]>;

/** A loader for one request. */
export function createEvidenceLoader(ctx: QueryContext): EvidenceLoader {
  let pending: Map<string, ((refs: EvidenceRef[]) => void)[]> | undefined;
  let failures: ((error: unknown) => void)[] = [];
  const flush = async (batch: Map<string, ((refs: EvidenceRef[]) => void)[]>, fail: ((e: unknown) => void)[]) => {
    try {
      const keys = [...batch.keys()];
      const found = new Map<string, EvidenceRef[]>();
      for (let i = 0; i < keys.length; i += MAX_EVIDENCE_KEYS)
        for (const [k, v] of await getEdgeEvidence(ctx, keys.slice(i, i + MAX_EVIDENCE_KEYS))) found.set(k, v);
      for (const [key, waiting] of batch) for (const resolve of waiting) resolve(found.get(key) ?? []);
    } catch (error) {
      for (const reject of fail) reject(error);
    }
  };
  return (key) =>
    new Promise<EvidenceRef[]>((resolve, reject) => {
      if (pending === undefined) {
        const batch = new Map<string, ((refs: EvidenceRef[]) => void)[]>();
        const fail: ((e: unknown) => void)[] = [];
        pending = batch;
        failures = fail;
        setImmediate(() => {
          pending = undefined;
          void flush(batch, fail);
        });
      }
      pending.set(key, [...(pending.get(key) ?? []), resolve]);
      failures.push(reject);
    });
}
