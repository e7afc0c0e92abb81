/** The curated alias file (aliases/aliases.yaml): analyst decisions that win over automatic resolution. */
import { z } from "zod";
import { ENTITY_TYPES } from "./model.js";

/** One curated entity: its canonical name, type, and every other way it is written. */
export const aliasEntrySchema = z.object({
  name: z.string().trim().min(1),
  type: z.enum(ENTITY_TYPES).exclude(["Event"]),
  acronyms: z.array(z.string().trim().min(1)).default([]),
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** the country an organisation is located in (a country name) */
  country: z.string().trim().min(1).optional(),
});
/** An alias entry. */
export type AliasEntry = z.infer<typeof aliasEntrySchema>;

/** The alias file: entries, and pairs of names that must never be merged. */
export const aliasFileSchema = z
  .object({
    entities: z.array(aliasEntrySchema).default([]),
    distinct: z.array(z.tuple([z.string().trim().min(1), z.string().trim().min(1)])).default([]),
  })
  .strict();
/** A parsed alias file. */
export type AliasFile = z.infer<typeof aliasFileSchema>;
