// ESLint for the TypeScript sources: typescript-eslint's recommended type-checked rules (`npm run lint:code`).
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/*/src/generated/**'] },
  {
    files: ['packages/*/src/**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // `_`-prefixed names are the house way to drop a value (`const { fix: _, ...rest } = m`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // Exporters implement a Promise-returning contract; one with nothing to await is still correct.
      '@typescript-eslint/require-await': 'off',
    },
  },
);
