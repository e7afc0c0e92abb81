/**
 * Keeps the importer's registry of known entities in step with the graph: entities read from the database at
 * the start of an import, then every entity row a chunk writes, merged the way the writer merges it (aliases
 * are only ever added; the latest name wins and the former name becomes an alias; properties are overwritten).
 * After chunk k the registry therefore says what the database says, which is what makes a resumed import
 * resolve its remaining chunks exactly like an uninterrupted one.
 */
import type { EntityType, Extraction, NodeLabel, PropertyValue } from "../domain/model.js";
import type { WritePlan } from "../graph/plan-write.js";
import { formDocsOf, type StoredEntityRow, type StoredEventRow } from "../graph/writer.js";
import { knownEventOf } from "../resolve/event-identity.js";
import { KnownEntities, type KnownEntity } from "../resolve/known-entities.js";

const TYPE_BY_PRIORITY: readonly EntityType[] = ["Person", "Country", "Union", "Confederation", "Organization"];

/** The entity type of a node's labels (its most specific one), or undefined for documents and events. */
export function entityTypeOfLabels(labels: readonly string[]): EntityType | undefined {
  return TYPE_BY_PRIORITY.find((t) => labels.includes(t));
}

function text(value: PropertyValue | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A stored node as a known entity (undefined when it is not a person, organisation or country). */
export function knownEntityOfStored(row: StoredEntityRow): KnownEntity | undefined {
  const type = entityTypeOfLabels(row.labels);
  if (type === undefined) return undefined;
  return {
    id: row.id,
    type,
    name: row.name,
    aliases: row.aliases,
    ...(row.acronym !== undefined ? { acronym: row.acronym } : {}),
    ...(row.country !== undefined ? { country: row.country } : {}),
    ...(row.formDocs !== undefined ? { formDocs: row.formDocs } : {}),
    ...(row.referenceName !== undefined ? { referenceName: row.referenceName } : {}),
  };
}

/** A registry of the stored entities. */
export function knownEntitiesOf(rows: readonly StoredEntityRow[]): KnownEntities {
  const known = new KnownEntities();
  for (const row of rows) {
    const entity = knownEntityOfStored(row);
    if (entity !== undefined) known.upsert(entity);
  }
  return known;
}

/** Adds stored events to the registry, so later reports of the same happening join them. */
export function recordStoredEvents(known: KnownEntities, rows: readonly StoredEventRow[]): void {
  for (const row of rows) {
    const event = knownEventOf(row.id, row.properties);
    if (event !== undefined) known.events.upsert(event);
  }
}

/** Adds the events an extraction resolved (their properties are what the writer stores). */
export function recordResolvedEvents(known: KnownEntities, extraction: Extraction): void {
  for (const entity of extraction.entities) {
    if (entity.type !== "Event") continue;
    const event = knownEventOf(entity.id, entity.properties);
    if (event !== undefined) known.events.upsert(event);
  }
}

/** Adds the entity rows of a plan to the registry, merged as the writer's node statement merges them. */
export function recordKnownEntities(known: KnownEntities, plan: WritePlan): void {
  for (const write of plan.documents) {
    for (const group of write.nodes) {
      const type = entityTypeOfLabels(group.labels satisfies NodeLabel[]);
      if (type === undefined) continue;
      for (const row of group.rows) {
        const before = known.get(row.id);
        const aliases = new Set<string>(before?.aliases ?? []);
        for (const a of row.aliases) aliases.add(a);
        if (before !== undefined && before.name !== row.name) aliases.add(before.name);
        aliases.delete(row.name);
        const acronym = text(row.properties.acronym) ?? before?.acronym;
        const country = text(row.properties.country) ?? before?.country;
        const formDocs = formDocsOf(row.properties.nameForms, row.properties.nameFormDocs) ?? before?.formDocs;
        known.upsert({
          id: row.id,
          type,
          name: row.name,
          aliases: [...aliases],
          ...(acronym !== undefined ? { acronym } : {}),
          ...(country !== undefined ? { country } : {}),
          ...(formDocs !== undefined ? { formDocs } : {}),
          ...(before?.referenceName !== undefined ? { referenceName: before.referenceName } : {}),
        });
      }
    }
  }
}
