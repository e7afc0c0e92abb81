/** A TCP port on 127.0.0.1 that nothing listens on (it was free a moment ago), for "server down" tests. */
import { createServer } from "node:net";

/** A port nothing listens on. */
export async function closedPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}
