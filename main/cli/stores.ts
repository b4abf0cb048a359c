import { t } from '../../common/i18n/t';
import { KeytarCredentialStore } from '../credentials/keychain';
import { defaultDataDir, SiteStore } from '../sites/site-store';
import { PinnedCertificateStore } from '../sites/pinned-certificates';

/** The saved sites, keychain and pinned certificates the app uses, opened for the command line. */
export interface CliStores {
  readonly sites: SiteStore;
  readonly pins: PinnedCertificateStore;
  readonly credentials: KeytarCredentialStore;
}

let stores: CliStores | null = null;
let credentialStore: KeytarCredentialStore | null = null;

/** The keychain, shared by every store of a run; keytar itself loads on the first secret asked for, not here. */
export function cliCredentials(): KeytarCredentialStore {
  credentialStore ??= new KeytarCredentialStore();
  return credentialStore;
}

/** Opens the stores once per run, in WHARF_DATA_DIR or the app's own data folder, printing any recovery warning. */
export async function openStores(warn: (text: string) => void): Promise<CliStores> {
  if (stores) return stores;
  const dataDir = defaultDataDir();
  const credentials = cliCredentials();
  const sites = new SiteStore({ dataDir, credentials, onWarning: (w) => warn(t('cliUsage.storeWarning', { message: w.message })) });
  await sites.open();
  stores = { sites, pins: new PinnedCertificateStore({ dataDir }), credentials };
  return stores;
}
