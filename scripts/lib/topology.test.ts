import path from "node:path";
import { describe, expect, it } from "vitest";
import { frontSiteUrl, parseTopologyArgs, sharedEnv } from "./topology.mjs";

const root = path.resolve(import.meta.dirname, "../..");

describe("parseTopologyArgs", () => {
  it("defaults: two instances from 3001, the front on 127.0.0.1:8080", () => {
    expect(parseTopologyArgs([])).toEqual({
      help: false,
      instances: 2,
      host: "127.0.0.1",
      port: 8080,
      basePort: 3001,
    });
  });

  it("reads --instances, --listen [address:]port and --base-port", () => {
    expect(parseTopologyArgs(["--instances", "3", "--listen", "0.0.0.0:80", "--base-port", "4001"])).toEqual({
      help: false,
      instances: 3,
      host: "0.0.0.0",
      port: 80,
      basePort: 4001,
    });
    expect(parseTopologyArgs(["--listen", "[::1]:8443"])).toMatchObject({ host: "::1", port: 8443 });
  });

  it("refuses what it cannot use, in zh-CN", () => {
    expect(() => parseTopologyArgs(["--instances", "0"])).toThrow("--instances 0：应为 1 到 16 的整数");
    expect(() => parseTopologyArgs(["--instances", "two"])).toThrow("应为 1 到 16 的整数");
    expect(() => parseTopologyArgs(["--listen", "localhost"])).toThrow("应为 [地址:]端口");
    expect(() => parseTopologyArgs(["--listen", "70000"])).toThrow("--listen 70000");
    // the last instance's port must exist too
    expect(() => parseTopologyArgs(["--instances", "4", "--base-port", "65534"])).toThrow(
      "--base-port 65534",
    );
    expect(() => parseTopologyArgs(["--workers", "2"])).toThrow("无法识别的参数");
  });
});

describe("frontSiteUrl", () => {
  it("names loopback and wildcard listeners localhost, keeps other hosts", () => {
    expect(frontSiteUrl("127.0.0.1", 8080)).toBe("http://localhost:8080");
    expect(frontSiteUrl("0.0.0.0", 80)).toBe("http://localhost:80");
    expect(frontSiteUrl("10.0.0.5", 8080)).toBe("http://10.0.0.5:8080");
    expect(frontSiteUrl("fd00::5", 8080)).toBe("http://[fd00::5]:8080");
  });
});

describe("sharedEnv", () => {
  const base = { databaseUrl: "postgresql://db/byline", siteUrl: "http://localhost:8080" };

  it("one database, SITE_URL, upload folder and demo secret for every instance, the front as one hop", () => {
    const env = sharedEnv({ ...base, given: { PATH: "/bin" }, demo: true, demoSecret: () => "demo-secret" });
    expect(env).toMatchObject({
      PATH: "/bin",
      NODE_ENV: "production",
      DATABASE_URL: base.databaseUrl,
      SITE_URL: base.siteUrl,
      TRUST_PROXY_HOPS: "1",
      BYLINE_DEMO: "1",
      AUTH_SECRET: "demo-secret",
      UPLOAD_DIR: path.join(root, ".data/uploads"),
    });
  });

  it("keeps what the caller set: hops, upload folder, secret; S3 leaves UPLOAD_DIR alone", () => {
    const given = {
      TRUST_PROXY_HOPS: "2",
      UPLOAD_DIR: "/srv/media",
      AUTH_SECRET: "s",
      REDIS_URL: "redis://r",
    };
    expect(sharedEnv({ ...base, given, demo: false })).toMatchObject({
      TRUST_PROXY_HOPS: "2",
      UPLOAD_DIR: "/srv/media",
      AUTH_SECRET: "s",
      REDIS_URL: "redis://r",
    });
    const s3 = sharedEnv({ ...base, given: { MEDIA_STORAGE: "s3", AUTH_SECRET: "s" }, demo: false });
    expect(s3.UPLOAD_DIR).toBeUndefined();
    expect(s3.BYLINE_DEMO).toBeUndefined();
  });

  it("refuses a production topology without a shared AUTH_SECRET", () => {
    expect(() => sharedEnv({ ...base, given: {}, demo: false })).toThrow("需要 AUTH_SECRET");
  });
});
