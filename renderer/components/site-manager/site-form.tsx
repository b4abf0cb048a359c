/** The form of the selected site: General, Advanced, Connectivity (client certificate, proxy) and Comments. */
import type { ReactNode } from 'react';
import type { SitesListing } from '../../../common/ipc/payloads';
import type { SiteProxyMode } from '../../../common/models/proxy';
import type { DataConnectionMode, FtpsMode, MinTlsVersion } from '../../../common/models/site';
import { ALLOW_CLEAR_DATA_LABEL } from '../../../common/models/site-profile';
import {
  ALLOW_CLEAR_DATA_HINT,
  folderChoices,
  folderKey,
  passwordLeavesItsServer,
  PLAIN_FTP_WARNING,
  PROTOCOL_CHOICES,
  PROTOCOL_HINT,
  UPLOAD_VIA_TEMPORARY_NAME_HINT,
  UPLOAD_VIA_TEMPORARY_NAME_LABEL,
  KEEP_MODIFIED_TIMES_HINT,
  KEEP_MODIFIED_TIMES_LABEL,
  SEGMENTS_CHOICES,
  SEGMENTS_HINT,
  SEGMENTS_LABEL,
  withPort,
  withProtocol,
  type SiteDraft,
} from '../../state/sites-model';
import { Icon } from '../icons';
import type { FormTab } from './use-site-draft';

/** The charsets legacy FTP servers use most, offered in the Charset field. */
const COMMON_CHARSETS = ['utf8', 'latin1', 'windows-1252', 'windows-1250', 'windows-1251', 'iso-8859-2', 'koi8-r', 'shift_jis', 'euc-jp', 'gbk', 'big5', 'euc-kr'];

/** What the shell hands the form: the draft, its setters, and where the site can move. */
export interface SiteFormProps {
  readonly draft: SiteDraft;
  readonly set: <K extends keyof SiteDraft>(key: K, value: SiteDraft[K]) => void;
  readonly setDraft: (change: (d: SiteDraft | null) => SiteDraft | null) => void;
  readonly err: (key: keyof SiteDraft) => string | undefined;
  readonly tab: FormTab;
  readonly setTab: (tab: FormTab) => void;
  readonly keychainAvailable: boolean;
  readonly listing: SitesListing | null;
  /** The Folder field: a new site's draft takes it; a saved site moves at once. */
  readonly onMove: (folderPath: readonly string[]) => void;
}

