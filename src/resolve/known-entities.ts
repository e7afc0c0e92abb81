/**
 * Entities that already have a node: stored by an earlier import, or written by an earlier chunk of this one.
 * Resolution anchors clusters on them (they keep their id), like the curated alias entries. The index is kept
 * up to date entry by entry, so a chunk only pays for the entities it touches, never for the whole registry.
 */
import { isOrganisationType, type EntityType } from "../domain/model.js";
import { initialsOf, isSpecificOrgName, orgKey } from "../extract/org-key.js";
import { foldText } from "../text/fold.js";
import { isAcronymForm } from "./alias-table.js";
import { KnownEvents } from "./event-identity.js";
import { nameParts } from "./person-names.js";
import { SurnameIndex } from "./surname-index.js";

/** What resolution needs to know about an entity that has a node already. */
export interface KnownEntity {
  id: string;
  type: EntityType;
  name: string;
  aliases: readonly string[];
  acronym?: string;
  country?: string;
  /** documents that used each surface form so far (the evidence the name is chosen from) */
  formDocs?: Readonly<Record<string, number>>;
  /**
   * the canonical name reference data gives it: the hook for the reference data of the labour movement, whose
   * loader stores it on the node (`referenceName`); it wins over the documents, not over the alias file
   */
  referenceName?: string;
}

/** The family an entity id belongs to; known entities of another family never anchor a cluster. */
export type EntityFamily = "org" | "person" | "country";

/** The family of an entity type (events are per document and never known). */
export function familyOf(type: EntityType): EntityFamily | undefined {
  if (isOrganisationType(type)) return "org";
  if (type === "Person") return "person";
  if (type === "Country") return "country";
  return undefined;
}

/** The first folded letter of a surname: person candidates are compared only within one such block. */
export function personBlockOf(parts: { last: string }): string {
  return parts.last.slice(0, 1);
}

/** The surface forms of a known entity: name, aliases and acronym, distinct. */
export function formsOfKnown(entity: KnownEntity): string[] {
  const forms = new Set<string>([entity.name, ...entity.aliases]);
  if (entity.acronym !== undefined) forms.add(entity.acronym);
  return [...forms];
}

type Index = Map<string, Set<string>>;

function addTo(index: Index, key: string, id: string): void {
  let ids = index.get(key);
  if (ids === undefined) index.set(key, (ids = new Set()));
  ids.add(id);
}

function removeFrom(index: Index, key: string, id: string): void {
  const ids = index.get(key);
  if (ids === undefined) return;
  ids.delete(id);
  if (ids.size === 0) index.delete(key);
}

/** The index keys one entity is listed under, so that an update can take them back out. */
interface Listing {
  orgKeys: string[];
  acronyms: string[];
  acronymNames: string[];
  initials: string[];
  surfaces: string[];
  blocks: string[];
  countryName?: string;
}

/** Known entities with the lookups resolution makes: organisation key, acronym, initials, surface, surname block. */
export class KnownEntities {
  private readonly entities = new Map<string, KnownEntity>();
  private readonly listings = new Map<string, Listing>();
  private readonly byOrgKey: Index = new Map();
  private readonly byAcronym: Index = new Map();
  private readonly byAcronymName: Index = new Map();
  private readonly byInitials: Index = new Map();
  private readonly bySurface: Index = new Map();
  private readonly byPersonBlock: Index = new Map();
  private readonly bySurname = new SurnameIndex<string>();
  private readonly byCountryName: Index = new Map();
  private readonly personParts = new Map<string, { first?: string; last: string }[]>();
  /** events that have a node already, indexed by kind and participant */
  readonly events = new KnownEvents();

  constructor(entities: Iterable<KnownEntity> = []) {
    for (const entity of entities) this.upsert(entity);
  }

  /** How many entities are known. */
  get size(): number {
    return this.entities.size;
  }

  /** The entity with this id, if known. */
  get(id: string): KnownEntity | undefined {
    return this.entities.get(id);
  }

  /** True when a node has this id already (new clusters must take another). */
  has(id: string): boolean {
    return this.entities.has(id);
  }

  /** Every known entity, in no particular order. */
  values(): IterableIterator<KnownEntity> {
    return this.entities.values();
  }

