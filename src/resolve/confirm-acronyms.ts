/**
 * confirmAcronyms: an acronym a document names once and explains nowhere ("COTU & FKE (Kenya)") is kept when the
 * curated alias file or the reference data of the labour movement knows it, and left out otherwise (with a
 * diagnostic), so that a site's stray capitals ("RMG", "PR") never become organisations.
 */
import type { DocumentExtraction } from "../extract/types.js";
import { foldText } from "../text/fold.js";
import type { AliasTable } from "./alias-table.js";

/** The document without the unconfirmed acronyms the table does not know, and their relations. */
export function confirmAcronyms(doc: DocumentExtraction, table: AliasTable): DocumentExtraction {
  const dropped = doc.entities.filter((e) => {
    const d = doc.details[e.id];
    return d?.isUnconfirmed === true && !table.byAcronym.has(e.name) && !table.bySurface.has(foldText(e.name));
  });
  if (dropped.length === 0) return doc;
  const ids = new Set(dropped.map((e) => e.id));
  return {
    ...doc,
    entities: doc.entities.filter((e) => !ids.has(e.id)),
    relations: doc.relations.filter((r) => !ids.has(r.from) && !ids.has(r.to)),
    diagnostics: [
      ...doc.diagnostics,
      ...dropped.map((e) => ({
        documentId: doc.document.id,
        level: "info" as const,
        code: "UNKNOWN_ACRONYM",
        message: `"${e.name}" looks like an acronym but nothing says what it stands for; left out.`,
      })),
    ],
  };
}
