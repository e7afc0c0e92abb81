/** Markdown: syntax stripped, text kept; the first `# heading` is the title. */
import type { DocumentLoader, LoadedText } from "./loader.js";

function stripInline(line: string): string {
  return line
    .replace(/!\[([^[\]\n]*)\]\([^()\n]*\)/g, "$1")
    .replace(/\[([^[\]\n]*)\]\([^()\n]*\)/g, "$1")
    .replace(/\[([^[\]\n]*)\]\[[^[\]\n]*\]/g, "$1")
    .replace(/<\/?[A-Za-z][^<>\n]*>/g, "")
    .replace(/`([^`\n]*)`/g, "$1")
    .replace(/(\*\*|__)(?=\S)([^*_\n]*?\S)\1/g, "$2")
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]*?\S)[*_](?=$|[\s).,;:!?])/g, "$1$2")
    .replace(/~~([^~\n]*)~~/g, "$1");
}

/** Drops the optional closing `###` of an ATX heading (a loop, to stay linear). */
function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && /[ \t]/.test(text[end - 1]!)) end -= 1;
  let hashes = end;
  while (hashes > 0 && text[hashes - 1] === "#") hashes -= 1;
  if (hashes < end && (hashes === 0 || /[ \t]/.test(text[hashes - 1]!))) end = hashes;
  return text.slice(0, end).trim();
}

/** Converts Markdown to plain text, one output line per input line (reference definitions dropped). */
export function markdownToText(body: string): LoadedText {
  let title: string | undefined;
  const out: string[] = [];
  let inFence = false;
  for (const raw of body.split("\n")) {
    if (/^\s{0,3}(```|~~~)/.test(raw)) {
      inFence = !inFence;
      out.push("");
      continue;
    }
    if (inFence) {
      out.push(raw);
      continue;
    }
    let line = raw;
    if (/^\s{0,3}\[[^\]\n]+\]:\s/.test(line)) {
      out.push("");
      continue;
    }
    if (/^\s{0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) {
      out.push("");
      continue;
    }
    const heading = /^ {0,3}(#{1,6})[ \t]+(.*)$/.exec(line);
    if (heading) {
      const text = stripInline(trimClosingHashes(heading[2]!));
      if (title === undefined && heading[1] === "#" && text.trim() !== "") title = text.trim();
      // A heading is its own paragraph.
      out.push("", text, "");
      continue;
    }
    if (/^\s*(=+|-+)\s*$/.test(line) && out.length > 0 && out[out.length - 1]!.trim() !== "") {
      out.push("");
      continue;
    }
    line = line.replace(/^\s{0,3}(>\s?)+/, "").replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, "");
    out.push(stripInline(line));
  }
  const text = out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return title === undefined ? { text } : { text, title };
}

/** The Markdown loader. */
export const mdLoader: DocumentLoader = {
  name: "md",
  test: (path) => /\.(md|markdown|mdown|mkd)$/i.test(path),
  load: markdownToText,
};
