/** Where `move` puts the selected items. */
export type MoveTarget = 'up' | 'down' | 'top' | 'bottom';

/**
 * What the user does to queued items, declared once: the scheduler implements it, `TransferQueue.controls`
 * hands it out, and the IPC API, the CLI and sync call it as it is (no layer re-declares each method).
 */
export interface QueueControls {
  /** Pauses items: queued ones stay put, running ones stop their data connection and keep their offset. */
  pause(ids: readonly string[]): void;
  /** Puts paused items back in the queue; a started one continues from its byte offset. */
  resume(ids: readonly string[]): void;
  /** Stops items for good: they fail with kind `cancelled` (retry brings them back). */
  cancel(ids: readonly string[]): void;
  /** Queues failed items again with a fresh attempt count; all failed ones when `ids` is omitted. */
  retry(ids?: readonly string[]): void;
  /** Removes items; an unfinished download's recorded temporary file goes too, and an unfinished upload's `.wharf-part` on the server. */
  remove(ids: readonly string[]): void;
  /** Removes done and skipped items in one pass (a long queue's "clear finished"). */
  removeFinished(): void;
  /** Moves the selected items one step up or down, or to the top or bottom, keeping their relative order. */
  move(ids: readonly string[], target: MoveTarget): void;
  /** Pauses the whole queue: running transfers stop (and become paused), nothing new starts. */
  pauseAll(): void;
  /** Resumes the whole queue and every paused item. */
  resumeAll(): void;
}
