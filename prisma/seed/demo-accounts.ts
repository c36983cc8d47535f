/**
 * One demo login per role. Printed by `npm start` in demo mode only, used by the e2e
 * storage states. Passwords are the seed's, never valid outside a demo database.
 */
export const DEMO_PASSWORD = "Demo-Press-2026!";

export const demoAccounts = [
  { role: "ADMIN", key: "admin", email: "admin@byline.test" },
  { role: "EDITOR", key: "editor-chen", email: "editor-chen@byline.test" },
  { role: "TRANSLATOR", key: "translator-lin", email: "translator-lin@byline.test" },
  { role: "CONTRIBUTOR", key: "contributor-wang", email: "contributor-wang@byline.test" },
  { role: "READER", key: "reader-li", email: "reader-li@byline.test" },
] as const;
