// One tool for lint and style: ESLint with typescript-eslint and @stylistic.
import stylistic from "@stylistic/eslint-plugin";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "**/data/**", "artifacts/**", "packages/server/drizzle/**"] },
  ...tseslint.configs.recommended,
  stylistic.configs.customize({ indent: 2, quotes: "double", semi: true, jsx: true, braceStyle: "1tbs", arrowParens: true }),
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/ban-ts-comment": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "@stylistic/max-len": ["error", { code: 130, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreComments: true, ignoreRegExpLiterals: true }],
      "@stylistic/operator-linebreak": ["error", "before", { overrides: { "=": "after" } }],
      "@stylistic/multiline-ternary": "off",
      "@stylistic/quote-props": ["error", "as-needed"],
    },
  },
  {
    // Route handlers parse, call an operation or a query, and present: the database is reached only through those.
    files: ["packages/server/src/**/routes.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: [{ name: "drizzle-orm", message: "Route files call operations and queries; they do not query the database." }],
        patterns: [{ group: ["**/db/schema*", "**/db/client*", "**/db/transaction*"], message: "Route files call operations and queries; they do not reach the database." }],
      }],
    },
  },
);
