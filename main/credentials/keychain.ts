import { t } from '../../common/i18n/t';
import type { WharfErrorData } from '../../common/models';
import { WharfError } from '../core/errors';

/** The keychain service every Wharf password is saved under; the account is the site id. */
export const KEYCHAIN_SERVICE = 'Wharf';

/** Whether passwords can be saved right now; `reason` is a sentence for the user when they cannot. */
export type KeychainAvailability = { readonly available: true } | { readonly available: false; readonly reason: string };

/**
 * Where site passwords live. Only the OS keychain implements it in the app: there is deliberately no file
 * fallback. Failures throw a WharfError of kind 'keychain' whose message says what is wrong in plain words
 * and never contains the password.
 */
export interface CredentialStore {
  /** The saved password, or null when none is saved for this site. */
  get(siteId: string): Promise<string | null>;
  /** Saves or replaces the password. */
  set(siteId: string, password: string): Promise<void>;
  /** Forgets the password; false when there was none. */
  delete(siteId: string): Promise<boolean>;
  /** Probes the keychain (a read, then a write and delete of a probe entry) without throwing. */
  isAvailable(): Promise<KeychainAvailability>;
}

/** The part of keytar we use; tests pass a stand-in to exercise the error mapping. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

/** Why the keychain failed, for the UI to choose an icon or a help link; the message says the same in words. */
export type KeychainProblem =
  | 'no-dbus'
  | 'no-secret-service'
  | 'locked'
  | 'no-default-keyring'
  | 'denied'
  | 'module-missing'
  | 'other';

const PROBE_ACCOUNT = 'wharf-availability-probe';

/**
 * Turns whatever keytar (or loading it) threw into one plain-words 'keychain' error. `secrets` are redacted
 * from any text we keep, in case a platform echoes its input; the raw message is kept only as detail, capped.
 */
export function describeKeychainError(err: unknown, secrets: readonly string[] = []): WharfErrorData {
  const raw = err instanceof Error ? err.message : String(err);
  const code = typeof err === 'object' && err !== null && 'code' in err ? String((err as { code: unknown }).code) : '';
  const problem = classify(raw, code);
  let sanitized = raw;
  for (const secret of secrets) {
    if (secret.length > 0) sanitized = sanitized.split(secret).join('***');
  }
  sanitized = sanitized.replace(/\s+/g, ' ').trim().slice(0, 300);
  return {
    kind: 'keychain',
    message: messageFor(problem, sanitized),
    detail: { problem, systemMessage: sanitized },
  };
}

function classify(raw: string, code: string): KeychainProblem {
  const m = raw.toLowerCase();
  if (code === 'MODULE_NOT_FOUND' || code === 'ERR_MODULE_NOT_FOUND' || m.includes("cannot find module 'keytar'") ||
    m.includes('keytar.node') || m.includes('was compiled against a different node.js version') ||
    m.includes('err_dlopen_failed') || code === 'ERR_DLOPEN_FAILED') {
    return 'module-missing';
  }
  // libsecret/GDBus wording: no session bus at all, or an address that leads nowhere.
  if (m.includes('cannot autolaunch d-bus') || m.includes('dbus_session_bus_address') ||
    m.includes('could not connect') || m.includes('failed to connect to socket')) {
    return 'no-dbus';
  }
  if (m.includes('org.freedesktop.secrets') || m.includes('serviceunknown')) return 'no-secret-service';
  if (m.includes('locked collection') || m.includes('is locked') || m.includes('prompt dismissed')) return 'locked';
  if (m.includes('object does not exist') && m.includes('collection')) return 'no-default-keyring';
  // macOS Security.framework and Windows Credential Manager refusals.
  if (m.includes('user canceled') || m.includes('user cancelled') || m.includes('interaction is not allowed') ||
    m.includes('access denied') || m.includes('authorization')) {
    return 'denied';
  }
  return 'other';
}

const PROBLEM_MESSAGE_KEYS = {
  'no-dbus': 'noDbus',
  'no-secret-service': 'noSecretService',
  locked: 'locked',
  'no-default-keyring': 'noDefaultKeyring',
  denied: 'denied',
  'module-missing': 'moduleMissing',
  other: 'other',
} as const satisfies Record<KeychainProblem, string>;

