export { checkSegment, checkTranslation, qaBlocksPublish, qaWarnings, summarize } from "./check";
export type { QaContext, QaStage, QaSummary } from "./check";
