/**
 * Test configuration: three projects. `unit` runs the compiler, VM and protocol
 * tests in threads without isolation (fast); `isolated` runs the few files that mock
 * a module (`*.isolated.test.ts`), each with its own module graph, since a mock
 * cannot take effect in a module cache shared with other files; `e2e` runs tests
 * that spawn party processes one file at a time, so three parties never compete
 * with parallel test files for the two cores.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    reporters: ["default", "./test/support/summary-reporter.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/e2e/**", "test/**/*.isolated.test.ts", "node_modules/**", "dist/**"],
          pool: "threads",
          isolate: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "isolated",
          include: ["test/**/*.isolated.test.ts"],
          exclude: ["test/e2e/**", "node_modules/**", "dist/**"],
          pool: "threads",
          isolate: true,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          pool: "forks",
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
