/** Tracks whether the database answers, so the server can answer 503 fast and recover by itself. */
import type { Driver } from "neo4j-driver";

/** Database reachability, checked at most once per interval. */
export class DatabaseHealth {
  private lastCheck = 0;
  private lastResult = true;
  private pending: Promise<boolean> | undefined;

  constructor(
    private readonly driver: Driver,
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

  private async probe(): Promise<boolean> {
    const timeoutMs = this.options.timeoutMs ?? 3000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.driver.getServerInfo({ database: this.database }),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new Error("health check timed out")), timeoutMs);
        }),
      ]);
      this.lastResult = true;
    } catch {
      this.lastResult = false;
    } finally {
      clearTimeout(timer);
      this.lastCheck = Date.now();
    }
    return this.lastResult;
  }
}