  /** Adds an entity, or replaces what is known about it (its old index entries are taken out first). */
  upsert(entity: KnownEntity): void {
    this.remove(entity.id);
    const family = familyOf(entity.type);
    if (family === undefined) return;
    const stored: KnownEntity = { ...entity, aliases: [...entity.aliases] };
    this.entities.set(entity.id, stored);
    const listing: Listing = {
      orgKeys: [],
      acronyms: [],
      acronymNames: [],
      initials: [],
      surfaces: [],
      blocks: [],
    };
    const forms = formsOfKnown(stored);
    for (const form of forms) listing.surfaces.push(foldText(form));
    if (family === "org") {
      for (const form of forms) {
        if (isAcronymForm(form)) {
          // an acronym the entity is known by; an acronym-only entity is found by its name alone
          if (form === stored.acronym || !isAcronymForm(stored.name)) listing.acronyms.push(form);
          continue;
        }
        if (!isSpecificOrgName(form)) continue;
        const key = orgKey(form);
        if (key.length > 0) listing.orgKeys.push(key);
        listing.initials.push(...initialsOf(form));
      }
      if (isAcronymForm(stored.name)) listing.acronymNames.push(stored.name);
    } else if (family === "person") {
      const parts = [stored.name, ...stored.aliases].map(nameParts).filter((p) => p.last.length > 0);
      this.personParts.set(stored.id, parts);
      listing.blocks.push(...parts.map(personBlockOf));
      for (const p of parts) this.bySurname.add(p.last, stored.id);
    } else {
      listing.countryName = stored.name;
    }
    const distinct = (values: string[]) => [...new Set(values)];
    listing.orgKeys = distinct(listing.orgKeys);
    listing.acronyms = distinct(listing.acronyms);
    listing.initials = distinct(listing.initials);
    listing.surfaces = distinct(listing.surfaces);
    listing.blocks = distinct(listing.blocks);
    for (const key of listing.orgKeys) addTo(this.byOrgKey, key, stored.id);
    for (const key of listing.acronyms) addTo(this.byAcronym, key, stored.id);
    for (const key of listing.acronymNames) addTo(this.byAcronymName, key, stored.id);
    for (const key of listing.initials) addTo(this.byInitials, key, stored.id);
    for (const key of listing.surfaces) addTo(this.bySurface, key, stored.id);
    for (const key of listing.blocks) addTo(this.byPersonBlock, key, stored.id);
    if (listing.countryName !== undefined) addTo(this.byCountryName, listing.countryName, stored.id);
    this.listings.set(stored.id, listing);
  }

  private remove(id: string): void {
    const listing = this.listings.get(id);
    if (listing === undefined) return;
    for (const key of listing.orgKeys) removeFrom(this.byOrgKey, key, id);
    for (const key of listing.acronyms) removeFrom(this.byAcronym, key, id);
    for (const key of listing.acronymNames) removeFrom(this.byAcronymName, key, id);
    for (const key of listing.initials) removeFrom(this.byInitials, key, id);
    for (const key of listing.surfaces) removeFrom(this.bySurface, key, id);
    for (const key of listing.blocks) removeFrom(this.byPersonBlock, key, id);
    if (listing.countryName !== undefined) removeFrom(this.byCountryName, listing.countryName, id);
    this.listings.delete(id);
    this.entities.delete(id);
    this.personParts.delete(id);
    this.bySurname.remove(id);
  }

  /** Organisations with a full name of this organisation key, sorted by id. */
  orgsByKey(key: string): string[] {
    return sortedIds(this.byOrgKey.get(key));
  }

  /** Organisations known by this acronym (defined, not only used), sorted by id. */
  orgsByAcronym(acronym: string): string[] {
    return sortedIds(this.byAcronym.get(acronym));
  }

  /** Organisations known only by this acronym (no full name), sorted by id. */
  orgsNamedByAcronym(acronym: string): string[] {
    return sortedIds(this.byAcronymName.get(acronym));
  }

  /** Organisations whose full name has these initials, sorted by id. */
  orgsByInitials(initials: string): string[] {
    return sortedIds(this.byInitials.get(initials));
  }

  /** Entities with this folded surface form, sorted by id. */
  bySurfaceForm(folded: string): string[] {
    return sortedIds(this.bySurface.get(folded));
  }

  /**
   * People in the surname block of `parts` with a surname within two edits of its surname: the only ones
   * isSamePersonParts can accept (in no particular order: callers look for the one that fits).
   */
  peopleNear(parts: { last: string }): string[] {
    const block = this.byPersonBlock.get(personBlockOf(parts));
    if (block === undefined) return [];
    return [...this.bySurname.candidates(parts.last)].filter((id) => block.has(id));
  }

  /** The parts (nameParts) of every name of a known person. */
  namePartsOf(id: string): readonly { first?: string; last: string }[] {
    return this.personParts.get(id) ?? [];
  }

  /** The country with this canonical name. */
  countryNamed(name: string): string | undefined {
    return sortedIds(this.byCountryName.get(name))[0];
  }
}

function sortedIds(ids: Set<string> | undefined): string[] {
  if (ids === undefined) return [];
  return [...ids].sort();
}
