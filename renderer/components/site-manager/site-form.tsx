/** The form of the selected site: General, Advanced, Connectivity (client certificate, proxy) and Comments. */
import type { MessageId } from '../../../common/i18n/catalog';
import { t } from '../../../common/i18n/t';
import type { ReactNode } from 'react';
import type { SitesListing } from '../../../common/ipc/payloads';
import type { SiteProxyMode } from '../../../common/models/proxy';
import type { DataConnectionMode, FtpsMode, MinTlsVersion } from '../../../common/models/site';
import {
  allowClearDataHint,
  allowClearDataLabel,
  folderChoices,
  folderKey,
  passwordLeavesItsServer,
  plainFtpWarning,
  PROTOCOL_CHOICES,
  protocolHint,
  uploadViaTemporaryNameHint,
  uploadViaTemporaryNameLabel,
  keepModifiedTimesHint,
  keepModifiedTimesLabel,
  segmentsChoices,
  segmentsHint,
  segmentsLabel,
  withPort,
  withProtocol,
  type SiteDraft,
} from '../../state/sites-model';
import { Icon } from '../icons';
import type { FormTab } from './use-site-draft';

/** Data, not words: an example host name, and the user name FTP logs in with when none is given. */
const EXAMPLE_HOST = 'ftp.example.com';
const ANONYMOUS_USER = 'anonymous';

