/** Always-trusted (pinned) server certificates: the list, removing one, forgetting a changed one. */
import { t } from '../../common/i18n/t';
import { wharf } from './api';
import type { NoticesController } from './notices';
import type { Stores } from './stores';

/** Reads and removes pinned certificates; the list lives in the `sites` store. */
export class CertificatesController {
  constructor(
    private readonly stores: Pick<Stores, 'sites'>,
    private readonly notices: NoticesController,
  ) {}

  /** Reads the always-trusted (pinned) certificates for their list. */
  async load(): Promise<void> {
    const result = await wharf().certificatesList({});
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.trustedCertificates'));
    this.stores.sites.update((s) => ({ ...s, pinned: result.value }));
  }

  /** Stops always trusting a server's certificate: the next connection asks again. */
  async remove(host: string, port: number): Promise<void> {
    const result = await wharf().certificatesRemove({ host, port });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.removeCertificate'));
    this.notices.notify('info', t('notices.certificateRemoved.title'), t('notices.certificateRemoved.message', { host, port }));
    await this.load();
  }

  /** Forgets the certificate pinned for a server, so the next connection asks about the new one. */
  async forget(host: string, port: number): Promise<void> {
    const result = await wharf().certificatesRemove({ host, port });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.forgetCertificate'));
    this.notices.notify('info', t('notices.certificateForgotten.title'), t('notices.certificateForgotten.message', { host, port }));
  }
}
