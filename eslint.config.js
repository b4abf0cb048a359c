// Layer rules after VS Code's common / node / electron-main / browser split: a wrong import fails lint.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = { name: 'electron', message: 'Only main/app/ and preload/ import electron.' };

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'release/**', 'node_modules/**', '.test-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.object.name=/^(it|test|describe)$/][callee.property.name=/^(only|skip|todo)$/]", message: 'Focused or skipped tests never land: CI runs everything.' },
      ],
    },
  },
  {
    files: ['common/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'common/ runs anywhere: no Node modules.' }))],
        patterns: [{ group: ['../../main/*', '../../renderer/*', '../../preload/*', '**/main/**', '**/renderer/**', '**/preload/**'], message: 'common/ imports nothing of ours outside common/.' }],
      }],
    },
  },
  {
    files: ['main/**', 'bin/**', 'test/**', 'scripts/**'],
    // The app tests load main/app with a stand-in electron; renderer unit tests check the renderer's pure state.
    ignores: ['main/app/**', 'test/app/**', 'test/renderer/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/renderer/**', '**/preload/**'], message: 'The engine does not reach into the renderer or preload.' }],
      }],
    },
  },
  {
    files: ['renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: [noElectron, ...nodeModules.map((name) => ({ name, message: 'The renderer has no Node: reach the engine through window.wharf.' }))],
        patterns: [
          { group: ['**/main/**', '**/preload/**'], message: 'The renderer imports common/ only.' },
          // Main validates every payload; a schema module imported here would bundle zod into the page.
          { group: ['zod', '**/*-schema', '**/ipc/schemas'], allowTypeImports: true, message: 'The renderer needs no validators: schemas (and zod) stay in main and common/ipc.' },
        ],
      }],
    },
  },
  {
    files: ['preload/**'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeModules.map((name) => ({ name, message: 'The sandboxed preload can only use electron.' })),
        patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'preload imports common/ and electron only.' }],
      }],
    },
  },
);
