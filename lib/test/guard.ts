/**
 * Tests drop and recreate their database. Refuse anything that is not a local server and a
 * database whose name says it is for tests, so a mistyped DATABASE_URL can never wipe real data.
 */
export function assertSafeTestDatabase(url: string) {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new Error("Refusing to run tests: the test DATABASE_URL is not a valid URL");
  }
  const host = u.hostname.replace(/^\[|\]$/g, "");
  const local = ["127.0.0.1", "localhost", "::1", ""].includes(host);
  const name = decodeURIComponent(u.pathname.slice(1));
  if (!local) throw new Error(`Refusing to run tests against non-local database host "${host}"`);
  if (!/test/i.test(name))
    throw new Error(`Refusing to run tests against database "${name}": its name must contain "test"`);
}
