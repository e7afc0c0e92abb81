/** What every stage of resolution works on: the clustering, the nodes, and the diagnostics it reports. */
import type { Diagnostic } from "../domain/model.js";
import type { DocumentExtraction } from "../extract/types.js";
import type { AliasTable } from "./alias-table.js";
import { Clustering, type ResolutionNode, type ResolutionWork } from "./clustering.js";
import type { KnownEntities } from "./known-entities.js";
import { aliasNodesOf, documentNodes } from "./resolution-nodes.js";

/** The state the stages share. */
export interface Resolution {
  readonly clusters: Clustering;
  readonly aliases: AliasTable;
  readonly known: KnownEntities;
  /** the documents' local entities */
  readonly nodes: readonly ResolutionNode[];
  /** one stand-in per alias entry, index by index */
  readonly aliasNodes: readonly ResolutionNode[];
  readonly diagnostics: Diagnostic[];
  readonly work: ResolutionWork;
}

/** Every node a cluster of its own: alias entries first, then the documents' entities. */
export function startResolution(
  docs: readonly DocumentExtraction[],
  aliases: AliasTable,
  known: KnownEntities,
  work: ResolutionWork,
): Resolution {
  const clusters = new Clustering(aliases, known, work);
  const nodes = documentNodes(docs);
  const aliasNodes = aliasNodesOf(aliases);
  for (const n of aliasNodes) clusters.register(n);
  for (const n of nodes) clusters.register(n);
  return { clusters, aliases, known, nodes, aliasNodes, diagnostics: docs.flatMap((d) => d.diagnostics), work };
}
