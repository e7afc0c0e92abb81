/** `labour-graph nlp start|stop|status`: the managed CoreNLP server, or a check of NLP_URL's servers. */
import { Command } from "commander";
import { checkNlpUrls, managedCoreNlpFor } from "../../provision/ensure-nlp-server.js";
import { probeNlpServer } from "../../provision/probe-nlp-server.js";
import type { CliContext } from "../context.js";
import { EXIT } from "../handle-error.js";

/** Builds the `nlp` command. */
export function nlpCommand(ctx: CliContext): Command {
  const nlp = new Command("nlp").description("start, stop and inspect the CoreNLP server that annotates documents");
  const external = () => ctx.config.nlp.url;

  nlp
    .command("start")
    .description("start the managed CoreNLP server (fetched from Maven Central on first start); a no-op if it runs")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      const urls = external();
      if (urls !== undefined) {
        await checkNlpUrls(urls);
        const msg = `NLP_URL is set: using the existing server(s) at ${urls.join(", ")}; nothing to start.`;
        ctx.print(opts.json ? JSON.stringify({ managed: false, urls, message: msg }) : msg);
        return;
      }
      const { status, alreadyRunning } = await managedCoreNlpFor(ctx.config, ctx.logger("nlp")).start();
      if (opts.json) ctx.print(JSON.stringify({ managed: true, alreadyRunning, ...status }));
      else
        ctx.print(
          `${alreadyRunning ? "CoreNLP is already running" : "CoreNLP started"}: ${status.url} (CoreNLP ${status.version}, pid ${status.pid}); home ${status.home}`,
        );
    });

  nlp
    .command("stop")
    .description("stop the managed CoreNLP server")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const urls = external();
      if (urls !== undefined) {
        ctx.print(`NLP_URL is set: ${urls.join(", ")} is not managed by labour-graph; nothing to stop.`);
        return;
      }
      const { wasRunning } = await managedCoreNlpFor(ctx.config, ctx.logger("nlp")).stop();
      const text = wasRunning ? "CoreNLP stopped." : "CoreNLP was not running.";
      ctx.print(opts.json ? JSON.stringify({ stopped: wasRunning }) : text);
    });

  nlp
    .command("status")
    .description("say whether the NLP server runs, and where (exit code 0 running, 3 stopped)")
    .option("--json", "print the status as JSON")
    .action(async (opts: { json?: boolean }) => {
      const urls = external();
      if (urls !== undefined) {
        const servers = await Promise.all(urls.map(async (url) => ({ url, problem: await probeNlpServer(url) })));
        const running = servers.every((s) => s.problem === undefined);
        if (opts.json) ctx.print(JSON.stringify({ managed: false, running, servers }));
        else
          for (const s of servers)
            ctx.print(`${s.problem ? `not usable (${s.problem})` : "answering"}: ${s.url} (NLP_URL)`);
        if (!running) ctx.exitWith(EXIT.NOT_RUNNING);
        return;
      }
      const status = await managedCoreNlpFor(ctx.config).status();
      const state = status.ready ? "running" : "starting (loading its models)";
      ctx.print(
        opts.json
          ? JSON.stringify({ managed: true, ...status })
          : status.running
            ? `${state}: ${status.url} (CoreNLP ${status.version}, pid ${status.pid})`
            : `stopped (home ${status.home}); start it with \`labour-graph nlp start\``,
      );
      if (!status.running) ctx.exitWith(EXIT.NOT_RUNNING);
    });

  return nlp;
}
