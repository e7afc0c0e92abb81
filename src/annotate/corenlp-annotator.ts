/**
 * CoreNlpAnnotator: annotates text through a Stanford CoreNLP server (HTTP, JSON). Tokens, lemmas, parts of speech
 * and named entities come from one request over the whole text (in chunks of paragraphs for long texts); the
 * dependency parse, the slow part, only for the sentences `shouldParse` selects, in a second request that keeps
 * the first request's tokens (one sentence a line, tokens split on spaces).
 */
import { createHash } from "node:crypto";
import type { AnnotatedDocument, AnnotatedSentence, AnnotatedToken, EntityMention } from "../domain/annotation.js";
import { InputError, ProvisionError } from "../domain/errors.js";
import type { Annotator } from "./annotator.js";
import { fromCoreNlpJson, type CoreNlpJson } from "./corenlp-json.js";

/** Properties of the token/NER pass: the fine-grained NER and SUTime cost much and buy nothing here. */
export const NER_PROPERTIES = {
  annotators: "tokenize,ssplit,pos,lemma,ner",
  "ner.applyFineGrained": "false",
  "ner.useSUTime": "false",
  "ner.buildEntityMentions": "true",
  "ssplit.newlineIsSentenceBreak": "always",
  "tokenize.options":
    "invertible=true,ptb3Escaping=false,normalizeParentheses=false,normalizeOtherBrackets=false,splitHyphenated=false",
  outputFormat: "json",
} as const;

/** Properties of the parse pass: the tokens are given, one sentence a line. */
export const PARSE_PROPERTIES = {
  annotators: "tokenize,ssplit,pos,depparse",
  "tokenize.whitespace": "true",
  "ssplit.eolonly": "true",
  outputFormat: "json",
} as const;

/** The longest text sent in one request; longer texts are cut at paragraph (else line, else space) boundaries. */
export const MAX_REQUEST_CHARS = 40_000;

/** Options of the CoreNLP annotator. */
export interface CoreNlpAnnotatorOptions {
  /** server URLs; requests are spread over them */
  urls: readonly string[];
  /** the most one document's annotation may take (all its requests together) */
  timeoutMs: number;
  /** which sentences get a dependency parse; default: all */
  shouldParse?: (tokens: readonly AnnotatedToken[]) => boolean;
  /** annotator version label (part of the cache key) */
  version?: string;
}

function cutPoints(text: string): number[] {
  const cuts = [0];
  let start = 0;
  while (text.length - start > MAX_REQUEST_CHARS) {
    const window = text.slice(start, start + MAX_REQUEST_CHARS);
    let cut = window.lastIndexOf("\n\n");
    if (cut < MAX_REQUEST_CHARS / 4) cut = window.lastIndexOf("\n");
    if (cut < MAX_REQUEST_CHARS / 4) cut = window.lastIndexOf(" ");
    if (cut < MAX_REQUEST_CHARS / 4) cut = MAX_REQUEST_CHARS;
    start += cut + 1;
    cuts.push(start);
  }
  return cuts;
}

/** What the requests of one document share: its deadline (the per-document timeout), the caller's signal, its name. */
interface RequestBudget {
  deadline: AbortSignal;
  signal?: AbortSignal;
  name?: string;
}

/** Annotates through a CoreNLP server. */
export class CoreNlpAnnotator implements Annotator {
  readonly id: string;
  private next = 0;

  constructor(private readonly options: CoreNlpAnnotatorOptions) {
    if (options.urls.length === 0) throw new Error("CoreNlpAnnotator needs at least one server URL");
    const settings = createHash("sha256")
      .update(JSON.stringify([NER_PROPERTIES, PARSE_PROPERTIES]))
      .digest("hex")
      .slice(0, 8);
    this.id = `corenlp${options.version ? `-${options.version}` : ""}/${settings}/${options.shouldParse ? "parse-selected" : "parse-all"}`;
  }

