/**
 * A minimal GraphQL-over-HTTP client for the benchmark and the load script: node:http with a keep-alive agent, the
 * lightest client Node has (global fetch costs the client process about 1.5 ms of CPU per request, which on a shared
 * 2-core machine is taken from the server being measured).
 */
import http from "node:http";

/** A GraphQL response that carried errors, or an HTTP status other than 200. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

function post(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: "POST",
        agent,
        headers: {
          "content-type": "application/json",
          accept: "application/json",
          "content-length": Buffer.byteLength(body),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString("utf8") }),
        );
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

/** POSTs a query; resolves with `data`, rejects on HTTP errors and on GraphQL errors. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const { status, text } = await post(url, JSON.stringify({ query, variables }));
  if (status !== 200) throw new GraphQLRequestError(`HTTP ${status}: ${text.slice(0, 200)}`, status);
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphQLRequestError(
      `GraphQL error: ${body.errors
        .map((e) => e.message)
        .join("; ")
        .slice(0, 200)}`,
      status,
    );
  }
  return body.data;
}
