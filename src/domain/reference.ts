/**
 * The reference data of the international labour movement (aliases/reference/*.yaml): curated organisations
 * and their affiliations, each with the public source it comes from. The shapes follow the alias file's entry.
 */
import { z } from "zod";
import { aliasEntrySchema } from "./aliases.js";
import { MEMBERSHIP_STATUSES } from "./model.js";

/** A public web page (http or https), the provenance of an entry or an affiliation. */
export const sourceUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((u) => /^https?:\/\//.test(u), "must be an http(s) URL");

/** A reference key: lower-case letters, digits and dashes ("ituc", "ituc-africa", "zctu-zimbabwe"). */
export const referenceKeySchema = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lower-case letters, digits and dashes, e.g. ituc-africa");

/** One affiliation: the key of the body the organisation is a member of, and the page that says so. */
export const referenceAffiliationSchema = z
  .object({
    id: referenceKeySchema,
    source: sourceUrlSchema,
    status: z.enum(MEMBERSHIP_STATUSES).default("member"),
  })
  .strict();
/** An affiliation as written in the file. */
export type ReferenceAffiliation = z.infer<typeof referenceAffiliationSchema>;

/** One organisation: an alias entry limited to Union and Confederation, with a key, a source and affiliations. */
export const referenceEntrySchema = aliasEntrySchema
  .extend({
    id: referenceKeySchema,
    type: z.enum(["Union", "Confederation"]),
    source: sourceUrlSchema,
    memberOf: z.array(referenceAffiliationSchema).default([]),
  })
  .strict();
/** A reference organisation. */
export type ReferenceEntry = z.infer<typeof referenceEntrySchema>;

/** One reference file: its organisations. */
export const referenceFileSchema = z.object({ organisations: z.array(referenceEntrySchema).default([]) }).strict();
/** A parsed reference file. */
export type ReferenceFile = z.infer<typeof referenceFileSchema>;

/** The reference data as loaded: every organisation of every file, and a version naming this exact content. */
export interface ReferenceData {
  entries: ReferenceEntry[];
  /** the files read, relative paths as given */
  files: string[];
  /** a short hash of the files' content: the provenance of what `reference load` writes */
  version: string;
}

/** The figures `reference stats` prints. */
export interface ReferenceStats {
  organisations: number;
  withCountry: number;
  withSource: number;
  memberships: number;
}
