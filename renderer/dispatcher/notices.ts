/** Notices: errors shown the way their kind asks, messages, and closing them. */
import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models/errors';
import { describeError } from '../state/errors';
import { addNotice, dismissNotice, type Notice } from '../state/ui-model';
import type { PaneSide } from '../state/pane-model';
import { wharf } from './api';
import type { Stores } from './stores';

/** Shows and closes notices in the `ui` store. */
export class NoticesController {
  private nextNotice = 1;

  constructor(private readonly stores: Pick<Stores, 'ui' | 'paneFailures'>) {}

  /** Shows an error the way its kind asks. */
  report(error: WharfErrorData, context?: string): void {
    const view = describeError(error);
    const notice: Notice = {
      id: this.nextNotice++,
      level: error.kind === 'cancelled' ? 'info' : 'error',
      title: context ? t('notices.title', { context, title: view.title }) : view.title,
      message: view.message,
      hint: view.hint,
      chooseFolder: view.offerChooseFolder,
      proxySettings: view.offerProxySettings,
    };
    this.stores.ui.update((u) => addNotice(u, notice));
  }

  /** Shows the error of a pane's action in that pane, with Retry, and as a notice aside. */
  reportInPane(side: PaneSide, action: string, error: WharfErrorData, retry: () => Promise<boolean>, listing = false): void {
    this.stores.paneFailures.fail(side, { action, error, retry, listing });
    this.report(error, action);
  }

  /** Shows a message. */
  notify(level: Notice['level'], title: string, message: string): void {
    const id = this.nextNotice++;
    this.stores.ui.update((u) => addNotice(u, { id, level, title, message, hint: null, chooseFolder: false, proxySettings: false }));
    if (level === 'info' || level === 'success') setTimeout(() => this.dismiss(id), 6000);
  }

  /** Closes a notice. */
  dismiss(id: number): void {
    this.stores.ui.update((u) => dismissNotice(u, id));
  }

  /** Copies a text (a fingerprint). */
  async copyText(text: string): Promise<void> {
    const result = await wharf().clipboardWriteText({ text });
    if (!result.ok) this.report(result.error, t('rendererWords.context.copy'));
  }
}