/** A labelled form field with its hint and its error. */
export function Field({ label, error, children, hint, className }: { readonly label: string; readonly error?: string | undefined; readonly children: ReactNode; readonly hint?: ReactNode; readonly className?: string }): ReactNode {
  return (
    <label className={`field${error ? ' invalid' : ''}${className ? ` ${className}` : ''}`}>
      <span>{label}</span>
      {children}
      {hint}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

/** The site's client certificate (mutual TLS) and proxy (#18). */
function ConnectivityTab({ draft, set, err }: Pick<SiteFormProps, 'draft' | 'set' | 'err'>): ReactNode {
  return (
    <div className="form-grid" role="tabpanel" aria-label="Connectivity">
      <fieldset className="span2">
        <legend>Client certificate</legend>
        <p className="hint">For servers that require mutual TLS: a PEM certificate and its key, or one PKCS#12 file (.p12, .pfx). Sent only when the server asks for one.</p>
        <Field label="Certificate file" error={err('clientCertPath')} className="span2">
          <input aria-label="Client certificate file" value={draft.clientCertPath} spellCheck={false} onChange={(e) => set('clientCertPath', e.target.value)} placeholder="None — /path/to/client.pem or client.p12" />
        </Field>
        <Field label="Key file (PEM)" className="span2">
          <input aria-label="Client key file" value={draft.clientKeyPath} spellCheck={false} onChange={(e) => set('clientKeyPath', e.target.value)} placeholder="Empty for a PKCS#12 file, or a PEM holding both" />
        </Field>
        <Field label="Key passphrase" className="span2">
          <input
            aria-label="Client key passphrase"
            type="password"
            autoComplete="off"
            value={draft.clientKeyPassphrase}
            onChange={(e) => set('clientKeyPassphrase', e.target.value)}
            placeholder="Saved in the keychain; leave empty to keep the saved one or to be asked on connect"
          />
        </Field>
      </fieldset>
      <fieldset className="span2">
        <legend>Proxy</legend>
        <Field label="Connect" className="span2">
          <select aria-label="Proxy" value={draft.proxyMode} onChange={(e) => set('proxyMode', e.target.value as SiteProxyMode)}>
            <option value="app">As the app setting says</option>
            <option value="none">Directly (no proxy)</option>
            <option value="system">Through the system proxy (ALL_PROXY / HTTPS_PROXY)</option>
            <option value="custom">Through this proxy</option>
          </select>
        </Field>
        {draft.proxyMode === 'custom' && (
          <>
            <Field label="Proxy address" error={err('proxyUrl')} className="span2">
              <input aria-label="Proxy address" value={draft.proxyUrl} spellCheck={false} onChange={(e) => set('proxyUrl', e.target.value)} placeholder="socks5://proxy.example:1080 or http://user@proxy.example:3128" />
            </Field>
            <Field label="Proxy password" className="span2">
              <input aria-label="Proxy password" type="password" autoComplete="off" value={draft.proxyPassword} onChange={(e) => set('proxyPassword', e.target.value)} placeholder="Saved in the keychain; leave empty to keep the saved one" />
            </Field>
          </>
        )}
        <p className="hint">Control and passive data connections go through the proxy; active mode cannot, and is refused behind one.</p>
      </fieldset>
    </div>
  );
}

/** The form of one site: its four tabs. */
export function SiteForm({ draft, set, setDraft, err, tab, setTab, keychainAvailable, listing, onMove }: SiteFormProps): ReactNode {
  const folders = folderChoices(listing);
  const saved = draft.id === null ? null : (listing?.sites.find((s) => s.id === draft.id) ?? null);
  const currentFolder = folderKey(draft.folderPath);
  if (!folders.some((f) => f.key === currentFolder)) folders.push({ key: currentFolder, path: draft.folderPath, label: draft.folderPath.join(' / ') });
  return (
    <div className="site-form">
      <div role="tablist" aria-label="Site settings" className="segmented">
        {(['general', 'advanced', 'connectivity', 'comments'] as const).map((t) => (
          <button key={t} type="button" role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} onClick={() => setTab(t)}>
            {t === 'general' ? 'General' : t === 'advanced' ? 'Advanced' : t === 'connectivity' ? 'Connectivity' : 'Comments'}
          </button>
        ))}
      </div>
      {tab === 'general' && (
        <div className="form-grid" role="tabpanel" aria-label="General">
          <Field label="Name" error={err('name')}>
            <input aria-label="Name" value={draft.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field label="Folder" hint={draft.id !== null ? <span className="muted small">moves the site at once</span> : undefined}>
            <select
              aria-label="Folder"
              value={currentFolder}
              onChange={(e) => {
                const choice = folders.find((f) => f.key === e.target.value);
                if (choice) onMove(choice.path);
              }}
            >
              {folders.map((f) => (
                <option key={f.key} value={f.key}>
                  {f.label}
                </option>
              ))}
            </select>
          </Field>
          <Field label="Protocol" className="span2">
            <select aria-label="Protocol" value={draft.protocol} onChange={(e) => setDraft((d) => (d ? withProtocol(d, e.target.value as FtpsMode) : d))}>
              {PROTOCOL_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                  {c.value === 'explicit' ? ' — recommended' : ''}
                </option>
              ))}
            </select>
          </Field>
          <p className="hint span2">{PROTOCOL_HINT}</p>
          {draft.protocol === 'plain' && (
            <div className="banner danger span2" role="alert">
              <Icon name="unlock" />
              <p>{PLAIN_FTP_WARNING}</p>
            </div>
          )}
          <Field label="Host" error={err('host')}>
            <input aria-label="Host" value={draft.host} spellCheck={false} onChange={(e) => set('host', e.target.value)} placeholder="ftp.example.com" />
          </Field>
          <Field label="Port" error={err('port')} className="narrow" hint={!draft.portEdited ? <span className="muted small">follows the protocol</span> : undefined}>
            <input aria-label="Port" inputMode="numeric" value={draft.port} onChange={(e) => setDraft((d) => (d ? withPort(d, e.target.value) : d))} />
          </Field>
          <Field label="User" error={err('user')} className="span2">
            <input aria-label="User" value={draft.user} spellCheck={false} autoComplete="off" onChange={(e) => set('user', e.target.value)} />
          </Field>
          <fieldset className="span2 password-box">
            <legend>Password</legend>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'keychain'} disabled={!keychainAvailable} onChange={() => set('passwordStorage', 'keychain')} />
              <span>Save in the system keychain</span>
            </label>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'ask'} onChange={() => setDraft((d) => (d ? { ...d, passwordStorage: 'ask', password: '' } : d))} />
              <span>Ask on connect</span>
            </label>
            {draft.passwordStorage === 'keychain' && (
              <Field label="Password" error={err('password')}>
                <input
                  aria-label="Password"
                  type="password"
                  autoComplete="off"
                  value={draft.password}
                  placeholder={draft.hasPassword ? 'Saved in the keychain — type to replace' : ''}
                  onChange={(e) => set('password', e.target.value)}
                />
              </Field>
            )}
            {draft.passwordStorage === 'keychain' && draft.hasPassword && (
              <p className="muted small">
                <Icon name="lock" /> A password is saved in the system keychain.
              </p>
            )}
            {saved && passwordLeavesItsServer(draft, saved) && (
              <div className="banner warning" role="alert" aria-label="Saved password and the new server">
                <Icon name="lock" />
                <div>
                  <p>
                    The saved password was typed for {saved.user || 'anonymous'}@{saved.host}:{saved.port}. Saving removes it, so it is not sent to{' '}
                    {draft.host.trim()} unasked.
                  </p>
                  <label className="check">
                    <input type="checkbox" checked={draft.keepPassword} onChange={(e) => set('keepPassword', e.target.checked)} />
                    <span>Keep the saved password for {draft.host.trim()}</span>
                  </label>
                </div>
              </div>
            )}
          </fieldset>
        </div>
      )}
      {tab === 'advanced' && (
        <div className="form-grid" role="tabpanel" aria-label="Advanced">
          <Field label="Data connection">
            <select aria-label="Data connection" value={draft.dataMode} onChange={(e) => set('dataMode', e.target.value as DataConnectionMode)}>
              <option value="passive">Passive (recommended)</option>
              <option value="active">Active</option>
            </select>
          </Field>
          <Field label="Minimum TLS version">
            <select aria-label="Minimum TLS version" value={draft.minTlsVersion} onChange={(e) => set('minTlsVersion', e.target.value as MinTlsVersion)}>
              <option value="TLSv1.2">TLS 1.2</option>
              <option value="TLSv1.3">TLS 1.3</option>
            </select>
          </Field>
          <Field label="Default local folder" className="span2">
            <input aria-label="Default local folder" value={draft.localDir} spellCheck={false} onChange={(e) => set('localDir', e.target.value)} placeholder="Your home folder" />
          </Field>
          <Field label="Default remote folder" className="span2">
            <input aria-label="Default remote folder" value={draft.remoteDir} spellCheck={false} onChange={(e) => set('remoteDir', e.target.value)} placeholder="The server’s home folder" />
          </Field>
          <Field label="Charset" error={err('encoding')}>
            <input aria-label="Charset" list="site-charsets" value={draft.encoding} spellCheck={false} onChange={(e) => set('encoding', e.target.value)} />
            {/* Suggestions only: any WHATWG label works (the engine refuses the few that cannot carry FTP). */}
            <datalist id="site-charsets">
              {COMMON_CHARSETS.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
          <Field label="Maximum connections" error={err('maxConnections')}>
            <input aria-label="Maximum connections" type="number" min={1} max={10} value={draft.maxConnections} onChange={(e) => set('maxConnections', e.target.value)} />
          </Field>
          <Field label="Timezone offset (minutes)" error={err('timezoneOffsetMinutes')}>
            <input aria-label="Timezone offset (minutes)" type="number" step={15} value={draft.timezoneOffsetMinutes} onChange={(e) => set('timezoneOffsetMinutes', e.target.value)} />
          </Field>
          <div className="span2">
            <label className="check">
              <input type="checkbox" checked={draft.uploadViaTemporaryName} onChange={(e) => set('uploadViaTemporaryName', e.target.checked)} />
              <span>{UPLOAD_VIA_TEMPORARY_NAME_LABEL}</span>
            </label>
            <p className="hint">{UPLOAD_VIA_TEMPORARY_NAME_HINT}</p>
          </div>
          <div className="span2">
            <label className="check">
              <input type="checkbox" checked={draft.keepModifiedTimes} onChange={(e) => set('keepModifiedTimes', e.target.checked)} />
              <span>{KEEP_MODIFIED_TIMES_LABEL}</span>
            </label>
            <p className="hint">{KEEP_MODIFIED_TIMES_HINT}</p>
          </div>
          <div className="span2">
            <Field label={SEGMENTS_LABEL}>
              <select aria-label={SEGMENTS_LABEL} value={draft.segments} onChange={(e) => set('segments', e.target.value)}>
                {SEGMENTS_CHOICES.map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </Field>
            <p className="hint">{SEGMENTS_HINT}</p>
          </div>
          {draft.protocol !== 'plain' && (
            <div className="span2">
              <label className="check">
                <input type="checkbox" checked={draft.allowClearData} onChange={(e) => set('allowClearData', e.target.checked)} />
                <span>{ALLOW_CLEAR_DATA_LABEL}</span>
              </label>
              <p className="hint">{ALLOW_CLEAR_DATA_HINT}</p>
            </div>
          )}
        </div>
      )}
      {tab === 'connectivity' && <ConnectivityTab draft={draft} set={set} err={err} />}
      {tab === 'comments' && (
        <div className="form-grid" role="tabpanel" aria-label="Comments">
          <Field label="Comments" className="span2">
            <textarea aria-label="Comments" rows={10} value={draft.comments} onChange={(e) => set('comments', e.target.value)} />
          </Field>
        </div>
      )}
    </div>
  );
}
