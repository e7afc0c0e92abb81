/** The NLP servers to annotate with: those of NLP_URL when it is set, otherwise the managed local CoreNLP. */
import type { Config } from "../config/config.js";
import { ProvisionError } from "../domain/errors.js";
import { silentLogger, type Logger } from "../log.js";
import { ManagedCoreNLP } from "./managed-corenlp.js";
import { probeNlpServer } from "./probe-nlp-server.js";

/** The managed CoreNLP server described by the configuration. */
export function managedCoreNlpFor(config: Config, logger?: Logger): ManagedCoreNLP {
  const { home, port, heap, timeoutMs, threads } = config.nlp;
  return new ManagedCoreNLP({ home, port, heap, timeoutMs, threads, ...(logger ? { logger } : {}) });
}

/** Checks every server of NLP_URL; one ProvisionError lists each that does not answer a probe annotation. */
export async function checkNlpUrls(urls: readonly string[]): Promise<void> {
  const failures = (await Promise.all(urls.map(async (url) => ({ url, reason: await probeNlpServer(url) })))).filter(
    (f): f is { url: string; reason: string } => f.reason !== undefined,
  );
  if (failures.length === 0) return;
  throw new ProvisionError(
    `The CoreNLP server${urls.length > 1 ? "s" : ""} of NLP_URL cannot be used: ${failures.map((f) => `${f.url}: ${f.reason}`).join("; ")}.`,
    {
      input: "NLP_URL",
      suggestion:
        "Start that CoreNLP 4.5 server (StanfordCoreNLPServer with the English models) or correct NLP_URL; or unset NLP_URL and labour-graph runs its own (`labour-graph nlp start`, needs Java 17 and Maven).",
    },
  );
}

/**
 * Makes sure an NLP server answers and returns its URLs: NLP_URL's servers are checked, otherwise the managed server is
 * started (or reused). Fails with one ProvisionError that says what to do.
 */
export async function ensureNlpServer(config: Config, logger: Logger = silentLogger): Promise<{ urls: string[] }> {
  if (config.nlp.url !== undefined) {
    await checkNlpUrls(config.nlp.url);
    logger.debug(`using NLP_URL ${config.nlp.url.join(", ")}`);
    return { urls: [...config.nlp.url] };
  }
  const { status, alreadyRunning } = await managedCoreNlpFor(config, logger).start();
  logger.info(`${alreadyRunning ? "reusing" : "started"} CoreNLP ${status.version} at ${status.url}`);
  return { urls: [status.url] };
}
