import demo from "./demo-accounts.json" with { type: "json" };

/**
 * One demo login per role (JSON so the plain-Node `npm start` can print it). Printed in demo
 * mode only and used by the e2e storage states; never valid outside a demo database.
 */
export const DEMO_PASSWORD: string = demo.password;

export type DemoRole = "ADMIN" | "EDITOR" | "TRANSLATOR" | "CONTRIBUTOR" | "READER";
export const demoAccounts = demo.accounts as { role: DemoRole; key: string; email: string }[];
