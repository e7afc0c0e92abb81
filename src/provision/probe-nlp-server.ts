/** Health of a CoreNLP server: its /ready endpoint, then one tiny real annotation through the project's pipeline. */
import { CORENLP_PIPELINE } from "../annotate/corenlp-pipeline.js";

/** The sentence of the probe: a person, an organisation and a place, so NER and the parse all have work. */
export const PROBE_TEXT = "Sharan Burrow met the delegation of the International Labour Organization in Geneva.";

/** The base URL without a trailing slash, so endpoint paths can be appended. */
export function trimUrl(url: string): string {
  return url.replace(/\/+$/, "");
}

/** True when the server's /ready endpoint says its models are loaded (CoreNLP answers 503 while it loads them). */
export async function isNlpServerReady(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const response = await fetch(`${trimUrl(url)}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
    return response.ok;
  } catch {
    return false;
  }
}

/** The URL of an annotation request with the project's pipeline and JSON output. */
export function annotationUrl(url: string): string {
  const properties = JSON.stringify({ ...CORENLP_PIPELINE, outputFormat: "json" });
  return `${trimUrl(url)}/?properties=${encodeURIComponent(properties)}`;
}

interface ProbeSentence {
  tokens?: { lemma?: string; pos?: string; ner?: string }[];
  basicDependencies?: unknown[];
}

/**
 * Why the server at `url` cannot be used, or undefined when it is ready and annotates a sentence with lemmas, parts of
 * speech, named entities and dependency edges.
 */
export async function probeNlpServer(url: string, timeoutMs = 30_000): Promise<string | undefined> {
  let ready: Response;
  try {
    ready = await fetch(`${trimUrl(url)}/ready`, { signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    return `nothing answers at ${url} (${cause})`;
  }
  if (!ready.ok) return `${url}/ready answers HTTP ${ready.status} (${(await ready.text()).trim()})`;
  try {
    const response = await fetch(annotationUrl(url), {
      method: "POST",
      body: PROBE_TEXT,
      headers: { "content-type": "text/plain; charset=utf-8" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.text();
    if (!response.ok) return `an annotation request answers HTTP ${response.status} (${body.trim().slice(0, 200)})`;
    const sentence = (JSON.parse(body) as { sentences?: ProbeSentence[] }).sentences?.[0];
    const tokens = sentence?.tokens ?? [];
    if (tokens.length === 0) return "an annotation request returns no tokens";
    if (!tokens.every((t) => t.lemma && t.pos && t.ner)) return "its tokens lack lemmas, parts of speech or NER tags";
    if (!tokens.some((t) => t.ner !== "O")) return "its NER finds no entity in the probe sentence";
    if ((sentence?.basicDependencies ?? []).length === 0) return "it returns no dependency parse (depparse)";
    return undefined;
  } catch (error) {
    return `an annotation request failed (${error instanceof Error ? error.message : String(error)})`;
  }
}
