/** A server's certificate: the trust question, the hard stop when a pinned one changed, and the security report. */
import type { MessageId } from '../../common/i18n/catalog';
import { t } from '../../common/i18n/t';
import type { ReactNode } from 'react';
import { describeClientCertificateUse, type CertificateInfo, type SecurityReport } from '../../common/models/security';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { formatDate } from '../state/format';
import { protocolName } from '../state/sites-model';
import { Icon } from './icons';
import { Modal } from './modal';
import { RichText } from './rich-text';

function CertificateFacts({ certificate }: { readonly certificate: CertificateInfo }): ReactNode {
  const dispatcher = useDispatcher();
  return (
    <dl className="facts">
      <dt>{t('dialogs.cert.subject')}</dt>
      <dd>{certificate.subject}</dd>
      <dt>{t('dialogs.cert.issuer')}</dt>
      <dd>
        {certificate.issuer}
        {certificate.selfSigned ? <span className="pill warn">{t('dialogs.cert.selfSigned')}</span> : null}
      </dd>
      <dt>{t('dialogs.cert.valid')}</dt>
      <dd>
        {formatDate(certificate.validFrom)} – {formatDate(certificate.validTo)}
      </dd>
      {certificate.subjectAltNames.length > 0 && (
        <>
          <dt>{t('dialogs.cert.names')}</dt>
          <dd>{certificate.subjectAltNames.join(', ')}</dd>
        </>
      )}
      <dt>{t('dialogs.cert.sha256')}</dt>
      <dd className="fingerprint">
        <code>{certificate.fingerprintSha256}</code>
        <button type="button" className="icon-button subtle" aria-label={t('dialogs.cert.copyFingerprint')} onClick={() => void dispatcher.notices.copyText(certificate.fingerprintSha256)}>
          <Icon name="copy" />
        </button>
      </dd>
      <dt>{t('dialogs.cert.serial')}</dt>
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
      title={changed ? t('dialogs.cert.changedTitle') : t('dialogs.cert.unknownTitle')}
      onClose={() => answer('reject')}
      initialFocus={changed ? '.cancel-button' : '.once-button'}
      footer={
        <>
          <button type="button" className="button cancel-button" onClick={() => answer('reject')}>
            {t('common.cancel')}
          </button>
          <span className="spacer" />
          <button type="button" className={`button${changed ? ' danger' : ''}`} onClick={() => answer('always')}>
            {t('dialogs.cert.alwaysTrust')}
          </button>
          <button type="button" className={`button once-button${changed ? '' : ' primary'}`} onClick={() => answer('once')}>
            {t('dialogs.cert.trustOnce')}
          </button>
        </>
      }
    >
      {changed ? (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <div>
            <strong>{t('dialogs.cert.differs', { server: `${q.host}:${q.port}` })}</strong>
            <p>{t('dialogs.cert.interceptContinue')}</p>
            <dl className="facts compact">
              <dt>{t('dialogs.cert.trustedBefore')}</dt>
              <dd className="fingerprint">
                <code>{q.previousFingerprint}</code>
              </dd>
              <dt>{t('dialogs.cert.presentedNow')}</dt>
              <dd className="fingerprint">
                <code>{q.certificate.fingerprintSha256}</code>
              </dd>
            </dl>
          </div>
        </div>
      ) : (
        <p className="lead">
          <RichText id="dialogs.cert.notTrusted" values={{ server: `${q.host}:${q.port}` }} strong={['server']} />
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
      title={t('dialogs.cert.changedTitle')}
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
            {t('dialogs.cert.forget')}
          </button>
          <span className="spacer" />
          <button type="button" className="button primary cancel-button" onClick={close}>
            {t('common.cancel')}
          </button>
        </>
      }
    >
      <div className="banner danger" role="alert">
        <Icon name="warning" />
        <div>
          <strong>{t('dialogs.cert.differsNothingSent', { server: `${dialog.host}:${dialog.port}` })}</strong>
          <p>{t('dialogs.cert.interceptForget')}</p>
        </div>
      </div>
      <dl className="facts">
        <dt>{t('dialogs.cert.trustedBefore')}</dt>
        <dd className="fingerprint">
          <code>{dialog.pinned}</code>
        </dd>
        <dt>{t('dialogs.cert.presentedNow')}</dt>
        <dd className="fingerprint">
          <code className="bad">{dialog.presented}</code>
        </dd>
      </dl>
    </Modal>
  );
}

/** How the session reads modification times, for the security report. */
function listingTimesWords(times: NonNullable<SecurityReport['listingTimes']>): string {
  if (times.format === 'mlsd') return t('dialogs.security.times.mlsd');
  return t('dialogs.security.times.list', { offset: `${times.offsetMinutes > 0 ? '+' : ''}${times.offsetMinutes}`, source: times.source });
}

/** "Yes"/"No"/"Not yet known" for a report row. */
function yesNo(value: boolean | null): string {
  if (value === null) return t('dialogs.security.notYetKnown');
  return value ? t('dialogs.security.yes') : t('dialogs.security.no');
}

const TRUST_WORDS: Record<NonNullable<SecurityReport['certificateTrust']> | 'none', MessageId> = {
  'ca-valid': 'dialogs.security.trust.caValid',
  pinned: 'dialogs.security.trust.pinned',
  'accepted-once': 'dialogs.security.trust.once',
  untrusted: 'dialogs.security.trust.untrusted',
  none: 'dialogs.security.trust.none',
};

/** Why the certificate is (not) trusted, in words. */
function trustWords(report: SecurityReport): string {
  return t(TRUST_WORDS[report.certificateTrust ?? 'none']);
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
      title={t('dialogs.security.title', { label: dialog.label })}
      onClose={close}
      footer={
        <button type="button" className="button primary" onClick={close}>
          {t('common.close')}
        </button>
      }
    >
      <dl className="facts report">
        {row(t('dialogs.security.server'), `${r.host.includes(':') ? `[${r.host}]` : r.host}:${r.port}`)}
        {row(t('dialogs.security.protocol'), protocolName(r.mode), r.mode !== 'plain')}
        {row(t('dialogs.security.tlsVersion'), r.tlsVersion ?? t('dialogs.security.none'), r.tlsVersion !== null)}
        {row(t('dialogs.security.cipher'), r.cipher ?? t('dialogs.security.none'))}
        {row(t('dialogs.security.credentials'), yesNo(r.credentialsEncrypted), r.credentialsEncrypted)}
        {row(t('dialogs.security.data'), yesNo(r.dataProtected), r.dataProtected)}
        {row(t('dialogs.security.reused'), yesNo(r.dataTlsSessionReused), r.dataTlsSessionReused)}
        {r.listingTimes && row(t('dialogs.security.listingTimes'), listingTimesWords(r.listingTimes))}
        {row(t('dialogs.security.certificate'), trustWords(r), r.certificateTrust === 'ca-valid' || r.certificateTrust === 'pinned' ? true : r.certificateTrust === 'accepted-once' ? null : false)}
        {r.clientCertificate && row(t('dialogs.security.clientCertificate'), describeClientCertificateUse(r.clientCertificate))}
        {r.proxy && row(t('dialogs.security.proxy'), r.proxy.via === 'direct' ? t('dialogs.security.direct') : `${r.proxy.via} (${r.proxy.source})`)}
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
          <summary>{t('dialogs.security.certificateDetails')}</summary>
          <CertificateFacts certificate={r.certificate} />
        </details>
      )}
      {r.serverBanner && <p className="mono small muted">{t('dialogs.security.banner', { banner: r.serverBanner })}</p>}
    </Modal>
  );
}
