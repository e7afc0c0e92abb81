import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        // one graphql instance: @neo4j/graphql and @apollo/server load graphql's CommonJS build, so source files must too
        resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
        test: {
          name: "unit",
          include: ["src/**/*.test.ts", "tools/**/*.test.ts", "web/src/**/*.test.ts", "test/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        // one graphql instance: @neo4j/graphql and @apollo/server load graphql's CommonJS build, so source files must too
        resolve: { alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }] },
        test: {
          name: "db",
          include: ["test/integration/**/*.int.test.ts", "test/e2e/**/*.e2e.test.ts"],
          globalSetup: ["test/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
          environment: "node",
        },
      },
    ],
  },
});
