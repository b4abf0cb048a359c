import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { tsImport } from 'tsx/esm/api';

const MESSAGES_DIR_MARK = '__WHARF_CLI_MESSAGES_DIR__';

/**
 * One catalogue file per language (dist/cli/messages/<locale>.json) in place of the catalogue modules, which
 * hold every language: a command loads only the language it speaks (main/cli/catalog-texts.ts).
 */
function catalogueFilePerLanguage(): Plugin {
  let marked = 0;
  return {
    name: 'wharf-cli-catalogue-per-language',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== './catalog-texts' || !importer || dirname(importer) !== resolve('common/i18n')) return null;
      return resolve('main/cli/catalog-texts.ts');
    },
    renderChunk(code, chunk) {
      if (!code.includes(MESSAGES_DIR_MARK)) return null;
      marked++;
      // The way from the built file that holds the reader (the entry or a chunk) to the messages folder. Only
      // a string on one line changes length: the source map stays right (null keeps it).
      return { code: code.replaceAll(MESSAGES_DIR_MARK, relative(dirname(chunk.fileName), 'messages').split('\\').join('/')), map: null };
    },
    async generateBundle() {
      if (marked !== 1) this.error(`the catalogue reader should be in one built file, found in ${marked}`);
      // The catalogue as the source has it now (tsx reads the TypeScript; Vite's config loader would warn).
      type Source = typeof import('./common/i18n/catalog-texts') & typeof import('./common/i18n/locale');
      const source = { ...(await tsImport('./common/i18n/catalog-texts.ts', import.meta.url)), ...(await tsImport('./common/i18n/locale.ts', import.meta.url)) } as Source;
      for (const locale of source.TRANSLATED_LOCALES) this.emitFile({ type: 'asset', fileName: `messages/${locale}.json`, source: JSON.stringify(source.catalogTexts(locale)) });
    },
  };
}

/** The `wharf` command line: the same engine as the app, bundled for plain Node. */
export default defineConfig({
  plugins: [catalogueFilePerLanguage()],
  build: {
    ssr: 'main/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    // The catalogue files above are assets, which a server (ssr) build drops unless told.
    ssrEmitAssets: true,
    rollupOptions: {
      external: ['keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      // Commands load what only they use (doctor, sync, saved sites) from chunks of their own: .cjs, as the
      // package is "type": "module" and Node would read .js as ES modules.
      output: { format: 'cjs', entryFileNames: 'wharf.cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: true, external: ['keytar'] },
});
