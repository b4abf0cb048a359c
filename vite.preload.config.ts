import { defineConfig } from 'vite';

/** The sandboxed preload can only require('electron'): everything else is bundled into one CommonJS file. */
export default defineConfig({
  build: {
    ssr: 'preload/index.ts',
    outDir: 'dist/preload',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      external: ['electron'],
      output: { format: 'cjs', entryFileNames: 'index.cjs' },
    },
  },
  ssr: { noExternal: true, external: ['electron'] },
});
