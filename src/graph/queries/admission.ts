/**
 * Admission of one kind of expensive read: at most `limit` run at once in this process, the others wait for their
 * turn, first come first served, for at most a given time. Measured on the 100k graph (2 cores): 32 path searches
 * started at once share the processors, each holds its memory 16 times longer, and Neo4j stopped 40 % of them when
 * the memory it gives all transactions ran out. A few at a time do the same work without failing.
 */
import { DatabaseError } from "../../domain/errors.js";

/** A read that waited longer than allowed for its turn (see Admission). */
export class QueryBusyError extends DatabaseError {
  constructor(kind: string, limit: number, waitedMs: number) {
    super(
      `Too many ${kind} at once (the limit is ${limit}); this one waited ${waitedMs} ms for its turn and was given up.`,
      {
        input: kind,
        suggestion: "Retry in a moment; if it persists, ask a narrower question: fewer hops, a lower limit.",
      },
    );
  }
}

interface Waiter {
  admit(): void;
}

/** At most `limit` calls of run() at once; the rest queue (FIFO) and give up after maxWaitMs with QueryBusyError. */
export class Admission {
  private active = 0;
  private peak = 0;
  private readonly queue: Waiter[] = [];

  /**
   * @param kind what is admitted, in the plural ("path searches"), for the error message
   * @param limit how many run at once (an integer of at least 1)
   */
  constructor(
    readonly kind: string,
    readonly limit: number,
  ) {
    if (!Number.isInteger(limit) || limit < 1) {
      throw new RangeError(`Admission of ${kind}: the limit must be an integer of at least 1, got ${String(limit)}.`);
    }
  }

  /** The most calls that ran at once so far. */
  get peakActive(): number {
    return this.peak;
  }

  /** Calls waiting for their turn. */
  get waiting(): number {
    return this.queue.length;
  }

  /** Runs `work` when a place is free; waits at most maxWaitMs for it (no bound when undefined). */
  async run<T>(work: () => Promise<T>, maxWaitMs?: number): Promise<T> {
    await this.enter(maxWaitMs);
    try {
      return await work();
    } finally {
      this.leave();
    }
  }

  private enter(maxWaitMs: number | undefined): Promise<void> {
    if (this.active < this.limit) {
      this.take();
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const waiter: Waiter = {
        admit: () => {
          clearTimeout(timer);
          this.take();
          resolve();
        },
      };
      if (maxWaitMs !== undefined) {
        timer = setTimeout(() => {
          const index = this.queue.indexOf(waiter);
          if (index < 0) return; // admitted in the meantime
          this.queue.splice(index, 1);
          reject(new QueryBusyError(this.kind, this.limit, maxWaitMs));
        }, maxWaitMs);
      }
      this.queue.push(waiter);
    });
  }

  private take(): void {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
  }

  private leave(): void {
    this.active--;
    this.queue.shift()?.admit();
  }
}

/** Runs `work` through the admission when there is one, at once otherwise. */
export function admitted<T>(admission: Admission | undefined, work: () => Promise<T>, maxWaitMs?: number): Promise<T> {
  return admission === undefined ? work() : admission.run(work, maxWaitMs);
}
