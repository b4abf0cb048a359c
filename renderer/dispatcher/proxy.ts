/** The app-wide proxy setting. */
import { t } from '../../common/i18n/t';
import { DEFAULT_PROXY_SETTING, PROXY_SETTINGS_DAMAGED, type ProxySettings, type ProxySettingsInput } from '../../common/models/proxy';
import { wharf } from './api';
import type { NoticesController } from './notices';

/** Reads and saves the proxy every connection without its own uses. */
export class ProxyController {
  constructor(private readonly notices: NoticesController) {}

  /**
   * The app-wide proxy setting, or null when it cannot be read (the failure is reported). A damaged file gives the
   * default with the error's words (`damaged`), for the dialog to show: a save writes a good file.
   */
  async load(): Promise<{ readonly settings: ProxySettings; readonly damaged: string | null } | null> {
    const result = await wharf().proxySettingsGet({});
    if (result.ok) return { settings: result.value, damaged: null };
    if (result.error.detail?.['reason'] === PROXY_SETTINGS_DAMAGED) return { settings: { ...DEFAULT_PROXY_SETTING, hasPassword: false }, damaged: result.error.message };
    this.notices.report(result.error, t('rendererWords.context.proxy'));
    return null;
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
