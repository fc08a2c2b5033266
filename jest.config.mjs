import { createDefaultEsmPreset } from "ts-jest";

/** ts-jest only transpiles (isolatedModules); `npm test` type-checks with tsc first. */
export default {
  ...createDefaultEsmPreset({ tsconfig: "tsconfig.json" }),
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  moduleNameMapper: { "^(\\.{1,2}/.*)\\.js$": "$1" },
  testTimeout: 120000,
};
