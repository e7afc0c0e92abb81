// Flat config: recommended rules, type-only imports, and the dependency direction of STYLE.md.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
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
      group: ["**/graph/**", "**/api/**", "**/cli/**", "**/ingest/**", "**/log.js", "**/config/**", "**/import.js"],
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
);
