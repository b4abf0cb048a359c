/**
 * The always-trusted (pinned) certificates: every server whose certificate the user chose to "Always
 * trust", with its SHA-256 fingerprint, subject and the date it was trusted. Removing one makes the next
 * connection to that server ask again.
 */
import { useEffect, type ReactNode } from 'react';
import { useDispatcher, useStore } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatDate } from '../state/format';
import { Icon } from './icons';
import { Modal } from './modal';

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
      title="Trusted certificates"
      onClose={close}
      footer={
        <button type="button" className="button primary" onClick={close}>
          Close
        </button>
      }
    >
      <p className="muted">
        Certificates you chose to <strong>Always trust</strong>. Wharf connects to these servers without asking as long as they present the same certificate, and warns in red if it
        ever changes.
      </p>
      {pinned === null ? (
        <p className="muted">Loading…</p>
      ) : pinned.length === 0 ? (
        <div className="empty-list">
          <Icon name="shield" className="big-icon" />
          <p>No certificate is always trusted. Choose “Always trust” when Wharf asks about a server’s certificate.</p>
        </div>
      ) : (
        <ul className="cert-list" aria-label="Trusted certificates">
          {pinned.map((c) => {
            const server = serverLabel(c.host, c.port);
            return (
              <li key={server} className="cert-item" aria-label={server}>
                <div className="cert-head">
                  <Icon name="lock" />
                  <strong className="cert-server">{server}</strong>
                  <span className="muted small">trusted {formatDate(c.trustedAt) || 'at an unknown time'}</span>
                  <span className="spacer" />
                  <button type="button" className="button small" aria-label={`Remove ${server}`} onClick={() => void dispatcher.certificates.remove(c.host, c.port)}>
                    <Icon name="trash" /> Remove
                  </button>
                </div>
                <dl className="facts compact">
                  <dt>Subject</dt>
                  <dd>{c.subject || '—'}</dd>
                  <dt>SHA-256</dt>
                  <dd className="fingerprint">
                    <code>{c.fingerprintSha256}</code>
                    <button type="button" className="icon-button subtle" aria-label={`Copy fingerprint of ${server}`} onClick={() => void dispatcher.notices.copyText(c.fingerprintSha256)}>
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
