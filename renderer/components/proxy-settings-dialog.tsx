/**
 * Connectivity dialogs (#18). The app-wide proxy: the one every site follows unless its Connectivity tab says otherwise, and
 * quick connections. `system` (the default) honours ALL_PROXY / HTTPS_PROXY where the user set them.
 */
import { t } from '../../common/i18n/t';
import { useEffect, useState, type ReactNode } from 'react';
import { parseProxyUrl, type ProxyMode } from '../../common/models/proxy';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
import { Icon } from './icons';
import { Modal } from './modal';

/** Loads the setting when it opens; saves it (the password to the keychain) on Save. */
export function ProxySettingsDialog({ dialog, top }: { readonly dialog: Extract<Dialog, { kind: 'proxy-settings' }>; readonly top: boolean }): ReactNode {
  const dispatcher = useDispatcher();
  const [loaded, setLoaded] = useState(false);
  const [mode, setMode] = useState<ProxyMode>('system');
  const [proxyUrl, setProxyUrl] = useState('');
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [damaged, setDamaged] = useState<string | null>(null);
  const close = () => dispatcher.dialogs.close(dialog.id);

  useEffect(() => {
    void dispatcher.proxy.load().then((loadedSettings) => {
      if (!loadedSettings) return;
      const { settings } = loadedSettings;
      setDamaged(loadedSettings.damaged);
      setMode(settings.mode);
      setProxyUrl(settings.proxyUrl);
      setHasPassword(settings.hasPassword);
      setLoaded(true);
    });
  }, [dispatcher]);

  const save = async () => {
    if (mode === 'custom') {
      const parsed = proxyUrl.trim() === '' ? { error: t('siteManager.error.proxyEmpty') } : parseProxyUrl(proxyUrl);
      if ('error' in parsed) return setError(parsed.error);
      if (parsed.password !== null) return setError(t('dialogs.proxy.passwordInUrl'));
    }
    setError(null);
    if (await dispatcher.proxy.save({ mode, proxyUrl: mode === 'custom' ? proxyUrl.trim() : '', ...(password !== '' ? { password } : {}) })) close();
  };

  return (
    <Modal
      top={top}
      title={t('dialogs.proxy.title')}
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            {t('common.cancel')}
          </button>
          <button type="button" className="button primary" disabled={!loaded} onClick={() => void save()}>
            {t('common.save')}
          </button>
        </>
      }
    >
      {damaged && (
        <div className="banner danger" role="alert">
          <Icon name="warning" />
          <p>{damaged}</p>
        </div>
      )}
      <p className="muted">{t('dialogs.proxy.intro')}</p>
      <label className="field">
        <span>{t('dialogs.proxy.connect')}</span>
        <select aria-label={t('dialogs.proxy.mode')} value={mode} onChange={(e) => setMode(e.target.value as ProxyMode)}>
          <option value="system">{t('dialogs.proxy.system')}</option>
          <option value="none">{t('siteManager.proxy.none')}</option>
          <option value="custom">{t('siteManager.proxy.custom')}</option>
        </select>
      </label>
      {mode === 'custom' && (
        <>
          <label className={`field${error ? ' invalid' : ''}`}>
            <span>{t('siteManager.proxy.address')}</span>
            <input aria-label={t('dialogs.proxy.addressLabel')} value={proxyUrl} spellCheck={false} onChange={(e) => setProxyUrl(e.target.value)} placeholder={t('siteManager.proxy.addressPlaceholder')} />
            {error && <span className="field-error">{error}</span>}
          </label>
          <label className="field">
            <span>{t('siteManager.proxy.password')}</span>
            <input aria-label={t('dialogs.proxy.passwordLabel')} type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={hasPassword ? t('siteManager.password.savedPlaceholder') : t('dialogs.proxy.passwordOptional')} />
          </label>
        </>
      )}
    </Modal>
  );
}
