/** The local keys of one document's entities: "org:" and "acr:" for organisations, "person:" for people. */
export const isOrgKey = (key: string): boolean => key.startsWith("org:") || key.startsWith("acr:");
export const isPersonKey = (key: string): boolean => key.startsWith("person:");
export const isDefinedPerson = (key: string | undefined): key is string => key !== undefined && isPersonKey(key);
