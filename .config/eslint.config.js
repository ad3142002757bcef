// ESLint owns correctness and boundaries; Prettier owns formatting.
import js from "@eslint/js";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

const noRemixInDomain = {
  paths: [],
  patterns: [
    { group: ["@remix-run/*"], message: "Le domaine ne dépend pas de Remix : il prend des entrées typées simples." },
  ],
};

export default tseslint.config(
  { ignores: ["build/**", "public/build/**", "app/generated/**", "node_modules/**", ".cache/**", "tests/.tmp/**", "test-results/**", "playwright-report/**", "data/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { react, "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    settings: { react: { version: "18" } },
    rules: {
      ...react.configs.recommended.rules,
      ...react.configs["jsx-runtime"].rules,
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
      "react/prop-types": "off",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-explicit-any": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["lucia"], message: "Seul app/auth/ importe lucia (docs/decisions/004)." }] },
      ],
    },
  },
  {
    // Routes reach the database only through the domain.
    files: ["app/routes/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "#app/lib/db.server", message: "Les routes passent par app/domain/, jamais par Prisma." }],
          patterns: [
            { group: ["#app/generated/*", "@prisma/*"], message: "Les routes passent par app/domain/, jamais par Prisma." },
            { group: ["lucia"], message: "Seul app/auth/ importe lucia." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/domain/**"],
    rules: { "no-restricted-imports": ["error", noRemixInDomain] },
  },
  {
    files: ["app/auth/**"],
    rules: { "no-restricted-imports": "off" },
  },
  {
    // Test helpers named use… (useStripeSimulator) are not React hooks.
    files: ["tests/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
);
