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
      output: { format: 'cjs', entryFileNames: 'wharf.cjs' },
    },
  },
  ssr: { noExternal: true, external: ['keytar'] },
});
