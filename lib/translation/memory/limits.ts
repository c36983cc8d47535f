/** Longest segment looked up or stored, in characters: a longer paragraph should be split first. */
export const MEMORY_TEXT_MAX = 2_000;

/** Matches below this percentage are noise to a translator and are not shown. */
export const MEMORY_MIN_SCORE = 60;
