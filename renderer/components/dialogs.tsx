/** Most dialogs, and the one switch that draws the dialog stack (the others have their own files). */
import { useState, type ReactNode } from 'react';
import { describeClientCertificateUse, type CertificateInfo, type SecurityReport } from '../../common/models/security';
import { PROTOCOL_NAMES } from '../../common/models/site';
import { visibleName } from '../../common/models/visible-name';
import type { OverwriteChoice } from '../../common/models/transfer';
import type { SiteImportSummary } from '../../common/models/site-profile';
import type { Dialog } from '../state/dialogs';
import { useDispatcher, useStore } from '../hooks';
import { formatBytesExact, formatDate } from '../state/format';
import { validateNewName } from '../state/pane-model';
import { trustWords, yesNo } from '../state/session-model';
import { PLAIN_FTP_WARNING } from '../state/sites-model';
import { CertificatesDialog } from './certificates-dialog';
import { PassphraseDialog, ProxySettingsDialog } from './proxy-settings-dialog';
import { DoctorDialog } from './doctor-dialog';
import { Icon } from './icons';
import { Modal } from './modal';
import { ChoiceDialog, EditedFileDialog, PermissionsDialog, RawCommandDialog } from './remote-dialogs';
import { SiteManager } from './site-manager';
import { SyncDialog } from './sync-dialog';
import { RenameAnswerField, useRenameAnswer } from './rename-answer-field';

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
        <button type="button" className="icon-button subtle" aria-label="Copy fingerprint" onClick={() => void dispatcher.copyText(certificate.fingerprintSha256)}>
          <Icon name="copy" />
        </button>
      </dd>
      <dt>Serial</dt>
      <dd className="mono small">{certificate.serialNumber}</dd>
    </dl>
  );
}

function CertificateDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'certificate' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const changed = q.previousFingerprint !== null;
  const answer = (decision: 'once' | 'always' | 'reject') => void dispatcher.answerCertificate(q.id, decision);
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

function CertificateChangedDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'certificate-changed' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.closeDialog(dialog.id);
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
              void dispatcher.forgetCertificate(dialog.host, dialog.port);
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

const CHOICES: readonly { readonly value: OverwriteChoice; readonly label: string }[] = [
  { value: 'overwrite', label: 'Overwrite' },
  { value: 'overwrite-if-newer', label: 'Overwrite if newer' },
  { value: 'overwrite-if-size-differs', label: 'Overwrite if size differs' },
  { value: 'resume', label: 'Resume' },
  { value: 'rename', label: 'Rename' },
  { value: 'skip', label: 'Skip' },
];

function OverwriteDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'overwrite' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const q = dialog.question;
  const [choice, setChoice] = useState<OverwriteChoice>('overwrite');
  const [all, setAll] = useState(false);
  const rename = useRenameAnswer(q);
  const answer = (c: OverwriteChoice) => {
    if (c !== 'rename') return void dispatcher.answerOverwrite(q.id, c, all);
    if (rename.error === null) void dispatcher.answerOverwrite(q.id, c, all, rename.name.trim());
    else rename.touch();
  };
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="warning"
      className="overwrite-dialog"
      title="The target file already exists"
      onClose={() => answer('skip')}
      initialFocus=".ok-button"
      footer={
        <>
          <label className="check">
            <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
            <span>Apply to all</span>
          </label>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => answer('skip')}>
            Skip
          </button>
          <button type="button" className="button primary ok-button" onClick={() => answer(choice)}>
            OK
          </button>
        </>
      }
    >
      <div className="compare">
        <div>
          <h3>Source ({q.direction === 'upload' ? 'local' : 'remote'})</h3>
          <p className="mono path">{q.sourcePath}</p>
          <p>{formatBytesExact(q.source.size)}</p>
          <p>{formatDate(q.source.modifiedAt) || 'time unknown'}</p>
        </div>
        <div>
          <h3>Target ({q.direction === 'upload' ? 'remote' : 'local'})</h3>
          <p className="mono path">{q.targetPath}</p>
          <p>{formatBytesExact(q.target.size)}</p>
          <p>{formatDate(q.target.modifiedAt) || 'time unknown'}</p>
        </div>
      </div>
      <fieldset className="choices">
        <legend>What should happen?</legend>
        {CHOICES.map((c) => (
          <label key={c.value} className="radio">
            <input type="radio" name={`overwrite-${q.id}`} value={c.value} checked={choice === c.value} onChange={() => setChoice(c.value)} />
            <span>{c.label}</span>
          </label>
        ))}
      </fieldset>
      {choice === 'rename' && <RenameAnswerField answer={rename} onSubmit={() => answer('rename')} />}
    </Modal>
  );
}

