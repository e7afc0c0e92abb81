/** A small local GraphQL page (no CDN): a textarea for the query, one for variables, and the JSON answer. */

const EXAMPLE = `query {
  connections(from: "Tomoko Yoshino", to: "Kudratulla Rafikov", maxHops: 4) {
    length
    nodes { id name label }
    edges { type from to properties evidence { sentence document { title date url } } }
  }
}`;

/** The HTML of GET /graphql for browsers. */
export function landingPageHtml(): string {
  const escaped = EXAMPLE.replace(/&/g, "&amp;").replace(/</g, "&lt;");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>labour-graph GraphQL</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1.5rem; color: #222; }
  textarea, pre { width: 100%; box-sizing: border-box; font: 13px/1.4 ui-monospace, monospace; }
  textarea { border: 1px solid #bbb; padding: .5rem; }
  pre { background: #f5f5f5; padding: .75rem; white-space: pre-wrap; min-height: 4rem; }
  button { font-size: 14px; padding: .4rem 1rem; margin: .5rem 0; }
</style>
</head>
<body>
<h1>labour-graph GraphQL</h1>
<p>POST queries to <code>/graphql</code> as JSON. Root fields: search, connections, neighbourhood, commonConnections,
mostConnected, entity, overview, timeline, and the generated people, unions, confederations, organizations, countries, events, documents.</p>
<label for="query">Query</label>
<textarea id="query" rows="14">${escaped}</textarea>
<label for="variables">Variables (JSON)</label>
<textarea id="variables" rows="3">{}</textarea>
<button id="run" type="button">Run (Ctrl+Enter)</button>
<pre id="result" aria-live="polite"></pre>
<script>
  const run = async () => {
    const out = document.getElementById("result");
    out.textContent = "…";
    let variables = {};
    try { variables = JSON.parse(document.getElementById("variables").value || "{}"); }
    catch (e) { out.textContent = "Variables are not valid JSON: " + e.message; return; }
    try {
      const res = await fetch("graphql", { method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify({ query: document.getElementById("query").value, variables }) });
      out.textContent = "HTTP " + res.status + "\\n" + JSON.stringify(await res.json(), null, 2);
    } catch (e) { out.textContent = "The API did not answer: " + e.message; }
  };
  document.getElementById("run").addEventListener("click", run);
  document.addEventListener("keydown", (e) => { if (e.ctrlKey && e.key === "Enter") run(); });
</script>
</body>
</html>
`;
}
