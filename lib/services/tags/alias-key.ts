/**
 * The key an alias is stored and looked up by: NFKC (full-width letters become ASCII), lower case,
 * runs of white space as one space. "Cozy  Bear", "cozy bear" and "ｃｏｚｙ ｂｅａｒ" are one alias.
 */
export const aliasKey = (name: string) => name.normalize("NFKC").toLowerCase().replace(/\s+/gu, " ").trim();
