import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** The `wharf` command line: the same engine as the app, bundled for plain Node. */
export default defineConfig({
  build: {
    ssr: 'main/cli/main.ts',
    outDir: 'dist/cli',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      external: ['keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      // Commands load what only they use (doctor, sync, saved sites) from chunks of their own: .cjs, as the
      // package is "type": "module" and Node would read .js as ES modules.
      output: { format: 'cjs', entryFileNames: 'wharf.cjs', chunkFileNames: 'chunks/[name]-[hash].cjs' },
    },
  },
  ssr: { noExternal: true, external: ['keytar'] },
});
