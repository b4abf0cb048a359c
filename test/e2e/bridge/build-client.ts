import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/** The page-side bridge's entry file. */
export const BRIDGE_CLIENT_ENTRY = fileURLToPath(new URL('./client-entry.ts', import.meta.url));

let cached: Promise<string> | null = null;

/**
 * Bundles the page-side bridge (client.ts and the contract's method list) into one classic script, in
 * memory: the host serves it, and a Playwright test may also pass it to `page.addInitScript`. Built once
 * per process.
 */
export function buildBridgeClient(): Promise<string> {
  cached ??= (async () => {
    const result = await build({
      configFile: false,
      logLevel: 'silent',
      build: {
        write: false,
        emptyOutDir: false,
        minify: false,
        sourcemap: false,
        target: 'chrome120',
        lib: { entry: BRIDGE_CLIENT_ENTRY, formats: ['iife'], name: 'wharfBridge', fileName: () => 'bridge.js' },
      },
    });
    const outputs = Array.isArray(result) ? result : [result];
    for (const out of outputs) {
      if (!('output' in out)) continue;
      for (const chunk of out.output) {
        if (chunk.type === 'chunk' && chunk.isEntry) return chunk.code;
      }
    }
    throw new Error('The bridge client build produced no script.');
  })();
  return cached;
}
