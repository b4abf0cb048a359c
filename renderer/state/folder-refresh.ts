import type { FoldersChanged } from '../../common/ipc/payloads';

/**
 * Whether a pane showing `shown` must list again after transfers wrote into `changed`: the folder itself
 * or any folder below it (a folder upload adds `project/` to the listing of its parent, and a pane shows a
 * folder's size and time).
 */
export function showsChangedFolder(shown: string | null, separator: string, changed: FoldersChanged['folders']): boolean {
  if (shown === null) return false;
  const prefix = shown.endsWith(separator) ? shown : shown + separator;
  return changed.some((folder) => folder === shown || folder.startsWith(prefix));
}

/**
 * Runs a pane's refresh at most once at a time: a request while one runs asks for one more run after it,
 * so a burst of finished transfers costs at most two listings and the last one sees every change.
 */
export class CoalescedRefresh {
  private running = false;
  private again = false;

  constructor(private readonly refresh: () => Promise<unknown>) {}

  request(): void {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    void this.refresh().finally(() => {
      this.running = false;
      if (this.again) {
        this.again = false;
        this.request();
      }
    });
  }
}
