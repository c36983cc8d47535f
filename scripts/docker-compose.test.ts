/**
 * Issue 15: what docker-compose.yml and the Dockerfile promise, checked without Docker (none runs
 * where the suite runs): two app replicas behind the shipped front, migrations once before them,
 * a healthcheck or a completion condition on every service, the build made in the image, and the
 * front's includes the ones scripts/lib/nginx-front.mjs renders (`npm run front` runs the same
 * deploy/nginx.conf). `docker compose config` would check the schema; this checks the design.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { COMPOSE_DIR, COMPOSE_PARAMS, renderIncludes } from "./lib/nginx-front.mjs";

const root = path.resolve(import.meta.dirname, "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");

type Service = {
  image?: string;
  build?: { context: string; target?: string; args?: Record<string, string> };
  command?: string[] | string;
  entrypoint?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  deploy?: { replicas?: number };
  healthcheck?: { test: string[] };
  restart?: string;
  volumes?: string[];
  expose?: string[];
  ports?: string[];
};
const compose = parse(read("docker-compose.yml"), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const ONE_SHOT = ["minio-init", "migrate"];

/** The Dockerfile's stages: name → its lines. */
function stages(): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  let current: string[] | null = null;
  for (const line of read("Dockerfile").split("\n")) {
    const from = /^FROM\s+\S+\s+AS\s+(\S+)/i.exec(line);
    if (from) out[from[1]!] = current = [];
    else if (current && line.trim() && !line.trim().startsWith("#")) current.push(line.trim());
  }
  return out;
}

describe("docker-compose.yml", () => {
  it("runs two app replicas from the image's runtime stage, ready on /api/ready", () => {
    const app = services.app!;
    expect(app.deploy?.replicas).toBe(2);
    expect(app.build?.target).toBe("runtime");
    expect(app.healthcheck?.test.join(" ")).toContain("/api/ready");
    // no published port: readers come through the front
    expect(app.ports).toBeUndefined();
    expect(app.expose).toEqual(["3000"]);
  });

  it("migrates once, in a one-shot service the replicas wait for", () => {
    const migrate = services.migrate!;
    expect(migrate.restart).toBe("no");
    expect(migrate.deploy?.replicas ?? 1).toBe(1);
    expect(String(migrate.command)).toContain("node scripts/prisma-migrate.mjs deploy");
    // the demo seed only when asked
    expect(String(migrate.command)).toMatch(
      /if \[ "\$\$BYLINE_SEED" = 1 \]; then node scripts\/db\.mjs seed; fi/,
    );
    expect(migrate.depends_on?.db).toEqual({ condition: "service_healthy" });
    expect(services.app!.depends_on?.migrate).toEqual({ condition: "service_completed_successfully" });
    // the replicas themselves neither migrate nor build: the runtime image only serves
    const runtime = stages().runtime!;
    expect(runtime.filter((l) => /^(CMD|ENTRYPOINT)/.test(l))).toEqual(['CMD ["node", "scripts/serve.mjs"]']);
    expect(runtime.join("\n")).not.toMatch(/prisma-migrate|build\.mjs|next build/);
    expect(services.app!.command).toBeUndefined();
  });

  it("has a healthcheck on every long-running service and waits on it, or on a one-shot's success", () => {
    for (const [name, s] of Object.entries(services)) {
      if (ONE_SHOT.includes(name)) expect(s.restart, name).toBe("no");
      else expect(s.healthcheck?.test.length, `${name} healthcheck`).toBeGreaterThan(1);
      for (const [dep, { condition }] of Object.entries(s.depends_on ?? {}))
        expect(condition, `${name} → ${dep}`).toBe(
          ONE_SHOT.includes(dep) ? "service_completed_successfully" : "service_healthy",
        );
    }
    expect(services.front!.depends_on?.app).toEqual({ condition: "service_healthy" });
  });

  it("pins PostgreSQL 17, Redis 7 and every other image to a version", () => {
    expect(services.db!.image).toBe("postgres:17-alpine");
    expect(services.redis!.image).toBe("redis:7-alpine");
    expect(services.front!.image).toMatch(/^nginx:1\.\d+-alpine$/);
    expect(services.minio!.image).toMatch(/^minio\/minio:RELEASE\.\d{4}-/);
    expect(services["minio-init"]!.image).toMatch(/^minio\/mc:RELEASE\.\d{4}-/);
    for (const s of Object.values(services))
      if (s.image && !s.build) expect(s.image).not.toMatch(/:latest$|^[^:]+$/);
  });

  it("gives the app Redis and the bucket minio-init makes, under the variable names the app reads", () => {
    const env = services.app!.environment!;
    expect(env.REDIS_URL).toBe("redis://redis:6379");
    expect(env.MEDIA_STORAGE).toBe("s3");
    const init = String(services["minio-init"]!.command);
    expect(init).toContain(`mc mb --ignore-existing local/${env.S3_BUCKET}`);
    expect(init).toContain(`mc admin user add local ${env.S3_ACCESS_KEY_ID} `);
    const s3Driver = read("lib/media/storage/s3.ts");
    for (const name of Object.keys(env).filter((k) => k.startsWith("S3_"))) expect(s3Driver).toContain(name);
    // the migrate service seeds media into the same bucket
    expect(services.migrate!.environment!.S3_BUCKET).toBe(env.S3_BUCKET);
  });

  it("fronts the replicas with deploy/nginx.conf and the includes the front script renders", () => {
    const volumes = services.front!.volumes!;
    expect(volumes).toContain("./deploy/nginx.conf:/etc/nginx/nginx.conf:ro");
    expect(volumes).toContain("./deploy/compose:/etc/nginx/byline:ro");
    // Docker's DNS answers the service name with every replica's address: nginx balances over all
    expect(COMPOSE_PARAMS.upstream).toEqual([`app:${services.app!.expose![0]}`]);
    for (const [name, text] of Object.entries(renderIncludes(COMPOSE_PARAMS)))
      expect(fs.readFileSync(path.join(COMPOSE_DIR, name), "utf8"), `deploy/compose/${name}`).toBe(text);
    expect(services.front!.ports).toEqual(["${BYLINE_HTTP_PORT:-8080}:80"]);
  });
});

describe("Dockerfile", () => {
  it("builds once in the image, without a database, and serves as a non-root user without dev dependencies", () => {
    const s = stages();
    expect(Object.keys(s)).toEqual(["deps", "tools", "build", "runtime"]);
    expect(s.build!.join("\n")).toMatch(
      /node scripts\/build\.mjs --throwaway-database\s*\\?\s*&& npm prune --omit=dev/,
    );
    expect(s.runtime!).toContain("USER node");
    expect(s.runtime!.some((l) => l.startsWith("COPY --from=build"))).toBe(true);
    // the migrate service runs the stage with the dev dependencies (schema engine, tsx for the seed)
    expect(services.migrate!.build?.target).toBe("tools");
  });

  it("keeps local data, builds and dependencies out of the build context", () => {
    const ignored = read(".dockerignore").split("\n");
    for (const p of ["node_modules", ".next", ".next-*", ".data", ".env", ".git"])
      expect(ignored).toContain(p);
  });
});
