/** Tracks whether the database answers, so the server can answer 503 fast and recover by itself. */
import type { Driver } from "neo4j-driver";

/**
 * Database reachability, checked at most once per interval. A check that fails (refused, closed, not authorised) says
 * unreachable. A check that times out says so only when the database has not answered any request since the last
 * check: a database busy with heavy queries (32 path searches at once on 2 cores) may take longer than the check's
 * timeout to greet a connection, yet it answers, and its clients must hear that it is busy (each query's own error),
 * not that it is gone.
 */
export class DatabaseHealth {
  private lastCheck = 0;
  private lastResult = true;
  /** whether a request was answered by the database since the last check ended */
  private hasAnswered = false;
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly driver: Pick<Driver, "getServerInfo">,
    private readonly database: string,
    private readonly options: { intervalMs?: number; timeoutMs?: number } = {},
  ) {}

  /**
   * Whether the database answered recently. When the last answer is older than the interval it is checked again:
   * in the background while the database was reachable (a request does not wait for the check: if the database has
   * gone, the request's own query fails and markUnreachable says so), awaited while it was not (or when forced), so
   * that the first request after the database is back is served.
   */
  async isReachable(force = false): Promise<boolean> {
    const interval = this.options.intervalMs ?? 1000;
    if (!force && Date.now() - this.lastCheck < interval) return this.lastResult;
    this.pending ??= this.probe().finally(() => {
      this.pending = undefined;
    });
    return force || !this.lastResult ? this.pending : this.lastResult;
  }

  /** Records that a request just failed because the database is unreachable. */
  markUnreachable(): void {
    this.lastResult = false;
    this.lastCheck = Date.now();
  }

  /** Records that the database just answered a request (with data, or with an error of its own). */
  markAnswered(): void {
    this.hasAnswered = true;
  }

  private async probe(): Promise<boolean> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    try {
      const outcome = await Promise.race([
        this.driver.getServerInfo({ database: this.database }).then(() => "answered" as const),
        new Promise<"timed out">((resolve) => {
          timer = setTimeout(() => resolve("timed out"), timeoutMs);
        }),
      ]);
      this.lastResult = outcome === "answered" || (this.lastResult && this.hasAnswered);
    } catch {
      this.lastResult = false;
    } finally {
      clearTimeout(timer);
      this.lastCheck = Date.now();
      this.hasAnswered = false;
    }
    return this.lastResult;
  }
}