  /** Annotates one text; `name` names the document in errors. */
  async annotate(
    text: string,
    { signal, name }: { signal?: AbortSignal; name?: string } = {},
  ): Promise<AnnotatedDocument> {
    // one budget for the whole document, however many requests its annotation takes
    const budget: RequestBudget = {
      deadline: AbortSignal.timeout(this.options.timeoutMs),
      ...(signal ? { signal } : {}),
      ...(name ? { name } : {}),
    };
    const sentences: Omit<AnnotatedSentence, "sourceStart" | "sourceEnd">[] = [];
    const mentions: EntityMention[] = [];
    const cuts = cutPoints(text);
    for (let i = 0; i < cuts.length; i++) {
      const start = cuts[i]!;
      const chunk = text.slice(start, i + 1 < cuts.length ? cuts[i + 1]! : text.length);
      if (chunk.trim().length === 0) continue;
      const json = await this.request(chunk, NER_PROPERTIES, budget);
      const part = fromCoreNlpJson(json, start, sentences.length);
      sentences.push(...part.sentences);
      mentions.push(...part.mentions);
    }
    await this.parse(sentences, budget);
    return {
      annotator: this.id,
      text,
      sentences: sentences.map((s) => ({ ...s, sourceStart: s.start, sourceEnd: s.end })),
      mentions,
    };
  }

  private async parse(
    sentences: Omit<AnnotatedSentence, "sourceStart" | "sourceEnd">[],
    budget: RequestBudget,
  ): Promise<void> {
    const selected = sentences.filter((s) => (this.options.shouldParse ? this.options.shouldParse(s.tokens) : true));
    for (const s of sentences) s.deps = null;
    let batch: typeof selected = [];
    let size = 0;
    const flush = async () => {
      if (batch.length === 0) return;
      const lines = batch.map((s) => s.tokens.map((t) => t.text.replace(/\s+/gu, "_")).join(" ")).join("\n");
      const json = await this.request(lines, PARSE_PROPERTIES, budget);
      json.sentences.forEach((parsed, k) => {
        const target = batch[k];
        if (!target || parsed.tokens.length !== target.tokens.length) return; // misaligned: left unparsed
        const deps = parsed.enhancedPlusPlusDependencies ?? parsed.basicDependencies ?? [];
        target.deps = deps.map((d) => ({ rel: d.dep, head: d.governor - 1, dep: d.dependent - 1 }));
      });
      batch = [];
      size = 0;
    };
    for (const s of selected) {
      const length = s.end - s.start;
      if (size + length > MAX_REQUEST_CHARS) await flush();
      batch.push(s);
      size += length + 1;
    }
    await flush();
  }

  private async request(text: string, properties: Record<string, string>, budget: RequestBudget): Promise<CoreNlpJson> {
    const { signal, name, deadline: timeout } = budget;
    const url = this.options.urls[this.next++ % this.options.urls.length]!;
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const target = `${url.replace(/\/$/, "")}/?properties=${encodeURIComponent(JSON.stringify(properties))}`;
    // the deadline can fire while the request is sent or while its answer is read: both are this document's timeout
    const failure = (cause: unknown): Error => {
      if (timeout.aborted) {
        return new InputError(
          `Annotation of ${name ? `"${name}"` : "a document"} timed out after ${this.options.timeoutMs} ms.`,
          {
            ...(name ? { input: name } : {}),
            suggestion: "The document is skipped; raise NLP_TIMEOUT_MS for very long documents.",
            cause,
          },
        );
      }
      return new ProvisionError(`The NLP server at ${url} does not answer: ${(cause as Error).message}.`, {
        input: url,
        suggestion: "Start it with `labour-graph nlp start`, or set NLP_URL to a running CoreNLP server.",
        cause,
      });
    };
    let response: Response;
    let body: string;
    try {
      response = await fetch(target, {
        method: "POST",
        body: Buffer.from(text, "utf8"),
        headers: { "content-type": "text/plain; charset=utf-8" },
        signal: combined,
      });
      body = await response.text();
    } catch (cause) {
      throw failure(cause);
    }
    if (!response.ok) {
      throw new InputError(
        `The NLP server could not annotate ${name ? `"${name}"` : "a document"}: HTTP ${response.status} ${body.slice(0, 200)}`,
        {
          ...(name ? { input: name } : {}),
          suggestion: "The document is skipped; check the NLP server's log.",
        },
      );
    }
    return JSON.parse(body) as CoreNlpJson;
  }
}
