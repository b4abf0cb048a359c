import { builtinModules } from 'node:module';
import { defineConfig } from 'vite';

/** The main process: one CommonJS bundle for Electron's Node side; native and Electron modules stay external. */
export default defineConfig({
  build: {
    ssr: 'main/app/index.ts',
    outDir: 'dist/main',
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    rollupOptions: {
      external: ['electron', 'keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { format: 'cjs', entryFileNames: 'index.cjs' },
    },
  },
  ssr: { noExternal: true, external: ['electron', 'keytar'] },
});
