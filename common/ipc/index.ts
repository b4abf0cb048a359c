/** The IPC contract and its validators, as one import for main, preload, the renderer and the bridge. */
export * from './contract';
export * from './schemas';
