// Flat config: recommended rules, type-only imports, the dependency direction of STYLE.md, no import cycle in
// src/ and no function in src/, tools/ or web/src/ over 100 lines.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import { createTypeScriptImportResolver } from "eslint-import-resolver-typescript";
import importX from "eslint-plugin-import-x";
import tseslint from "typescript-eslint";

const PURE_BANS = {
  paths: [
    { name: "neo4j-driver", message: "extract/ and resolve/ are pure: no database." },
    { name: "node:fs", message: "extract/ and resolve/ are pure: no file system." },
    { name: "node:fs/promises", message: "extract/ and resolve/ are pure: no file system." },
    { name: "fs", message: "extract/ and resolve/ are pure: no file system." },
  ],
  patterns: [
    {
      group: ["**/graph/**", "**/api/**", "**/cli/**", "**/ingest/**", "**/log.js", "**/config/**", "**/pipeline/**"],
      message: "extract/ and resolve/ import only domain/ and each other.",
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "web/dist/",
      "node_modules/",
      "web/vendor/",
      "coverage/",
      ".neo4j/",
      "bench/output/",
      "test-output/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    languageOptions: {
      globals: {
        process: "readonly",
        console: "readonly",
        URL: "readonly",
        setTimeout: "readonly",
        clearTimeout: "readonly",
        Buffer: "readonly",
        fetch: "readonly",
        document: "readonly",
        window: "readonly",
      },
    },
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_" },
      ],
    },
  },
  {
    files: ["src/extract/**/*.ts", "src/resolve/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", PURE_BANS],
      "no-restricted-globals": ["error", { name: "process", message: "pure code: no process.env or clock" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [{ group: ["../*", "!./*"], message: "domain/ imports nothing else in src/." }],
          paths: [
            { name: "neo4j-driver", message: "domain/ has no I/O." },
            { name: "node:fs", message: "domain/ has no I/O." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/**/*.ts"],
    ignores: ["src/graph/**", "src/**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "neo4j-driver",
              message: "only src/graph/ imports neo4j-driver (types excepted)",
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // an import cycle makes the load order decide what a module sees (type-only imports vanish at run time and
    // are not followed)
    files: ["src/**/*.ts"],
    plugins: { "import-x": importX },
    settings: {
      "import-x/extensions": [".ts", ".js"],
      "import-x/parsers": { "@typescript-eslint/parser": [".ts"] },
      "import-x/resolver-next": [createTypeScriptImportResolver({ project: "./tsconfig.json" })],
    },
    rules: { "import-x/no-cycle": "error" },
  },
  {
    files: ["src/**/*.ts", "tools/**/*.ts", "web/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    rules: { "max-lines-per-function": ["error", { max: 100, skipBlankLines: true, skipComments: true }] },
  },
);
