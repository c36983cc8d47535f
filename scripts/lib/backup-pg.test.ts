import { describe, expect, it } from "vitest";
import { candidatePaths, clientProblem, libpqTarget, parsePgVersion } from "./backup-pg.mjs";

describe("parsePgVersion", () => {
  it("reads the client programs' --version output", () => {
    expect(parsePgVersion("pg_dump (PostgreSQL) 15.14 (Debian 15.14-0+deb12u1)\n")).toEqual({
      major: 15,
      text: "15.14",
    });
    expect(parsePgVersion("pg_restore (PostgreSQL) 16.4 (Ubuntu 16.4-0ubuntu0.24.04.2)")).toEqual({
      major: 16,
      text: "16.4",
    });
    expect(parsePgVersion("pg_dump (PostgreSQL) 18beta1")).toEqual({ major: 18, text: "18beta1" });
  });

  it("reads server_version_num, before and after 10", () => {
    expect(parsePgVersion("150014")).toEqual({ major: 15, text: "15.14" });
    expect(parsePgVersion("180004")).toEqual({ major: 18, text: "18.4" });
    expect(parsePgVersion("90624")).toEqual({ major: 9, text: "9.6.24" });
  });

  it("gives null for what is no version", () => {
    expect(parsePgVersion("command not found")).toBeNull();
    expect(parsePgVersion("")).toBeNull();
    expect(parsePgVersion("pg_dump (PostgreSQL) 7.4")).toBeNull();
  });
});

describe("candidatePaths", () => {
  it("uses PG_DUMP / PG_RESTORE alone when set", () => {
    expect(candidatePaths("pg_dump", { PG_DUMP: "/opt/pg/bin/pg_dump", PATH: "/usr/bin" }, ["15"])).toEqual([
      "/opt/pg/bin/pg_dump",
    ]);
    expect(candidatePaths("pg_restore", { PG_DUMP: "/opt/x", PG_RESTORE: "/opt/y" }, [])).toEqual(["/opt/y"]);
  });

  it("looks in PATH, then in /usr/lib/postgresql/<major>/bin, the highest major first", () => {
    expect(
      candidatePaths("pg_dump", { PATH: "/usr/local/bin:/usr/bin" }, ["9.6", "15", "17", "common"]),
    ).toEqual([
      "/usr/local/bin/pg_dump",
      "/usr/bin/pg_dump",
      "/usr/lib/postgresql/17/bin/pg_dump",
      "/usr/lib/postgresql/15/bin/pg_dump",
    ]);
  });
});

describe("clientProblem", () => {
  const client = (major: number) => ({
    file: `/usr/lib/postgresql/${major}/bin/pg_dump`,
    major,
    text: `${major}.2`,
  });

  it("accepts a client of the server's major or newer", () => {
    expect(clientProblem("pg_dump", client(15), 15)).toBeNull();
    expect(clientProblem("pg_dump", client(17), 15)).toBeNull();
  });

  it("refuses an older client and says what to install", () => {
    const text = clientProblem("pg_dump", client(15), 17)!;
    expect(text).toContain("不能用于 PostgreSQL 17 的服务器");
    expect(text).toContain("apt-get install postgresql-client");
    expect(text).toContain("PG_DUMP=");
  });

  it("says what to install when there is none", () => {
    const text = clientProblem("pg_restore", null, 15)!;
    expect(text).toContain("找不到 pg_restore");
    expect(text).toContain("apt-get install postgresql-client");
  });
});

describe("libpqTarget", () => {
  it("moves the password out of the URL (and so out of `ps`) into PGPASSWORD", () => {
    const t = libpqTarget("postgresql://byline:p%40ss%2Fw@127.0.0.1:5433/byline_test");
    expect(t.dbname).toBe("postgresql://byline@127.0.0.1:5433/byline_test");
    expect(t.env).toEqual({ PGPASSWORD: "p@ss/w" });
    expect(libpqTarget("postgresql://postgres@127.0.0.1/x").env).toEqual({});
  });

  it("drops the query parameters only Prisma knows, which libpq refuses", () => {
    expect(libpqTarget("postgresql://u@h/db?schema=public&sslmode=require&connection_limit=5").dbname).toBe(
      "postgresql://u@h/db?sslmode=require",
    );
  });
});
