// Each page has its own boundary so navigating between workspace pages shows a skeleton at once.
export { default } from "../../loading";
