/**
 * The one step every run of the pipeline repeats per chunk of files: read (de-duplicated across the run),
 * optionally leave documents out (the importer: those stored unchanged), annotate and extract, then resolve.
 * `import`, `extract` and the benchmark are loops over this step that differ only in what they do with its
 * outcome (write it, print it, measure it).
 */
import type { AnnotateContext } from "../annotate/index.js";
import type { Extraction, SourceDocument } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import type { AliasTable } from "../resolve/alias-table.js";
import type { KnownEntities } from "../resolve/known-entities.js";
import { resolveExtraction } from "../resolve/resolve-extraction.js";
import { extractDocuments } from "./extract-documents.js";
import type { ExtractionFailure } from "./failure.js";
import { readChunk, type ReadChunk } from "./read-chunk.js";

/**
 * How the documents of a run become extractions: annotated through the NLP server(s) and the annotation cache, then
 * extracted; or by another extractor (a seam: the benchmark's facts recorded with its generated corpus), in which
 * case no NLP server is needed.
 */
export type ExtractionSource =
  | { annotate: AnnotateContext; extractDocuments?: undefined }
  | { extractDocuments: ExtractDocuments; annotate?: undefined };

/** What the chunks of one run share. */
export type PipelineRun = ExtractionSource & {
  /** the alias table of resolution (see loadAliasTable) */
  aliases: AliasTable;
  /** content ids read earlier in the run with their first path: the same content is read once per run */
  firstPathOf: Map<string, string>;
  /** the entities known before this chunk (the importer's registry); none: each resolution stands alone */
  known?: KnownEntities;
};

/** Turns documents read already into extractions, in their order, and the failures of those that could not be. */
export type ExtractDocuments = (
  documents: readonly SourceDocument[],
) => Promise<{ extractions: DocumentExtraction[]; failures: ExtractionFailure[] }>;

/**
 * How a chunk's extractions are resolved: "together" into one Extraction (none when nothing was extracted),
 * "each" into one Extraction per document (resolved within itself), "none" not at all.
 */
export type ResolveMode = "together" | "each" | "none";

/** Options of one chunk step. */
export interface ChunkStepOptions {
  resolve: ResolveMode;
  /** the documents read that go on to annotation (default: all); the importer leaves out those it has stored */
  keep?: (documents: SourceDocument[]) => Promise<SourceDocument[]>;
}

/** Milliseconds spent in the stages of a step after reading. */
export interface ChunkTimings {
  /** annotation and extraction */
  extractMs: number;
  resolveMs: number;
}

/** What the stages after reading give. */
export interface ExtractedChunk {
  /** the documents annotated and extracted, in order */
  extractions: DocumentExtraction[];
  /** the documents that could not be annotated or extracted */
  failures: ExtractionFailure[];
  /** the resolved extractions (see ResolveMode) */
  resolved: Extraction[];
  timings: ChunkTimings;
}

/** What one chunk step gives: the read chunk, then what came of the documents kept. */
export interface ChunkOutcome extends ExtractedChunk {
  read: ReadChunk;
}

/** Yields to the event loop, so that a write in flight (the importer's) can progress between the stages. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function resolveAs(mode: ResolveMode, extractions: DocumentExtraction[], run: PipelineRun): Extraction[] {
  if (mode === "none" || extractions.length === 0) return [];
  if (mode === "each") return extractions.map((x) => resolveExtraction([x], run.aliases, run.known));
  return [resolveExtraction(extractions, run.aliases, run.known)];
}

/** Annotates, extracts and resolves documents read already (the step after reading). */
export async function extractChunk(
  documents: readonly SourceDocument[],
  run: PipelineRun,
  resolve: ResolveMode,
): Promise<ExtractedChunk> {
  const extractStarted = performance.now();
  const { extractions, failures } =
    run.annotate !== undefined
      ? await extractDocuments(documents, run.annotate)
      : await run.extractDocuments(documents);
  const extractMs = performance.now() - extractStarted;
  await yieldToEventLoop();
  const resolveStarted = performance.now();
  const resolved = resolveAs(resolve, extractions, run);
  return { extractions, failures, resolved, timings: { extractMs, resolveMs: performance.now() - resolveStarted } };
}

/** Reads the files of one chunk, then annotates, extracts and resolves the documents kept. */
export async function runChunkStep(
  files: readonly string[],
  run: PipelineRun,
  options: ChunkStepOptions,
): Promise<ChunkOutcome> {
  const read = await readChunk(files, run.firstPathOf);
  const kept = options.keep !== undefined ? await options.keep(read.documents) : read.documents;
  return { read, ...(await extractChunk(kept, run, options.resolve)) };
}
