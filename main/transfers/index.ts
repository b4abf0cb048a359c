/** The transfer queue's public API for main/app (IPC) and the CLI. Plain Node; no Electron. */
export { TransferQueue } from './transfer-queue';
export type { AddResult, AddTransferRequest, TransferQueueOptions } from './transfer-queue';
export { DEFAULT_EXPANSION_BUDGET, goOnPastBudget } from './expand';
export type { BudgetExceeded, ExpansionBudget, OnBudgetExceeded } from './expand';
export { linkLeavingFolder } from './local-target';
export { TransferScheduler, clampConcurrency } from './transfer-scheduler';
export type { MoveTarget, NewTransferItem, TransferSchedulerOptions } from './transfer-scheduler';
export type { OverwriteConflict, TransferOutcome, TransferRunContext, TransferRunner } from './transfer-runner';
export type { SessionFactory, TransferSession } from './transfer-session';
export { FtpsTransferRunner } from './ftps-transfer-runner';
export { ConnectionPool } from './connection-pool';
export { TokenBucket } from './speed-limit';
export { decideOverwrite, findFreeName, numberedName } from './overwrite';
export { classifyFailure, DEFAULT_RETRY_OPTIONS } from './retry-policy';
export type { RetryOptions } from './retry-policy';
export { loadQueueFile, saveQueueFile } from './queue-file';
export { systemClock } from './clock';
export type { Clock } from './clock';
