// Layer rules after VS Code's common / node / electron-main / browser split: a wrong import fails lint.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { builtinModules } from 'node:module';
import { dirname, isAbsolute, relative as relativePath, resolve as resolvePath, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { uiTextPlugin } from './eslint-rules/ui-text.js';
import { UI_TEXT_PENDING } from './eslint-rules/ui-text-pending.js';

const nodeModules = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

const noElectron = { name: 'electron', message: 'Only main/app/ and preload/ import electron.' };

/**
 * The folders of main/ in layers: each may import the folders listed for it (and common/), nothing above.
 * main/app is the top and may import everything. Read it bottom-up: core (WharfError) is below everything and
 * imports nothing of ours but common/; ftps, the keychain and local files know only core; the queue and
 * sites build on ftps; sync and the doctor on those; services serve the window over
 * IPC; cli and app are the two programs.
 */
const MAIN_LAYERS = {
  core: [],
  ftps: ['core'],
  connections: ['core', 'ftps', 'sites'],
  credentials: ['core'],
  'local-fs': ['core'],
  transfers: ['core', 'ftps'],
  sites: ['core', 'ftps', 'credentials'],
  sync: ['core', 'ftps', 'connections', 'credentials', 'local-fs', 'transfers', 'sites'],
  doctor: ['core', 'ftps', 'connections', 'credentials', 'local-fs', 'transfers', 'sites'],
  services: ['core', 'ftps', 'connections', 'credentials', 'local-fs', 'transfers', 'sites', 'sync', 'doctor'],
  cli: ['core', 'ftps', 'connections', 'credentials', 'local-fs', 'transfers', 'sites', 'sync', 'doctor', 'services'],
};

const mainRoot = resolvePath(dirname(fileURLToPath(import.meta.url)), 'main');

/** The folder of main/ a file or import target is in ('ftps', 'app', ...), or null outside main/. */
function mainFolderOf(path) {
  const rel = relativePath(mainRoot, path);
  if (rel.startsWith('..') || isAbsolute(rel)) return null;
  const [folder, ...rest] = rel.split(sep);
  return rest.length > 0 ? folder : null;
}

/** True when a relative import names a folder of main/ (or its index.ts) instead of a module in it. */
function importsMainFolder(fromFile, spec) {
  const target = resolvePath(dirname(fromFile), spec);
  const rel = relativePath(mainRoot, target);
  if (rel.startsWith('..') || isAbsolute(rel) || rel === '') return false;
  const parts = rel.split(sep);
  return parts.length === 1 || (parts.length === 2 && parts[1] === 'index');
}

const layersPlugin = {
  rules: {
    // main/ has no index files (main/app/index.ts is the app's entry, not an API): every import names the module it uses.
    'no-folder-imports': {
      meta: { type: 'problem', schema: [], messages: { folder: "Import the module itself ('{{spec}}/<module>'): main/'s folders have no index files." } },
      create(context) {
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.') || !importsMainFolder(context.filename, spec)) return;
          context.report({ node: node.source, messageId: 'folder', data: { spec: spec.replace(/\/index$/, '') } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
    'main-layers': {
      meta: {
        type: 'problem',
        schema: [],
        messages: {
          upward: 'main/{{from}} may not import main/{{to}}: the layers (eslint.config.js MAIN_LAYERS) allow {{allowed}}.',
          unplaced: 'main/{{from}} has no place in the layers: add it to MAIN_LAYERS in eslint.config.js.',
        },
      },
      create(context) {
        const from = mainFolderOf(context.filename);
        if (from === null || from === 'app') return {};
        if (!(from in MAIN_LAYERS)) return { Program: (node) => context.report({ node, messageId: 'unplaced', data: { from } }) };
        const check = (node) => {
          const spec = node.source?.value;
          if (typeof spec !== 'string' || !spec.startsWith('.')) return;
          const to = mainFolderOf(resolvePath(dirname(context.filename), spec));
          if (to === null || to === from || MAIN_LAYERS[from].includes(to)) return;
          const allowed = MAIN_LAYERS[from].length > 0 ? MAIN_LAYERS[from].join(', ') : 'none';
          context.report({ node: node.source, messageId: 'upward', data: { from, to, allowed } });
        };
        return { ImportDeclaration: check, ExportNamedDeclaration: check, ExportAllDeclaration: check, ImportExpression: check };
      },
    },
  },
};

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
    // Every file of ours, not main/ alone: a test, a script or the renderer that imports a folder of main/ is as wrong.
    files: ['main/**', 'test/**', 'scripts/**', 'renderer/**', 'preload/**', 'common/**', 'bin/**'],
    plugins: { wharf: layersPlugin },
    rules: { 'wharf/no-folder-imports': 'error' },
  },
  {
    files: ['main/**'],
    rules: { 'wharf/main-layers': 'error' },
  },
  {
    // Text people read comes from common/i18n's catalogue (#19).
    files: ['renderer/**/*.tsx'],
    ignores: UI_TEXT_PENDING,
    plugins: { 'wharf-text': uiTextPlugin },
    rules: { 'wharf-text/no-literal-jsx-text': 'error' },
  },
  {
    files: ['main/**/*.ts'],
    ignores: UI_TEXT_PENDING,
    plugins: { 'wharf-text': uiTextPlugin },
    // The fields and lists of common/models whose text people read (compare rows, sync plans and runs, errors).
    rules: { 'wharf-text/no-literal-message': ['error', { sinks: ['invalidInput'], properties: ['explanation', 'reason', 'warning', 'note', 'message', 'hint'], lists: ['notes', 'warnings'] }] },
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
