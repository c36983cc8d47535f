export { FIXTURE_ARTICLES, startSourceFixtures, type SourceFixtures } from "./server";