/** How the session reads modification times, for the security report. */
function listingTimesWords(times: NonNullable<SecurityReport['listingTimes']>): string {
  if (times.format === 'mlsd') return 'UTC (MLSD)';
  const offset = `server clock ${times.offsetMinutes > 0 ? '+' : ''}${times.offsetMinutes} min from UTC`;
  return `LIST, ${offset} (${times.source === 'detected' ? 'detected from MDTM and saved with the site' : "the site's timezone offset"})`;
}

function SecurityReportDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'security-report' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const r = dialog.report;
  const close = () => dispatcher.closeDialog(dialog.id);
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

function PasswordDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'password' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const [password, setPassword] = useState('');
  const close = () => dispatcher.closeDialog(dialog.id);
  const submit = () => {
    close();
    void dispatcher.connectSite({ id: dialog.siteId, name: dialog.siteName, user: dialog.user, passwordStorage: 'ask', hasPassword: false }, password);
  };
  return (
    <Modal
      top={top}
      title={`Password for ${dialog.siteName}`}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${dialog.id}-form`} className="button primary">
            Connect
          </button>
        </>
      }
    >
      <form
        id={`${dialog.id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>
          Enter the password of <strong>{dialog.user}</strong>. It is used for this connection only and is not saved.
        </p>
        <label className="field">
          <span>Password</span>
          <input type="password" aria-label="Site password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" />
        </label>
      </form>
    </Modal>
  );
}

function PlainFtpDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'plain-ftp' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.closeDialog(dialog.id);
  const testing = dialog.purpose === 'test';
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={testing ? 'Test without encryption?' : 'Connect without encryption?'}
      onClose={close}
      initialFocus=".cancel-button"
      footer={
        <>
          <button type="button" className="button cancel-button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger"
            onClick={() => {
              close();
              if (testing) dispatcher.testQuickConnect({ ...dialog.fields, allowPlain: true });
              else void dispatcher.quickConnect({ ...dialog.fields, allowPlain: true });
            }}
          >
            {testing ? 'Test unencrypted' : 'Connect unencrypted'}
          </button>
        </>
      }
    >
      <div className="banner danger" role="alert">
        <Icon name="unlock" />
        <p>{PLAIN_FTP_WARNING}</p>
      </div>
      <p>
        Choose <strong>{PROTOCOL_NAMES.explicit}</strong> instead if {dialog.fields.host} supports it.
      </p>
    </Modal>
  );
}

function NameDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'new-folder' | 'rename' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const pane = useStore(dispatcher.pane(dialog.side));
  const original = dialog.kind === 'rename' ? dialog.name : '';
  const [name, setName] = useState(dialog.kind === 'rename' ? dialog.name : 'New folder');
  const [touched, setTouched] = useState(false);
  const error = validateNewName(name, pane.entries, original || undefined);
  const close = () => dispatcher.closeDialog(dialog.id);
  const submit = async () => {
    setTouched(true);
    if (error) return;
    const ok = dialog.kind === 'rename' ? await dispatcher.rename(dialog.side, dialog.name, name.trim()) : await dispatcher.mkdir(dialog.side, name.trim());
    if (ok) close();
  };
  const title = dialog.kind === 'rename' ? `Rename “${visibleName(dialog.name)}”` : `New ${dialog.side} folder`;
  return (
    <Modal
      top={top}
      title={title}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="submit" form={`${dialog.id}-form`} className="button primary">
            {dialog.kind === 'rename' ? 'Rename' : 'Create'}
          </button>
        </>
      }
    >
      <form
        id={`${dialog.id}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label className="field">
          <span>{dialog.kind === 'rename' ? 'New name' : 'Folder name'}</span>
          <input
            aria-label={dialog.kind === 'rename' ? 'New name' : 'Folder name'}
            value={name}
            autoFocus
            spellCheck={false}
            onFocus={(e) => {
              const dot = dialog.kind === 'rename' ? e.currentTarget.value.lastIndexOf('.') : -1;
              e.currentTarget.setSelectionRange(0, dot > 0 ? dot : e.currentTarget.value.length);
            }}
            onChange={(e) => {
              setName(e.target.value);
              setTouched(true);
            }}
            aria-invalid={touched && error !== null}
          />
        </label>
        {touched && error && <p className="field-error">{error}</p>}
      </form>
    </Modal>
  );
}

function DeleteDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'delete' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.closeDialog(dialog.id);
  const count = dialog.names.length;
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={count === 1 ? `Delete “${visibleName(dialog.names[0] ?? '')}”?` : `Delete ${count} items?`}
      onClose={close}
      initialFocus=".delete-button"
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button
            type="button"
            className="button danger delete-button"
            onClick={async () => {
              close();
              await dispatcher.remove(dialog.side, dialog.paths, dialog.hasFolders);
            }}
          >
            Delete
          </button>
        </>
      }
    >
      <p>
        {dialog.side === 'remote'
          ? 'These will be deleted from the server. This cannot be undone.'
          : 'These will be moved to the trash (or deleted where there is none).'}
        {dialog.hasFolders ? ' Folders are deleted with everything in them.' : ''}
      </p>
      <ul className="name-list">
        {dialog.names.slice(0, 12).map((n) => (
          <li key={n} className="mono">
            {visibleName(n)}
          </li>
        ))}
        {count > 12 && <li className="muted">…and {count - 12} more</li>}
      </ul>
    </Modal>
  );
}

/** The import dialog's title for each kind of file. */
const IMPORT_TITLES: Readonly<Record<SiteImportSummary['source'], string>> = {
  filezilla: 'Import FileZilla sites',
  winscp: 'Import WinSCP sites',
  cyberduck: 'Import Cyberduck bookmarks',
  wharf: 'Import Wharf sites',
};

function ImportDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'import' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const sites = useStore(dispatcher.sites);
  const s = dialog.preview.summary;
  const keychainOk = sites.keychain?.available ?? false;
  // Ticked by default: a hurried user should not end up with sites that lost their passwords.
  const [storePasswords, setStorePasswords] = useState(true);
  const tlsIfAvailable = s.tlsIfAvailable ?? [];
  const close = () => dispatcher.closeDialog(dialog.id);
  return (
    <Modal
      top={top}
      title={IMPORT_TITLES[s.source]}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={s.sitesFound === 0} onClick={() => void dispatcher.commitImport(dialog.preview.importId, storePasswords && keychainOk)}>
            Import {s.sitesFound} site{s.sitesFound === 1 ? '' : 's'}
          </button>
        </>
      }
    >
      <p className="lead">
        Found <strong>{s.sitesFound}</strong> site{s.sitesFound === 1 ? '' : 's'} in <strong>{s.foldersFound}</strong> folder{s.foldersFound === 1 ? '' : 's'}.
      </p>
      {s.passwordsFound > 0 && (
        <div className="banner warning">
          <Icon name="lock" />
          <div>
            <p>
              The file holds {s.passwordsFound} readable password{s.passwordsFound === 1 ? '' : 's'} ({s.source === 'winscp' ? 'WinSCP only scrambles them' : 'FileZilla stores them unencrypted'}).
            </p>
            <label className="check">
              <input type="checkbox" checked={storePasswords && keychainOk} disabled={!keychainOk} onChange={(e) => setStorePasswords(e.target.checked)} />
              <span>Move {s.passwordsFound === 1 ? 'this password' : `these ${s.passwordsFound} passwords`} to the system keychain</span>
            </label>
            {!keychainOk && <p className="muted">The system keychain is unavailable: these sites will ask for their password on connect.</p>}
            <p className="muted">Consider deleting the original file afterwards.</p>
          </div>
        </div>
      )}
      {s.source === 'cyberduck' && s.sitesFound > 0 && (
        <p className="muted">Cyberduck keeps passwords in the system keychain, not in bookmarks: each site asks for its password when it first connects.</p>
      )}
      {tlsIfAvailable.length > 0 && (
        <div className="banner info" role="note" aria-label="TLS required">
          <Icon name="shield" />
          <div>
            <p>
              {tlsIfAvailable.length === 1 ? 'This site was' : `These ${tlsIfAvailable.length} sites were`} set to <strong>Use explicit FTP over TLS if available</strong>. Wharf imports{' '}
              {tlsIfAvailable.length === 1 ? 'it' : 'them'} as <strong>{PROTOCOL_NAMES.explicit}</strong> with TLS required: a server without TLS will then be refused rather than used in clear.
            </p>
            <ul className="name-list">
              {tlsIfAvailable.map((x, i) => (
                <li key={i}>{[...x.folderPath, x.name].join(' / ')}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {s.skipped.length > 0 && (
        <details open>
          <summary>{s.skipped.length} cannot be imported</summary>
          <ul className="name-list">
            {s.skipped.map((x, i) => (
              <li key={i}>
                <strong>{[...x.folderPath, x.name].join(' / ')}</strong>: {x.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {s.notes.length > 0 && (
        <details>
          <summary>{s.notes.length} note{s.notes.length === 1 ? '' : 's'}</summary>
          <ul className="name-list">
            {s.notes.map((x, i) => (
              <li key={i}>
                <strong>{[...x.folderPath, x.name].join(' / ')}</strong>: {x.note}
              </li>
            ))}
          </ul>
        </details>
      )}
    </Modal>
  );
}

function ConfirmDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'confirm' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const close = () => dispatcher.closeDialog(dialog.id);
  const run = async () => {
    close();
    const action = dialog.action;
    switch (action.kind) {
      case 'delete-site':
        await dispatcher.deleteSite(action.siteId);
        return;
      case 'delete-site-folder':
        await dispatcher.deleteSiteFolder(action.folderPath);
        return;
      default: {
        const never: never = action;
        throw new Error(`unknown action ${String(never)}`);
      }
    }
  };
  return (
    <Modal
      top={top}
      role="alertdialog"
      tone="danger"
      title={dialog.title}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button danger" onClick={() => void run()}>
            {dialog.confirmLabel}
          </button>
        </>
      }
    >
      <p>{dialog.message}</p>
    </Modal>
  );
}

/** Draws one dialog of the stack, switched on its kind. */
export function DialogView({ dialog, top }: { readonly dialog: Dialog; readonly top: boolean }): ReactNode {
  switch (dialog.kind) {
    case 'site-manager':
      return <SiteManager dialog={dialog} top={top} />;
    case 'certificate':
      return <CertificateDialog dialog={dialog} top={top} />;
    case 'overwrite':
      return <OverwriteDialog dialog={dialog} top={top} />;
    case 'edited-file':
      return <EditedFileDialog dialog={dialog} top={top} />;
    case 'choice':
      return <ChoiceDialog dialog={dialog} top={top} />;
    case 'certificate-changed':
      return <CertificateChangedDialog dialog={dialog} top={top} />;
    case 'security-report':
      return <SecurityReportDialog dialog={dialog} top={top} />;
    case 'password':
      return <PasswordDialog dialog={dialog} top={top} />;
    case 'plain-ftp':
      return <PlainFtpDialog dialog={dialog} top={top} />;
    case 'new-folder':
    case 'rename':
      return <NameDialog dialog={dialog} top={top} />;
    case 'delete':
      return <DeleteDialog dialog={dialog} top={top} />;
    case 'import':
      return <ImportDialog dialog={dialog} top={top} />;
    case 'confirm':
      return <ConfirmDialog dialog={dialog} top={top} />;
    case 'permissions':
      return <PermissionsDialog dialog={dialog} top={top} />;
    case 'raw-command':
      return <RawCommandDialog dialog={dialog} top={top} />;
    case 'certificates':
      return <CertificatesDialog dialog={dialog} top={top} />;
    case 'proxy-settings':
      return <ProxySettingsDialog dialog={dialog} top={top} />;
    case 'client-key-passphrase':
      return <PassphraseDialog dialog={dialog} top={top} />;
    case 'doctor':
      return <DoctorDialog dialog={dialog} top={top} />;
    case 'sync':
      return <SyncDialog dialog={dialog} top={top} />;
    default: {
      const never: never = dialog;
      throw new Error(`unknown dialog ${JSON.stringify(never)}`);
    }
  }
}
