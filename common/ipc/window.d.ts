/**
 * `window.wharf` for the renderer: the preload (Electron) or the bridge script (end-to-end tests) defines
 * it before any page script runs. The renderer imports nothing from preload/; this declaration is all it
 * needs, and it is in common/ so the web tsconfig picks it up.
 */
import type { WharfBridge } from './contract';

declare global {
  interface Window {
    /** The whole API of main: see the top of common/ipc/contract.ts. */
    readonly wharf: WharfBridge;
  }
}
