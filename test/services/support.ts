import assert from 'node:assert/strict';
import type { Result } from '../../common/models/result';
import type { TransferItem } from '../../common/models/transfer';
import type { CredentialStore } from '../../main/credentials/keychain';
import { FtpsSession } from '../../main/ftps/session';
import { HeadlessPlatform } from '../../main/services/platform';
import { createWharfServices, type WharfServices } from '../../main/services/wharf-services';

/** The value of a service call that must succeed; a failure throws with its kind and message. */
export function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.kind}: ${result.error.message}`);
  return result.value;
}

/** For quick connections, which keep no password: the keychain is never asked. */
export const NO_KEYCHAIN: CredentialStore = {
  get: async () => null,
  set: async () => assert.fail('the keychain is not used here'),
  delete: async () => false,
  isAvailable: async () => ({ available: false, reason: 'not used in this test' }),
};

/** The services main runs, headless, trusting the fleet's CA, with no keychain. */
export function fleetServices(options: { dataDir: string; home: string; caPem: string }): Promise<WharfServices> {
  return createWharfServices({
    dataDir: options.dataDir,
    home: options.home,
    platform: new HeadlessPlatform(),
    app: { name: 'Wharf', version: 'test' },
    credentials: NO_KEYCHAIN,
    openSession: (sessionOptions) => FtpsSession.open({ ...sessionOptions, extraCaPem: [options.caPem], keepAliveIntervalMs: 0 }),
  });
}

/** The queue item of `remotePath` once `ready` holds for it, told by the queue's events. */
export function whenQueueItem(services: WharfServices, remotePath: string, ready: (item: TransferItem) => boolean): Promise<TransferItem> {
  return new Promise((resolve) => {
    const check = () => {
      const item = services.queue.snapshot().items.find((i) => i.remotePath === remotePath);
      if (item && ready(item)) {
        off();
        resolve(item);
      }
    };
    const off = services.events.subscribe((event) => {
      if (event === 'queueUpdate') check();
    });
    check();
  });
}
