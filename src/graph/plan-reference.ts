/**
 * Pure: the reference organisations and their affiliations as node and edge groups for the writer's statements.
 * Their provenance is the reference data itself, not a Document: nodes carry `reference` (the source id naming
 * the data's version) and `referenceUrl`, edges carry the source id in `sources` and the pages in `referenceUrls`.
 */
import { labelsForEntityType, type MembershipStatus, type PropertyValue } from "../domain/model.js";
import { matchLabelFor, nodeRowOf, relationshipKey, type EdgeGroup, type NodeGroup } from "./plan-write.js";

/** The source id of one version of the reference data, as stored in `sources` and `reference`. */
export function referenceSourceId(version: string): string {
  return `reference:${version}`;
}

/** One reference organisation to write. */
export interface ReferenceOrganisationInput {
  id: string;
  type: "Union" | "Confederation";
  name: string;
  aliases: string[];
  acronym?: string;
  country?: string;
  /** the public page the entry comes from */
  url: string;
}

/** One affiliation to write, between two node ids. */
export interface ReferenceMembershipInput {
  from: string;
  to: string;
  status: MembershipStatus;
  url: string;
}

/** The reference part of the graph: nodes grouped by label set, MEMBER_OF rows. */
export interface ReferencePlan {
  sourceId: string;
  nodes: NodeGroup[];
  edges: EdgeGroup[];
}

/** Plans the write of the reference organisations and affiliations of one version of the data. */
export function planReferenceWrite(
  version: string,
  organisations: readonly ReferenceOrganisationInput[],
  memberships: readonly ReferenceMembershipInput[],
): ReferencePlan {
  const sourceId = referenceSourceId(version);
  const groups = new Map<string, NodeGroup>();
  const seen = new Set<string>();
  for (const org of [...organisations].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (seen.has(org.id)) continue;
    seen.add(org.id);
    const labels = labelsForEntityType(org.type);
    let group = groups.get(labels.join(":"));
    if (group === undefined) groups.set(labels.join(":"), (group = { labels, rows: [] }));
    const properties: Record<string, PropertyValue> = { reference: sourceId, referenceUrl: org.url };
    if (org.acronym !== undefined) properties.acronym = org.acronym;
    if (org.country !== undefined) properties.country = org.country;
    group.rows.push(nodeRowOf({ id: org.id, type: org.type, name: org.name, aliases: org.aliases, properties }));
  }
  const label = matchLabelFor("Union");
  const rows = new Map<string, EdgeGroup["rows"][number]>();
  for (const m of memberships) {
    if (m.from === m.to) continue;
    const key = relationshipKey("MEMBER_OF", m.from, m.to, { status: m.status });
    const row = rows.get(key);
    // one affiliation stated by several pages is one edge citing them all
    if (row !== undefined) {
      const pages = row.properties.referenceUrls as string[];
      if (!pages.includes(m.url)) pages.push(m.url);
      continue;
    }
    // `reference` names the version on the edge itself: `sources` stops growing at MAX_SOURCES_PER_EDGE ids
    const properties: Record<string, PropertyValue> = { status: m.status, referenceUrls: [m.url], reference: sourceId };
    rows.set(key, {
      key,
      from: m.from,
      to: m.to,
      evidence: [],
      evidenceDocs: [],
      sources: [sourceId],
      confidence: 1,
      sourceConfidences: [1],
      properties,
    });
  }
  const edges: EdgeGroup[] =
    rows.size === 0
      ? []
      : [
          {
            type: "MEMBER_OF",
            fromLabel: label,
            toLabel: label,
            rows: [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
          },
        ];
  return { sourceId, nodes: [...groups.values()], edges };
}
