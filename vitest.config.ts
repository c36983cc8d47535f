import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = {
  "@": path.resolve(import.meta.dirname),
  "server-only": path.resolve(import.meta.dirname, "lib/test/server-only-stub.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: [
            "lib/**/*.test.ts",
            "components/**/*.test.ts",
            "app/**/*.test.ts",
            "scripts/**/*.test.ts",
            "server/**/*.test.ts",
          ],
          exclude: ["**/*.int.test.ts", "**/*.fault.test.ts", "node_modules/**"],
          environment: "node",
          setupFiles: ["lib/test/next-mocks.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: [
            "lib/**/*.int.test.ts",
            "app/**/*.int.test.ts",
            "scripts/**/*.int.test.ts",
            "prisma/**/*.int.test.ts",
          ],
          exclude: ["node_modules/**"],
          environment: "node",
          globalSetup: ["lib/test/global-setup.ts"],
          setupFiles: ["lib/test/int-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // the production server under faults; run by `npm test -- --only=fault` (scripts/test.mjs),
        // which prepares the build and a seeded database (lib/test/fault-server.ts)
        resolve: { alias },
        test: {
          name: "fault",
          include: [
            "lib/**/*.fault.test.ts",
            "app/**/*.fault.test.ts",
            "scripts/**/*.fault.test.ts",
            "server/**/*.fault.test.ts",
          ],
          exclude: ["node_modules/**"],
          environment: "node",
          fileParallelism: false,
          testTimeout: 240_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
