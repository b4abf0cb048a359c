import { t } from '../../common/i18n/t';
import { describeIssues } from '../../common/i18n/zod-issues';
import { resolve } from 'node:path';
import { z } from 'zod';
import { DEFAULT_PROXY_SETTING, PROXY_SETTINGS_DAMAGED, type ProxySettings, type ProxySettingsInput } from '../../common/models/proxy';
import type { StoreWarning } from '../../common/models/site-profile';
import { proxySettingsInputSchema, proxyUrlSchema } from '../../common/models/site-profile-schema';
import type { CredentialStore } from '../credentials/keychain';
import { WharfError } from '../core/errors';
import type { StoreFs } from './atomic-file';
import { JsonDocumentFile, type Salvaged } from './json-document';
import { PROXY_SETTINGS_FILE_NAME } from './data-dir';

export { PROXY_SETTINGS_FILE_NAME };

/** The keychain account of the app-wide proxy's password (site accounts are UUIDs, so no clash). */
export const APP_PROXY_ACCOUNT = 'app:proxy';

const SCHEMA_VERSION = 1;

const storedSchema = z.strictObject({
  mode: z.enum(['none', 'system', 'custom']),
  proxyUrl: proxyUrlSchema,
});

type StoredProxySettings = z.infer<typeof storedSchema>;


/** Options for a ProxySettingsStore. */
export interface ProxySettingsStoreOptions {
  readonly dataDir: string;
  readonly credentials: CredentialStore;
  readonly fs?: StoreFs;
  readonly onWarning?: (warning: StoreWarning) => void;
}

/**
 * The app-wide proxy (Settings), which every site follows unless it says otherwise. Default `system`: a
 * proxy the user set in the environment (ALL_PROXY, HTTPS_PROXY) is honoured, as by curl and browsers, and
 * without one the connection is direct. The password lives in the keychain. A damaged file is an error naming it
 * until a save replaces it or the user deletes it: read as the default, a proxy the user chose would be dropped
 * and connections sent direct.
 */
export class ProxySettingsStore {
  private readonly file: JsonDocumentFile<StoredProxySettings>;

  constructor(private readonly options: ProxySettingsStoreOptions) {
    this.file = new JsonDocumentFile<StoredProxySettings>({
      path: resolve(options.dataDir, PROXY_SETTINGS_FILE_NAME),
      file: 'proxySettings',
      currentVersion: SCHEMA_VERSION,
      migrations: {},
      empty: () => ({ ...DEFAULT_PROXY_SETTING }),
      salvage: salvageSettings,
      serialize: (settings) => ({ ...settings }),
      ...(options.fs ? { fs: options.fs } : {}),
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
      refuseDamaged: (path) => new WharfError('local-io', t('sites.proxySettingsDamaged', { path }), { detail: { reason: PROXY_SETTINGS_DAMAGED, path } }),
    });
  }

  /** The setting, with whether a password is saved. */
  async get(): Promise<ProxySettings> {
    const value = await this.read();
    const hasPassword = (await this.options.credentials.get(APP_PROXY_ACCOUNT).catch(() => null)) !== null;
    return { ...value, hasPassword };
  }

  /** The setting alone: what a connection needs, without asking the keychain whether a password is saved (a `get` from the command line loads no keychain). */
  async read(): Promise<Omit<ProxySettings, 'hasPassword'>> {
    return (await this.file.read()).value;
  }

  /** The saved password of the app-wide proxy, or null. Main only. */
  async getPassword(): Promise<string | null> {
    return this.options.credentials.get(APP_PROXY_ACCOUNT).catch(() => null);
  }

  /** Replaces the setting; a custom proxy needs an address. */
  async set(input: ProxySettingsInput): Promise<ProxySettings> {
    const parsed = proxySettingsInputSchema.safeParse(input, { reportInput: true });
    if (!parsed.success) throw new WharfError('invalid-input', describeIssues(parsed.error.issues));
    const { mode, proxyUrl, password } = parsed.data;
    if (mode === 'custom' && proxyUrl === '') throw new WharfError('invalid-input', t('sites.enterProxyAddress'));
    // The password changes only once the file was read: a file that cannot be read fails the save with nothing changed.
    await this.file.update(async () => {
      if (typeof password === 'string') await this.options.credentials.set(APP_PROXY_ACCOUNT, password);
      else if (password === null) await this.options.credentials.delete(APP_PROXY_ACCOUNT);
      return { next: { mode, proxyUrl: mode === 'custom' ? proxyUrl : '' }, result: undefined };
    });
    return this.get();
  }
}

function salvageSettings(doc: unknown): Salvaged<StoredProxySettings> | null {
  if (typeof doc !== 'object' || doc === null) return null;
  const { mode, proxyUrl } = doc as { mode?: unknown; proxyUrl?: unknown };
  const parsed = storedSchema.safeParse({ mode, proxyUrl });
  return parsed.success ? { value: parsed.data, recovered: 1, lost: [] } : null;
}
