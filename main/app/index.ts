/**
 * The Electron main entry (built by vite.main.config.ts into dist/main/index.cjs). Everything happens in
 * start.ts; `wharfApp` is exported so the main-bundle tests can await the started app.
 */
import { app } from 'electron';
import { startWharfApp, type WharfApp } from './start';

/** The started app, or null when another instance was already running. */
export const wharfApp: Promise<WharfApp | null> = startWharfApp({ mainDir: __dirname });

wharfApp.catch((err: unknown) => {
  console.error('Wharf could not start:', err);
  app.exit(1);
});
