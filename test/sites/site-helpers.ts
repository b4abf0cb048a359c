/** A SiteStore in a temporary data folder over the real keychain, with everything it saved cleaned up. */
import type { TestContext } from 'node:test';
import { SiteStore, type SiteStoreOptions } from '../../main/sites/site-store';
import type { StoreWarning } from '../../common/models/site-profile';
import { TrackingCredentialStore, requireKeyring, tempDir } from '../credentials/keyring-helpers';

/** What a store test works with. */
export interface StoreFixture {
  readonly store: SiteStore;
  readonly credentials: TrackingCredentialStore;
  readonly dataDir: string;
  readonly warnings: StoreWarning[];
  /** Another SiteStore on the same folder, as the CLI would open it. */
  readonly reopen: (options?: Partial<SiteStoreOptions>) => SiteStore;
}

/**
 * Creates the fixture, registers its cleanup (secrets, then the folder) on `t`, and returns null when the
 * test was skipped for want of a keyring (never under CI).
 */
export async function storeFixture(t: TestContext, options: Partial<SiteStoreOptions> = {}): Promise<StoreFixture | null> {
  const credentials = new TrackingCredentialStore();
  if (!(await requireKeyring(t, credentials))) return null;
  const dir = await tempDir('sites');
  t.after(async () => {
    await credentials.cleanUp();
    await dir.remove();
  });
  const warnings: StoreWarning[] = [];
  const make = (extra: Partial<SiteStoreOptions> = {}) =>
    new SiteStore({ dataDir: dir.path, credentials, onWarning: (w) => warnings.push(w), ...options, ...extra });
  return { store: make(), credentials, dataDir: dir.path, warnings, reopen: make };
}
