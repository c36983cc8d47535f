/**
 * Translation QA. Pure functions (no database, safe in the browser): the bilingual editor runs
 * checkSegment on the segment being edited (stage "translate"), the workflow runs checkTranslation
 * on submit (warnings shown) and on publish (qaBlocksPublish refuses when any finding is an error).
 *
 * What is checked, per text segment (CODE, TABLE and IMAGE are carried whole and never checked):
 * - untranslated: empty target or status UNTRANSLATED (warning, error at publish); an unconfirmed
 *   machine pre-fill (warning);
 * - tokens carried exactly (tokens.ts): CVE IDs, CVSS vectors and scores, hashes, IPv4/IPv6, URLs,
 *   domains, file paths, `inline code` and versions missing from the target or added to it are errors;
 *   a missing plain number is a warning. Both sides are normalised first: full-width ASCII folded,
 *   defanged forms refanged, numbers compared as values (１２３, 三, 120万, 百分之四十五);
 * - glossary (with a matcher): approved targets and do-not-translate names;
 * - unbalanced brackets and quotes in the target.
 */
export { checkSegment, checkTranslation, qaBlocksPublish, qaWarnings, summarize } from "./check";
export type { QaStage } from "./check";
