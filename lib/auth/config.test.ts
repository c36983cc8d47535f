import { afterEach, describe, expect, it, vi } from "vitest";

// next-auth's ESM imports "next/server" without an extension, which plain Node (vitest) cannot
// resolve; the config only needs these two names from it.
vi.mock("next-auth", () => ({ CredentialsSignin: class extends Error {} }));
vi.mock("next-auth/providers/credentials", () => ({
  default: (options: object) => ({ id: "credentials", type: "credentials", options }),
}));
vi.mock("@/lib/services/accounts/authenticate-user", () => ({ authenticateUser: vi.fn() }));
vi.mock("@/lib/services/two-factor/check-sign-in-factor", () => ({ checkSignInFactor: vi.fn() }));
vi.mock("@/lib/services/accounts/end-session", () => ({ endSession: vi.fn(async () => true) }));
vi.mock("./session-state", () => ({
  loadUserState: vi.fn(async () => ({ role: "READER", status: "ACTIVE", sessionVersion: 1 })),
}));

const SECRET = "a".repeat(43);

async function configWith(vars: Record<string, string | undefined>) {
  vi.resetModules();
  vi.unstubAllEnvs();
  vi.stubEnv("DATABASE_URL", "postgresql://localhost/x");
  vi.stubEnv("AUTH_SECRET", SECRET);
  for (const [k, v] of Object.entries(vars)) vi.stubEnv(k, v);
  const { buildAuthConfig } = await import("./config");
  return buildAuthConfig();
}

afterEach(() => {
  vi.unstubAllEnvs();
  delete process.env.AUTH_URL; // set by buildAuthConfig itself
});

