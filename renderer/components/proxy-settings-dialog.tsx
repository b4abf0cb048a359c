/**
 * Connectivity dialogs (#18). The app-wide proxy: the one every site follows unless its Connectivity tab says otherwise, and
 * quick connections. `system` (the default) honours ALL_PROXY / HTTPS_PROXY where the user set them.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { parseProxyUrl, type ProxyMode } from '../../common/models/proxy';
import { useDispatcher } from '../hooks';
import type { Dialog } from '../state/dialogs';
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
  const close = () => dispatcher.dialogs.close(dialog.id);

  useEffect(() => {
    void dispatcher.proxy.load().then((settings) => {
      if (!settings) return;
      setMode(settings.mode);
      setProxyUrl(settings.proxyUrl);
      setHasPassword(settings.hasPassword);
      setLoaded(true);
    });
  }, [dispatcher]);

  const save = async () => {
    if (mode === 'custom') {
      const parsed = proxyUrl.trim() === '' ? { error: 'Enter the proxy address, such as socks5://proxy.example:1080.' } : parseProxyUrl(proxyUrl);
      if ('error' in parsed) return setError(parsed.error);
      if (parsed.password !== null) return setError('Leave the password out of the address: enter it in the password field.');
    }
    setError(null);
    if (await dispatcher.proxy.save({ mode, proxyUrl: mode === 'custom' ? proxyUrl.trim() : '', ...(password !== '' ? { password } : {}) })) close();
  };

  return (
    <Modal
      top={top}
      title="Proxy"
      onClose={close}
      footer={
        <>
          <button type="button" className="button" onClick={close}>
            Cancel
          </button>
          <button type="button" className="button primary" disabled={!loaded} onClick={() => void save()}>
            Save
          </button>
        </>
      }
    >
      <p className="muted">How Wharf reaches servers, for every site that says “As the app setting says” and for quick connections. Control and passive data connections go through the proxy; active mode cannot.</p>
      <label className="field">
        <span>Connect</span>
        <select aria-label="App proxy" value={mode} onChange={(e) => setMode(e.target.value as ProxyMode)}>
          <option value="system">Through the system proxy (ALL_PROXY / HTTPS_PROXY), else directly</option>
          <option value="none">Directly (no proxy)</option>
          <option value="custom">Through this proxy</option>
        </select>
      </label>
      {mode === 'custom' && (
        <>
          <label className={`field${error ? ' invalid' : ''}`}>
            <span>Proxy address</span>
            <input aria-label="App proxy address" value={proxyUrl} spellCheck={false} onChange={(e) => setProxyUrl(e.target.value)} placeholder="socks5://proxy.example:1080 or http://user@proxy.example:3128" />
            {error && <span className="field-error">{error}</span>}
          </label>
          <label className="field">
            <span>Proxy password</span>
            <input aria-label="App proxy password" type="password" autoComplete="off" value={password} onChange={(e) => setPassword(e.target.value)} placeholder={hasPassword ? 'Saved in the keychain — type to replace' : 'Only if the proxy needs a login'} />
          </label>
        </>
      )}
    </Modal>
  );
}