function messageFor(problem: KeychainProblem, systemMessage: string): string {
  const key = problem === 'other' && systemMessage ? 'withReason' : PROBLEM_MESSAGE_KEYS[problem];
  return t('transfers.keychainProblem', { problem: key, reason: systemMessage });
}

/** Loads keytar on first use, so the CLI starts (and can use "ask") where the native module is missing. */
async function loadKeytar(): Promise<KeytarLike> {
  const mod = (await import('keytar')) as unknown as { default?: unknown };
  // keytar is CommonJS: its exports object is `default` under ESM, the module itself in a CJS bundle.
  const keytar = (mod.default ?? mod) as Partial<KeytarLike>;
  if (typeof keytar.getPassword !== 'function' || typeof keytar.setPassword !== 'function' || typeof keytar.deletePassword !== 'function') {
    throw Object.assign(new Error('keytar.node did not load: its functions are missing'), { code: 'ERR_DLOPEN_FAILED' });
  }
  return keytar as KeytarLike;
}

/** Options for the keytar store; the defaults are what the app uses. */
export interface KeytarCredentialStoreOptions {
  /** default 'Wharf' */
  readonly service?: string;
  /** default: `import('keytar')` on first use */
  readonly load?: () => Promise<KeytarLike>;
}

/**
 * The OS keychain through keytar: macOS Keychain, Windows Credential Manager, the Secret Service on Linux.
 * One entry per site, service "Wharf", account = site id.
 */
export class KeytarCredentialStore implements CredentialStore {
  private readonly service: string;
  private readonly load: () => Promise<KeytarLike>;
  private keytar: Promise<KeytarLike> | undefined;

  constructor(options: KeytarCredentialStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE;
    this.load = options.load ?? loadKeytar;
  }

  async get(siteId: string): Promise<string | null> {
    checkAccount(siteId);
    return this.call((k) => k.getPassword(this.service, siteId));
  }

  async set(siteId: string, password: string): Promise<void> {
    checkAccount(siteId);
    if (typeof password !== 'string') throw new WharfError('invalid-input', t('transfers.passwordMustBeText'));
    await this.call((k) => k.setPassword(this.service, siteId, password), [password]);
  }

  async delete(siteId: string): Promise<boolean> {
    checkAccount(siteId);
    return this.call((k) => k.deletePassword(this.service, siteId));
  }

  async isAvailable(): Promise<KeychainAvailability> {
    try {
      await this.call((k) => k.getPassword(this.service, PROBE_ACCOUNT));
      // A read can succeed on a locked Secret Service collection; only a write tells.
      await this.call((k) => k.setPassword(this.service, PROBE_ACCOUNT, 'probe'));
      await this.call((k) => k.deletePassword(this.service, PROBE_ACCOUNT));
      return { available: true };
    } catch (err) {
      return { available: false, reason: err instanceof WharfError ? err.message : describeKeychainError(err).message };
    }
  }

  private async call<T>(op: (keytar: KeytarLike) => Promise<T>, secrets: readonly string[] = []): Promise<T> {
    let keytar: KeytarLike;
    try {
      this.keytar ??= this.load();
      keytar = await this.keytar;
    } catch (err) {
      this.keytar = undefined; // a later call may succeed (e.g. after the module is rebuilt)
      throw toKeychainError(err, secrets);
    }
    try {
      return await op(keytar);
    } catch (err) {
      throw toKeychainError(err, secrets);
    }
  }
}

function checkAccount(siteId: string): void {
  if (typeof siteId !== 'string' || siteId.length === 0 || siteId.length > 200) {
    throw new WharfError('invalid-input', t('transfers.keychainNeedsSiteId'));
  }
}

function toKeychainError(err: unknown, secrets: readonly string[]): WharfError {
  const data = describeKeychainError(err, secrets);
  // No `cause`: the original error could be printed by a crash reporter with text we did not vet.
  return new WharfError('keychain', data.message, { detail: { ...data.detail } });
}
