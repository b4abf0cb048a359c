/** A server's certificate: the trust question, the hard stop when a pinned one changed, and the security report. */
import type { ReactNode } from 'react';
import { describeClientCertificateUse, type CertificateInfo, type SecurityReport } from '../../common/models/security';
import { PROTOCOL_NAMES } from '../../common/models/site';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatDate } from '../state/format';
import { trustWords, yesNo } from '../state/session-model';
import { Icon } from './icons';
import { Modal } from './modal';

function CertificateFacts({ certificate }: { readonly certificate: CertificateInfo }): ReactNode {
  const dispatcher = useDispatcher();
  return (
    <dl className="facts">
      <dt>Subject</dt>
      <dd>{certificate.subject}</dd>
      <dt>Issuer</dt>
      <dd>
        {certificate.issuer}
        {certificate.selfSigned ? <span className="pill warn">self-signed</span> : null}
      </dd>
      <dt>Valid</dt>
      <dd>
        {formatDate(certificate.validFrom)} – {formatDate(certificate.validTo)}
      </dd>
      {certificate.subjectAltNames.length > 0 && (
        <>
          <dt>Names</dt>
          <dd>{certificate.subjectAltNames.join(', ')}</dd>
        </>
      )}
      <dt>SHA-256</dt>
      <dd className="fingerprint">
        <code>{certificate.fingerprintSha256}</code>
        <button type="button" className="icon-button subtle" aria-label="Copy fingerprint" onClick={() => void dispatcher.notices.copyText(certificate.fingerprintSha256)}>
          <Icon name="copy" />
        </button>
      </dd>
      <dt>Serial</dt>
      <dd className="mono small">{certificate.serialNumber}</dd>
    </dl>
  );
}

export function CertificateDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'certificate' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const changed = q.previousFingerprint !== null;
  const answer = (decision: 'once' | 'always' | 'reject') => void dispatcher.dialogs.answerCertificate(q.id, decision);
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone={changed ? 'danger' : 'warning'}
      className="certificate-dialog"
      title={changed ? 'The server’s certificate has changed' : 'Unknown certificate'}
      onClose={() => answer('reject')}
      initialFocus={changed ? '.cancel-button' : '.once-button'}
      footer={
        <>
          <button type="button" className="button cancel-button" onClick={() => answer('reject')}>
            Cancel
          </button>
          <span className="spacer" />
          <button type="button" className={`button${changed ? ' danger' : ''}`} onClick={() => answer('always')}>
            Always trust
          </button>
          <button type="button" className={`button once-button${changed ? '' : ' primary'}`} onClick={() => answer('once')}>
            Trust once
          </button>
        </>
      }
    >
      {changed ? (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <div>
            <strong>
              {q.host}:{q.port} presented a different certificate than the one you chose to always trust.
            </strong>
            <p>This can mean someone is intercepting the connection. Only continue if the administrator told you the certificate was replaced.</p>
            <dl className="facts compact">
              <dt>Trusted before</dt>
              <dd className="fingerprint">
                <code>{q.previousFingerprint}</code>
              </dd>
              <dt>Presented now</dt>
              <dd className="fingerprint">
                <code>{q.certificate.fingerprintSha256}</code>
              </dd>
            </dl>
          </div>
        </div>
      ) : (
        <p className="lead">
          The certificate of <strong>{q.host}:{q.port}</strong> is not trusted. Nothing has been sent to the server yet.
        </p>
      )}
      <p className="reason">
        <Icon name="warning" /> <span>{q.reason}</span>
      </p>
      <CertificateFacts certificate={q.certificate} />
    </Modal>
  );
}

export function CertificateChangedDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'certificate-changed' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.dialogs.close(dialog.id);
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      className="certificate-dialog"
      title="The server’s certificate has changed"
      onClose={close}
      initialFocus=".cancel-button"
      footer={
        <>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              close();
              void dispatcher.certificates.forget(dialog.host, dialog.port);
            }}
          >
            Forget the old certificate
          </button>
          <span className="spacer" />
          <button type="button" className="button primary cancel-button" onClick={close}>
            Cancel
          </button>
        </>
      }
    >
      <div className="banner danger" role="alert">
        <Icon name="warning" />
        <div>
          <strong>
            {dialog.host}:{dialog.port} presented a different certificate than the one you chose to always trust. Nothing was sent.
          </strong>
          <p>This can mean someone is intercepting the connection. Only forget the old certificate if the server’s administrator told you it was replaced.</p>
        </div>
      </div>
      <dl className="facts">
        <dt>Trusted before</dt>
        <dd className="fingerprint">
          <code>{dialog.pinned}</code>
        </dd>
        <dt>Presented now</dt>
        <dd className="fingerprint">
          <code className="bad">{dialog.presented}</code>
        </dd>
      </dl>
    </Modal>
  );
}

/** How the session reads modification times, for the security report. */
function listingTimesWords(times: NonNullable<SecurityReport['listingTimes']>): string {
  if (times.format === 'mlsd') return 'UTC (MLSD)';
  const offset = `server clock ${times.offsetMinutes > 0 ? '+' : ''}${times.offsetMinutes} min from UTC`;
  return `LIST, ${offset} (${times.source === 'detected' ? 'detected from MDTM and saved with the site' : "the site's timezone offset"})`;
}

export function SecurityReportDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'security-report' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const r = dialog.report;
  const close = () => dispatcher.dialogs.close(dialog.id);
  const row = (label: string, value: ReactNode, good?: boolean | null) => (
    <>
      <dt>{label}</dt>
      <dd className={good === true ? 'good' : good === false ? 'bad' : ''}>{value}</dd>
    </>
  );
  return (
    <Modal
      top={top}
      className="security-dialog"
      title={`Security of ${dialog.label}`}
      onClose={close}
      footer={
        <button type="button" className="button primary" onClick={close}>
          Close
        </button>
      }
    >
      <dl className="facts report">
        {row('Server', `${r.host.includes(':') ? `[${r.host}]` : r.host}:${r.port}`)}
        {row('Protocol', PROTOCOL_NAMES[r.mode], r.mode !== 'plain')}
        {row('TLS version', r.tlsVersion ?? 'none', r.tlsVersion !== null)}
        {row('Cipher', r.cipher ?? 'none')}
        {row('Credentials encrypted', yesNo(r.credentialsEncrypted), r.credentialsEncrypted)}
        {row('Data protected', yesNo(r.dataProtected), r.dataProtected)}
        {row('TLS session reused', yesNo(r.dataTlsSessionReused), r.dataTlsSessionReused)}
        {r.listingTimes && row('Listing times', listingTimesWords(r.listingTimes))}
        {row('Certificate', trustWords(r), r.certificateTrust === 'ca-valid' || r.certificateTrust === 'pinned' ? true : r.certificateTrust === 'accepted-once' ? null : false)}
        {r.clientCertificate && row('Client certificate', describeClientCertificateUse(r.clientCertificate))}
        {r.proxy && row('Proxy', r.proxy.via === 'direct' ? 'none (direct connection)' : `${r.proxy.via} (${r.proxy.source})`)}
      </dl>
      <p className="muted">{r.trustExplanation}</p>
      {r.warnings.length > 0 && (
        <ul className="warnings">
          {r.warnings.map((w) => (
            <li key={w}>
              <Icon name="warning" /> {w}
            </li>
          ))}
        </ul>
      )}
      {r.certificate && (
        <details>
          <summary>Certificate details</summary>
          <CertificateFacts certificate={r.certificate} />
        </details>
      )}
      {r.serverBanner && <p className="mono small muted">Banner: {r.serverBanner}</p>}
    </Modal>
  );
}