const TAB_TITLES: Record<FormTab, MessageId> = {
  general: 'siteManager.tab.general',
  advanced: 'siteManager.tab.advanced',
  connectivity: 'siteManager.tab.connectivity',
  comments: 'siteManager.tab.comments',
};

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
    <div className="form-grid" role="tabpanel" aria-label={t('siteManager.tab.connectivity')}>
      <fieldset className="span2">
        <legend>{t('siteManager.clientCert.legend')}</legend>
        <p className="hint">{t('siteManager.clientCert.hint')}</p>
        <Field label={t('siteManager.clientCert.file')} error={err('clientCertPath')} className="span2">
          <input aria-label={t('siteManager.clientCert.fileLabel')} value={draft.clientCertPath} spellCheck={false} onChange={(e) => set('clientCertPath', e.target.value)} placeholder={t('siteManager.clientCert.filePlaceholder')} />
        </Field>
        <Field label={t('siteManager.clientCert.key')} className="span2">
          <input aria-label={t('siteManager.clientCert.keyLabel')} value={draft.clientKeyPath} spellCheck={false} onChange={(e) => set('clientKeyPath', e.target.value)} placeholder={t('siteManager.clientCert.keyPlaceholder')} />
        </Field>
        <Field label={t('siteManager.clientCert.passphrase')} className="span2">
          <input
            aria-label={t('siteManager.clientCert.passphraseLabel')}
            type="password"
            autoComplete="off"
            value={draft.clientKeyPassphrase}
            onChange={(e) => set('clientKeyPassphrase', e.target.value)}
            placeholder={t('siteManager.clientCert.passphrasePlaceholder')}
          />
        </Field>
      </fieldset>
      <fieldset className="span2">
        <legend>{t('siteManager.proxy.legend')}</legend>
        <Field label={t('siteManager.proxy.connect')} className="span2">
          <select aria-label={t('siteManager.proxy.legend')} value={draft.proxyMode} onChange={(e) => set('proxyMode', e.target.value as SiteProxyMode)}>
            <option value="app">{t('siteManager.proxy.app')}</option>
            <option value="none">{t('siteManager.proxy.none')}</option>
            <option value="system">{t('siteManager.proxy.system')}</option>
            <option value="custom">{t('siteManager.proxy.custom')}</option>
          </select>
        </Field>
        {draft.proxyMode === 'custom' && (
          <>
            <Field label={t('siteManager.proxy.address')} error={err('proxyUrl')} className="span2">
              <input aria-label={t('siteManager.proxy.address')} value={draft.proxyUrl} spellCheck={false} onChange={(e) => set('proxyUrl', e.target.value)} placeholder={t('siteManager.proxy.addressPlaceholder')} />
            </Field>
            <Field label={t('siteManager.proxy.password')} className="span2">
              <input aria-label={t('siteManager.proxy.password')} type="password" autoComplete="off" value={draft.proxyPassword} onChange={(e) => set('proxyPassword', e.target.value)} placeholder={t('siteManager.proxy.passwordPlaceholder')} />
            </Field>
          </>
        )}
        <p className="hint">{t('siteManager.proxy.hint')}</p>
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
      <div role="tablist" aria-label={t('siteManager.siteSettings')} className="segmented">
        {(['general', 'advanced', 'connectivity', 'comments'] as const).map((name) => (
          <button key={name} type="button" role="tab" aria-selected={tab === name} className={tab === name ? 'on' : ''} onClick={() => setTab(name)}>
            {t(TAB_TITLES[name])}
          </button>
        ))}
      </div>
      {tab === 'general' && (
        <div className="form-grid" role="tabpanel" aria-label={t('siteManager.tab.general')}>
          <Field label={t('siteManager.field.name')} error={err('name')}>
            <input aria-label={t('siteManager.field.name')} value={draft.name} onChange={(e) => set('name', e.target.value)} />
          </Field>
          <Field label={t('siteManager.field.folder')} hint={draft.id !== null ? <span className="muted small">{t('siteManager.field.folder.movesAtOnce')}</span> : undefined}>
            <select
              aria-label={t('siteManager.field.folder')}
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
          <Field label={t('siteManager.field.protocol')} className="span2">
            <select aria-label={t('siteManager.field.protocol')} value={draft.protocol} onChange={(e) => setDraft((d) => (d ? withProtocol(d, e.target.value as FtpsMode) : d))}>
              {PROTOCOL_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.value === 'explicit' ? t('siteManager.field.protocol.recommended', { protocol: c.label }) : c.label}
                </option>
              ))}
            </select>
          </Field>
          <p className="hint span2">{protocolHint()}</p>
          {draft.protocol === 'plain' && (
            <div className="banner danger span2" role="alert">
              <Icon name="unlock" />
              <p>{plainFtpWarning()}</p>
            </div>
          )}
          <Field label={t('siteManager.field.host')} error={err('host')}>
            <input aria-label={t('siteManager.field.host')} value={draft.host} spellCheck={false} onChange={(e) => set('host', e.target.value)} placeholder={EXAMPLE_HOST} />
          </Field>
          <Field label={t('siteManager.field.port')} error={err('port')} className="narrow" hint={!draft.portEdited ? <span className="muted small">{t('siteManager.field.port.follows')}</span> : undefined}>
            <input aria-label={t('siteManager.field.port')} inputMode="numeric" value={draft.port} onChange={(e) => setDraft((d) => (d ? withPort(d, e.target.value) : d))} />
          </Field>
          <Field label={t('siteManager.field.user')} error={err('user')} className="span2">
            <input aria-label={t('siteManager.field.user')} value={draft.user} spellCheck={false} autoComplete="off" onChange={(e) => set('user', e.target.value)} />
          </Field>
          <fieldset className="span2 password-box">
            <legend>{t('siteManager.field.password')}</legend>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'keychain'} disabled={!keychainAvailable} onChange={() => set('passwordStorage', 'keychain')} />
              <span>{t('siteManager.password.keychain')}</span>
            </label>
            <label className="radio">
              <input type="radio" name="password-storage" checked={draft.passwordStorage === 'ask'} onChange={() => setDraft((d) => (d ? { ...d, passwordStorage: 'ask', password: '' } : d))} />
              <span>{t('siteManager.password.ask')}</span>
            </label>
            {draft.passwordStorage === 'keychain' && (
              <Field label={t('siteManager.field.password')} error={err('password')}>
                <input
                  aria-label={t('siteManager.field.password')}
                  type="password"
                  autoComplete="off"
                  value={draft.password}
                  placeholder={draft.hasPassword ? t('siteManager.password.savedPlaceholder') : ''}
                  onChange={(e) => set('password', e.target.value)}
                />
              </Field>
            )}
            {draft.passwordStorage === 'keychain' && draft.hasPassword && (
              <p className="muted small">
                <Icon name="lock" /> {t('siteManager.password.saved')}
              </p>
            )}
            {saved && passwordLeavesItsServer(draft, saved) && (
              <div className="banner warning" role="alert" aria-label={t('siteManager.password.newServer')}>
                <Icon name="lock" />
                <div>
                  <p>{t('siteManager.password.leavesServer', { account: `${saved.user || ANONYMOUS_USER}@${saved.host}:${saved.port}`, host: draft.host.trim() })}</p>
                  <label className="check">
                    <input type="checkbox" checked={draft.keepPassword} onChange={(e) => set('keepPassword', e.target.checked)} />
                    <span>{t('siteManager.password.keep', { host: draft.host.trim() })}</span>
                  </label>
                </div>
              </div>
            )}
          </fieldset>
        </div>
      )}
      {tab === 'advanced' && (
        <div className="form-grid" role="tabpanel" aria-label={t('siteManager.tab.advanced')}>
          <Field label={t('siteManager.field.dataConnection')}>
            <select aria-label={t('siteManager.field.dataConnection')} value={draft.dataMode} onChange={(e) => set('dataMode', e.target.value as DataConnectionMode)}>
              <option value="passive">{t('siteManager.dataMode.passive')}</option>
              <option value="active">{t('siteManager.dataMode.active')}</option>
            </select>
          </Field>
          <Field label={t('siteManager.field.minTls')}>
            <select aria-label={t('siteManager.field.minTls')} value={draft.minTlsVersion} onChange={(e) => set('minTlsVersion', e.target.value as MinTlsVersion)}>
              <option value="TLSv1.2">{t('siteManager.tlsVersion', { version: '1.2' })}</option>
              <option value="TLSv1.3">{t('siteManager.tlsVersion', { version: '1.3' })}</option>
            </select>
          </Field>
          <Field label={t('siteManager.field.localDir')} className="span2">
            <input aria-label={t('siteManager.field.localDir')} value={draft.localDir} spellCheck={false} onChange={(e) => set('localDir', e.target.value)} placeholder={t('siteManager.field.localDir.placeholder')} />
          </Field>
          <Field label={t('siteManager.field.remoteDir')} className="span2">
            <input aria-label={t('siteManager.field.remoteDir')} value={draft.remoteDir} spellCheck={false} onChange={(e) => set('remoteDir', e.target.value)} placeholder={t('siteManager.field.remoteDir.placeholder')} />
          </Field>
          <Field label={t('siteManager.field.charset')} error={err('encoding')}>
            <input aria-label={t('siteManager.field.charset')} list="site-charsets" value={draft.encoding} spellCheck={false} onChange={(e) => set('encoding', e.target.value)} />
            {/* Suggestions only: any WHATWG label works (the engine refuses the few that cannot carry FTP). */}
            <datalist id="site-charsets">
              {COMMON_CHARSETS.map((c) => (
                <option key={c} value={c} />
              ))}
            </datalist>
          </Field>
          <Field label={t('siteManager.field.maxConnections')} error={err('maxConnections')}>
            <input aria-label={t('siteManager.field.maxConnections')} type="number" min={1} max={10} value={draft.maxConnections} onChange={(e) => set('maxConnections', e.target.value)} />
          </Field>
          <Field label={t('siteManager.field.timezone')} error={err('timezoneOffsetMinutes')}>
            <input aria-label={t('siteManager.field.timezone')} type="number" step={15} value={draft.timezoneOffsetMinutes} onChange={(e) => set('timezoneOffsetMinutes', e.target.value)} />
          </Field>
          <div className="span2">
            <label className="check">
              <input type="checkbox" checked={draft.uploadViaTemporaryName} onChange={(e) => set('uploadViaTemporaryName', e.target.checked)} />
              <span>{uploadViaTemporaryNameLabel()}</span>
            </label>
            <p className="hint">{uploadViaTemporaryNameHint()}</p>
          </div>
          <div className="span2">
            <label className="check">
              <input type="checkbox" checked={draft.keepModifiedTimes} onChange={(e) => set('keepModifiedTimes', e.target.checked)} />
              <span>{keepModifiedTimesLabel()}</span>
            </label>
            <p className="hint">{keepModifiedTimesHint()}</p>
          </div>
          <div className="span2">
            <Field label={segmentsLabel()}>
              <select aria-label={segmentsLabel()} value={draft.segments} onChange={(e) => set('segments', e.target.value)}>
                {segmentsChoices().map((choice) => (
                  <option key={choice.value} value={choice.value}>
                    {choice.label}
                  </option>
                ))}
              </select>
            </Field>
            <p className="hint">{segmentsHint()}</p>
          </div>
          {draft.protocol !== 'plain' && (
            <div className="span2">
              <label className="check">
                <input type="checkbox" checked={draft.allowClearData} onChange={(e) => set('allowClearData', e.target.checked)} />
                <span>{allowClearDataLabel()}</span>
              </label>
              <p className="hint">{allowClearDataHint()}</p>
            </div>
          )}
        </div>
      )}
      {tab === 'connectivity' && <ConnectivityTab draft={draft} set={set} err={err} />}
      {tab === 'comments' && (
        <div className="form-grid" role="tabpanel" aria-label={t('siteManager.tab.comments')}>
          <Field label={t('siteManager.field.comments')} className="span2">
            <textarea aria-label={t('siteManager.field.comments')} rows={10} value={draft.comments} onChange={(e) => set('comments', e.target.value)} />
          </Field>
        </div>
      )}
    </div>
  );
}
