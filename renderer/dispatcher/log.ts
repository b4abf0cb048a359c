/** The message log: copy it, save it. */
import { t } from '../../common/i18n/t';
import { logAsText } from '../state/log-model';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { Stores } from './stores';

/** Hands the log's text to the clipboard or a file. */
export class LogController {
  constructor(
    private readonly stores: Pick<Stores, 'log'>,
    private readonly notices: NoticesController,
  ) {}

  /** Copies the log to the clipboard. */
  async copy(): Promise<void> {
    const result = await wharf().clipboardWriteText({ text: logAsText(this.stores.log.get().lines) });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.copy'));
    this.notices.notify('success', t('notices.logCopied.title'), t('notices.logCopied.message', { count: this.stores.log.get().lines.length }));
  }

  /** Saves the log where the user chooses. */
  async save(): Promise<void> {
    const result = await wharf().saveTextFile({ suggestedName: 'wharf-log.txt', text: logAsText(this.stores.log.get().lines) });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.saveLog'));
    if (result.value.savedTo) this.notices.notify('success', t('notices.logSaved.title'), result.value.savedTo);
  }
}
