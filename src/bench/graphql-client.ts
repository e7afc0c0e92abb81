/** A minimal GraphQL-over-HTTP client for the benchmark and the load script (global fetch, keep-alive). */

/** A GraphQL response that carried errors, or an HTTP status other than 200. */
export class GraphQLRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** POSTs a query; resolves with `data`, rejects on HTTP errors and on GraphQL errors. */
export async function postGraphQL(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new GraphQLRequestError(`HTTP ${response.status}: ${text.slice(0, 200)}`, response.status);
  const body = JSON.parse(text) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors !== undefined && body.errors.length > 0) {
    throw new GraphQLRequestError(
      `GraphQL error: ${body.errors
        .map((e) => e.message)
        .join("; ")
        .slice(0, 200)}`,
      response.status,
    );
  }
  return body.data;
}