describe("buildAuthConfig", () => {
  it("trusts the Host header in development, and in production only once SITE_URL is set", async () => {
    expect((await configWith({ NODE_ENV: "development", SITE_URL: undefined })).trustHost).toBe(true);
    expect(
      (await configWith({ NODE_ENV: "production", BYLINE_DEMO: "1", SITE_URL: undefined })).trustHost,
    ).toBe(false);
    expect(
      (await configWith({ NODE_ENV: "production", BYLINE_DEMO: "1", SITE_URL: "https://byline.example" }))
        .trustHost,
    ).toBe(true);
  });

  it("uses JWT sessions with a __Host- prefixed, Secure, httpOnly, SameSite=Lax cookie and the secret from env", async () => {
    const c = await configWith({ NODE_ENV: "test", SITE_URL: "https://byline.example" });
    expect(c.session?.strategy).toBe("jwt");
    expect(c.cookies?.sessionToken).toEqual({
      name: "__Host-authjs.session-token",
      options: { httpOnly: true, sameSite: "lax", path: "/", secure: true },
    });
    expect(c.cookies?.csrfToken?.name).toBe("__Host-authjs.csrf-token");
    expect(c.cookies?.callbackUrl?.name).toBe("__Host-authjs.callback-url");
    for (const cookie of Object.values(c.cookies ?? {})) expect(cookie?.options).not.toHaveProperty("domain");
    expect(c.secret).toBe(SECRET);
  });

  it("keeps the prefix on http://localhost (browsers treat loopback as secure), drops it on plain http elsewhere", async () => {
    expect(
      (await configWith({ NODE_ENV: "test", SITE_URL: "http://localhost:39170" })).cookies?.sessionToken
        ?.name,
    ).toBe("__Host-authjs.session-token");
    expect(
      (await configWith({ NODE_ENV: "test", SITE_URL: "http://127.0.0.1:3000" })).cookies?.sessionToken
        ?.options?.secure,
    ).toBe(true);
    const lan = (await configWith({ NODE_ENV: "test", SITE_URL: "http://10.0.0.5:3000" })).cookies
      ?.sessionToken;
    expect(lan).toMatchObject({ name: "authjs.session-token", options: { secure: false, httpOnly: true } });
  });

  it("the jwt callback keeps only ids in the token and ignores a client update's payload", async () => {
    const c = await configWith({ NODE_ENV: "test" });
    const now = Date.now();
    const token = {
      sub: "u1",
      userId: "u1",
      role: "READER",
      sessionVersion: 1,
      checkedAt: now,
      issuedAt: now,
      lastSeenAt: now,
      email: "x@y.cn",
    };
    const jwt = c.callbacks!.jwt! as (p: object) => Promise<Record<string, unknown> | null>;
    const next = await jwt({ token, trigger: "update", session: { role: "ADMIN" } });
    expect(next).toEqual({
      sub: "u1",
      userId: "u1",
      role: "READER",
      sessionVersion: 1,
      checkedAt: expect.any(Number),
      issuedAt: now,
      lastSeenAt: expect.any(Number),
    });
  });

  it("builds every URL from SITE_URL, never from the request's host (issue 8, finding 7b)", async () => {
    const c = await configWith({ NODE_ENV: "test", SITE_URL: "https://byline.example/" });
    expect(process.env.AUTH_URL).toBe("https://byline.example/api/auth");
    const redirect = (url: string) => c.callbacks!.redirect!({ url, baseUrl: "http://0.0.0.0:3000" });
    expect(await redirect("/")).toBe("https://byline.example/");
    expect(await redirect("/posts/abc?x=1")).toBe("https://byline.example/posts/abc?x=1");
    expect(await redirect("https://byline.example/me/bookmarks")).toBe("https://byline.example/me/bookmarks");
    for (const away of [
      "http://0.0.0.0:3000/me",
      "https://evil.example/",
      "//evil.example",
      "/%2e%2e//evil.example",
      "https://byline.example.evil.example/",
    ]) {
      expect(await redirect(away)).toBe("https://byline.example/");
    }
  });

  it("ends the session on the server when Auth.js signs out (issue 8, finding 3)", async () => {
    const c = await configWith({ NODE_ENV: "test" });
    const { endSession } = await import("@/lib/services/accounts/end-session");
    const token = { sub: "u1", userId: "u1", role: "READER", sessionVersion: 3 };
    await c.events!.signOut!({ token } as never);
    expect(endSession).toHaveBeenCalledWith(token);
  });

  it("asks for the second factor only after a correct password, and signs in once it is accepted", async () => {
    const c = await configWith({ NODE_ENV: "test" });
    const { authenticateUser } = await import("@/lib/services/accounts/authenticate-user");
    const { checkSignInFactor } = await import("@/lib/services/two-factor/check-sign-in-factor");
    const authorize = (
      c.providers[0] as unknown as { options: { authorize: (creds: object) => Promise<unknown> } }
    ).options.authorize;
    const creds = { email: "e@x.cn", password: "pw", otp: "123456" };

    vi.mocked(authenticateUser).mockResolvedValueOnce({
      ok: false,
      reason: "invalid",
      retryAfterSeconds: 60,
    });
    // a refusal carries its hints through Auth.js to the login action; Auth.js' own URL says only "credentials"
    await expect(authorize(creds)).rejects.toMatchObject({
      code: "credentials",
      refusal: { reason: "invalid", retryAfterSeconds: 60 },
    });
    expect(checkSignInFactor).not.toHaveBeenCalled();

    const ok = { ok: true as const, user: { id: "u1", role: "EDITOR" as const, sessionVersion: 2 } };
    vi.mocked(authenticateUser).mockResolvedValueOnce(ok);
    vi.mocked(checkSignInFactor).mockResolvedValueOnce("required");
    await expect(authorize({ ...creds, otp: "" })).rejects.toMatchObject({ code: "otp_required" });
    expect(checkSignInFactor).toHaveBeenCalledWith("u1", "");

    vi.mocked(authenticateUser).mockResolvedValueOnce(ok);
    vi.mocked(checkSignInFactor).mockResolvedValueOnce("invalid");
    await expect(authorize(creds)).rejects.toMatchObject({ code: "otp_invalid" });

    vi.mocked(authenticateUser).mockResolvedValueOnce(ok);
    vi.mocked(checkSignInFactor).mockResolvedValueOnce("ok");
    expect(await authorize(creds)).toEqual({ id: "u1", role: "EDITOR", sessionVersion: 2 });
  });

  it("reports a suspension only as its own refusal", async () => {
    const c = await configWith({ NODE_ENV: "test" });
    const { authenticateUser } = await import("@/lib/services/accounts/authenticate-user");
    const authorize = (
      c.providers[0] as unknown as { options: { authorize: (creds: object) => Promise<unknown> } }
    ).options.authorize;
    vi.mocked(authenticateUser).mockResolvedValueOnce({ ok: false, reason: "suspended" });
    await expect(authorize({ email: "e@x.cn", password: "pw" })).rejects.toMatchObject({
      code: "suspended",
      refusal: { reason: "suspended" },
    });
  });

  it("reads a refusal back from what signIn() threw, and leaves other errors alone", async () => {
    const { LoginRefused, loginRefusalOf } = await import("./login-refusal");
    expect(loginRefusalOf(new LoginRefused({ reason: "otp_required" }))).toEqual({ reason: "otp_required" });
    expect(loginRefusalOf(Object.assign(new Error(), { code: "suspended" }))).toBeNull();
    expect(loginRefusalOf(null)).toBeNull();
  });
});
