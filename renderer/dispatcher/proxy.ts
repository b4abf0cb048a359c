/** The app-wide proxy setting. */
import { t } from '../../common/i18n/t';
import type { ProxySettings, ProxySettingsInput } from '../../common/models/proxy';
import { wharf } from './api';
import type { NoticesController } from './notices';

/** Reads and saves the proxy every connection without its own uses. */
export class ProxyController {
  constructor(private readonly notices: NoticesController) {}

  /** The app-wide proxy setting, or null when it cannot be read (the failure is reported). */
  async load(): Promise<ProxySettings | null> {
    const result = await wharf().proxySettingsGet({});
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.proxy'));
      return null;
    }
    return result.value;
  }

  /** Saves the app-wide proxy setting; true when saved. */
  async save(input: ProxySettingsInput): Promise<boolean> {
    const result = await wharf().proxySettingsSet(input);
    if (!result.ok) {
      this.notices.report(result.error, t('rendererWords.context.proxy'));
      return false;
    }
    this.notices.notify('info', t('notices.proxySaved.title'), t('notices.proxySaved.message'));
    return true;
  }
}
