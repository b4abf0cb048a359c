/**
 * The always-trusted (pinned) certificates: every server whose certificate the user chose to "Always
 * trust", with its SHA-256 fingerprint, subject and the date it was trusted. Removing one makes the next
 * connection to that server ask again.
 */
import { t } from '../../common/i18n/t';
import { useEffect, type ReactNode } from 'react';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatDate } from '../state/format';
import { Icon } from './icons';
import { Modal } from './modal';
import { RichText } from './rich-text';

/** host:port as people write it (IPv6 in brackets). */
function serverLabel(host: string, port: number): string {
  return `${host.includes(':') ? `[${host}]` : host}:${port}`;
}

/** The list, read from main each time it opens. */
export function CertificatesDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'certificates' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const { pinned } = useStore(dispatcher.stores.sites);
  const close = () => dispatcher.dialogs.close(dialog.id);

  useEffect(() => {
    void dispatcher.certificates.load();
  }, [dispatcher]);

  return (
    <Modal
      top={top}
      className="certificates-dialog"
      title={t('dialogs.certs.title')}
      onClose={close}
      footer={
        <button type="button" className="button primary" onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      <p className="muted">
        <RichText id="dialogs.certs.intro" values={{ always: t('dialogs.cert.alwaysTrust') }} strong={['always']} />
      </p>
      {pinned === null ? (
        <p className="muted">{t('dialogs.certs.loading')}</p>
      ) : pinned.length === 0 ? (
        <div className="empty-list">
          <Icon name="shield" className="big-icon" />
          <p>{t('dialogs.certs.empty')}</p>
        </div>
      ) : (
        <ul className="cert-list" aria-label={t('dialogs.certs.title')}>
          {pinned.map((c) => {
            const server = serverLabel(c.host, c.port);
            return (
              <li key={server} className="cert-item" aria-label={server}>
                <div className="cert-head">
                  <Icon name="lock" />
                  <strong className="cert-server">{server}</strong>
                  <span className="muted small">{formatDate(c.trustedAt) ? t('dialogs.certs.trustedAt', { date: formatDate(c.trustedAt) }) : t('dialogs.certs.trustedUnknown')}</span>
                  <span className="spacer" />
                  <button type="button" className="button small" aria-label={t('dialogs.certs.removeServer', { server })} onClick={() => void dispatcher.certificates.remove(c.host, c.port)}>
                    <Icon name="trash" /> {t('dialogs.certs.remove')}
                  </button>
                </div>
                <dl className="facts compact">
                  <dt>{t('dialogs.cert.subject')}</dt>
                  <dd>{c.subject || '—'}</dd>
                  <dt>{t('dialogs.cert.sha256')}</dt>
                  <dd className="fingerprint">
                    <code>{c.fingerprintSha256}</code>
                    <button type="button" className="icon-button subtle" aria-label={t('dialogs.certs.copyFingerprintOf', { server })} onClick={() => void dispatcher.notices.copyText(c.fingerprintSha256)}>
                      <Icon name="copy" />
                    </button>
                  </dd>
                </dl>
              </li>
            );
          })}
        </ul>
      )}
    </Modal>
  );
}
