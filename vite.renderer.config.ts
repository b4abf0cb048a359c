import { defineConfig } from 'vite';

/** The React renderer, served from the app's own protocol; relative base so it loads from any root. */
export default defineConfig({
  root: 'renderer',
  base: './',
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
  },
  oxc: { jsx: { runtime: 'automatic' } },
});
