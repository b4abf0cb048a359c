/** Folder compare and sync: pure comparison and planning, the I/O around them and the IPC service (`wharf sync` lives in main/cli). */
export { compareTimes, compareTrees, matchKey, summarize } from './compare';
export type { CompareRules, TimePrecision, TreeEntry } from './compare';
export { compareFolders, localJoin, remoteJoin, walkLocal, walkRemote } from './compare-folders';
export type { CompareFoldersOptions, CompareSession } from './compare-folders';
export { actionId, planSync } from './plan';
export type { PlanOptions } from './plan';
export { runSyncPlan } from './run';
export type { RunSyncOptions, SyncQueue, SyncRemote } from './run';
export { FileSyncStateStore, MemorySyncStateStore, syncPairKey } from './sync-state';
export type { SyncStateStore } from './sync-state';
export { SyncService } from './service';
export type { SyncServiceDeps, SyncSession } from './service';
