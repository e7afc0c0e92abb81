/** The domain model: labels, relationship types, schemas and errors. No I/O. */
export * from "./aliases.js";
export * from "./errors.js";
export * from "./model.js";
export * from "./reference.js";
export type * from "./views.js";
