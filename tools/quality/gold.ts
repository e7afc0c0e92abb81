/** The gold annotation format: entities with every surface form, relations by canonical names. */
import { z } from "zod";
import { ENTITY_TYPES, EVENT_KINDS, REL_TYPES } from "../../src/domain/model.js";

/** A gold entity: its type, canonical name and every form that refers to it. */
export const goldEntitySchema = z.object({
  type: z.enum(ENTITY_TYPES).exclude(["Event"]),
  name: z.string().min(1),
  forms: z.array(z.string().min(1)).default([]),
});

/** A gold relation; event ends are given by kind (`toEvent`/`fromEvent`). */
export const goldRelationSchema = z
  .object({
    type: z.enum(REL_TYPES).exclude(["MENTIONED_IN"]),
    from: z.string().min(1).optional(),
    fromEvent: z.enum(EVENT_KINDS).optional(),
    to: z.string().min(1).optional(),
    toEvent: z.enum(EVENT_KINDS).optional(),
    role: z.string().min(1).optional(),
    status: z.array(z.string().min(1)).optional(),
  })
  .refine((r) => (r.from === undefined) !== (r.fromEvent === undefined), "give exactly one of from / fromEvent")
  .refine((r) => (r.to === undefined) !== (r.toEvent === undefined), "give exactly one of to / toEvent");

/** A gold annotation file. */
export const goldSchema = z.object({
  description: z.string().optional(),
  entities: z.array(goldEntitySchema),
  relations: z.array(goldRelationSchema),
});
/** A parsed gold annotation. */
export type Gold = z.infer<typeof goldSchema>;
