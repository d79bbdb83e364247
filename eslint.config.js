import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["node_modules/", "dist/", "data/", "reports/", "test-results/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always"],
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    // The rules engine is pure: no platform, no chance outside the seeded generator, no clock.
    files: ["shared/rules/**/*.ts"],
    languageOptions: { globals: {} },
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["node:*", "fs", "path", "os", "crypto", "child_process", "worker_threads"],
              message: "shared/rules is pure: no Node built-ins.",
            },
            {
              group: ["phaser", "phaser/*", "@colyseus/*", "colyseus*", "better-sqlite3", "express"],
              message: "shared/rules is pure: no engine, server or store imports.",
            },
          ],
        },
      ],
      "no-restricted-properties": [
        "error",
        {
          object: "Math",
          property: "random",
          message: "Use the seeded generator in the match state (shared/rules/rng.ts).",
        },
        {
          object: "Date",
          property: "now",
          message: "Time reaches the rules as an input, never as a clock read.",
        },
        {
          object: "performance",
          property: "now",
          message: "Time reaches the rules as an input, never as a clock read.",
        },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "NewExpression[callee.name='Date']", message: "No clock reads in shared/rules." },
      ],
    },
  },
);
