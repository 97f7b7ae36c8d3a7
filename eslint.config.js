// Lint for what a type-check cannot see: Lit template mistakes (eslint-plugin-lit) and custom-element
// pitfalls (eslint-plugin-wc). TypeScript 7 has no JavaScript API for typescript-eslint's parser yet, so
// Babel parses the sources (syntax only); tsc keeps doing the type-checking.
import babelParser from '@babel/eslint-parser';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';

export default [
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      'demo/angular/**',
      'demo/**/dist/**',
      '**/*.d.ts',
      '**/*.d.mts',
    ],
  },
  {
    files: ['**/*.ts', '**/*.js', '**/*.mjs'],
    languageOptions: {
      parser: babelParser,
      parserOptions: {
        requireConfigFile: false,
        babelOptions: {
          babelrc: false,
          configFile: false,
          presets: [['@babel/preset-typescript', { allowDeclareFields: true }]],
          plugins: [['@babel/plugin-syntax-decorators', { legacy: true }]],
        },
      },
    },
  },
  lit.configs['flat/recommended'],
  wc.configs['flat/recommended'],
];
