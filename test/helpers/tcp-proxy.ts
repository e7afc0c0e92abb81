/**
 * A TCP proxy in front of a server (the test database, an NLP server), so a test can cut it off and bring it back,
 * make it hang, or see that it was called.
 */
import net from "node:net";

/**
 * Forwards 127.0.0.1:<port> to a target; stop() drops every connection as a crashed database would, stall() keeps
 * them open and forwards nothing, as a hung one would.
 */
export class TcpProxy {
  private server: net.Server | undefined;
  /** the open connections, each until its client side closes (which destroys the other side) */
  private readonly pairs = new Set<{ client: net.Socket; upstream: net.Socket }>();
  private isStalled = false;
  port = 0;
  /** connections accepted so far (a client sends nothing without one) */
  connections = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  /** Starts listening (on the same port as before after a stop). */
  async start(): Promise<number> {
    const server = net.createServer((client) => {
      this.connections++;
      const upstream = net.connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) s.on("error", () => s.destroy());
      const pair = { client, upstream };
      this.pairs.add(pair);
      if (!this.isStalled) connect(pair);
      client.on("close", () => {
        this.pairs.delete(pair);
        upstream.destroy();
      });
      upstream.on("close", () => client.destroy());
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
    this.port = (server.address() as net.AddressInfo).port;
    return this.port;
  }

  /** Accepts connections but forwards nothing either way, until resume(). */
  stall(): void {
    this.isStalled = true;
    for (const { client, upstream } of this.pairs) {
      client.unpipe(upstream);
      upstream.unpipe(client);
      client.pause();
      upstream.pause();
    }
  }

  /** Forwards again what was held and what comes. */
  resume(): void {
    this.isStalled = false;
    for (const pair of this.pairs) connect(pair);
  }

  /** Refuses new connections and drops the open ones. */
  async stop(): Promise<void> {
    for (const { client, upstream } of this.pairs) {
      client.destroy();
      upstream.destroy();
    }
    this.pairs.clear();
    this.isStalled = false;
    const server = this.server;
    this.server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function connect({ client, upstream }: { client: net.Socket; upstream: net.Socket }): void {
  client.pipe(upstream);
  upstream.pipe(client);
}
