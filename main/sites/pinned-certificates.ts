import { t } from '../../common/i18n/t';
import { describeIssues } from '../../common/i18n/zod-issues';
import { normalizeFingerprint } from '../ftps/certificate';
import { resolve } from 'node:path';
import type { PinnedCertificate, StoreWarning } from '../../common/models/site-profile';
import { pinnedCertificateSchema } from '../../common/models/site-profile-schema';
import { WharfError } from '../core/errors';
import type { StoreFs } from './atomic-file';
import { JsonDocumentFile, type Salvaged } from './json-document';

/** The trusted-certificates file's name inside the data folder. */
export const TRUSTED_CERTIFICATES_FILE_NAME = 'trusted-certificates.json';

const SCHEMA_VERSION = 1;

/** Options for a PinnedCertificateStore. */
export interface PinnedCertificateStoreOptions {
  /** The app's user-data folder (see defaultDataDir). */
  readonly dataDir: string;
  /** default: the real file system */
  readonly fs?: StoreFs;
  /** default: the system clock */
  readonly now?: () => Date;
  /** Called when the file was damaged and recovered. */
  readonly onWarning?: (warning: StoreWarning) => void;
}

/**
 * Certificates the user chose to always trust, keyed by host and port, in their own file so a damaged site
 * list cannot take trust decisions with it (and the reverse). The FTPS engine calls get/pin; the UI and the
 * CLI list and remove. A file that cannot be read throws ('local-io'), so the engine fails closed.
 */
export class PinnedCertificateStore {
  private readonly file: JsonDocumentFile<readonly PinnedCertificate[]>;
  private readonly now: () => Date;

  constructor(options: PinnedCertificateStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.file = new JsonDocumentFile<readonly PinnedCertificate[]>({
      path: resolve(options.dataDir, TRUSTED_CERTIFICATES_FILE_NAME),
      file: 'trustedCertificates',
      currentVersion: SCHEMA_VERSION,
      migrations: {},
      empty: () => [],
      salvage: salvageCertificates,
      serialize: (certificates) => ({ certificates }),
      ...(options.fs ? { fs: options.fs } : {}),
      now: this.now,
      ...(options.onWarning ? { onWarning: options.onWarning } : {}),
    });
  }

  /** The file's path, for messages. */
  get filePath(): string {
    return this.file.path;
  }

  /** The pinned certificate for this host and port, or null when none was trusted there. */
  async get(host: string, port: number): Promise<PinnedCertificate | null> {
    const key = keyOf(host, port);
    const { value } = await this.file.read();
    return value.find((c) => keyOf(c.host, c.port) === key) ?? null;
  }

  /** Trusts a certificate for a host and port from now on, replacing any earlier one there. */
  async pin(entry: { host: string; port: number; fingerprintSha256: string; subject: string }): Promise<void> {
    const pinned = parseOrThrow({
      host: normalizeHost(entry.host),
      port: entry.port,
      fingerprintSha256: normalizeFingerprint(entry.fingerprintSha256),
      subject: entry.subject,
      trustedAt: this.now().toISOString(),
    });
    const key = keyOf(pinned.host, pinned.port);
    await this.file.update(async (list) => ({
      next: [...list.filter((c) => keyOf(c.host, c.port) !== key), pinned],
      result: undefined,
    }));
  }

  /** Forgets the certificate trusted for a host and port; false when there was none. */
  async remove(host: string, port: number): Promise<boolean> {
    const key = keyOf(host, port);
    return this.file.update(async (list) => {
      const next = list.filter((c) => keyOf(c.host, c.port) !== key);
      return next.length === list.length ? { result: false } : { next, result: true };
    });
  }

  /** Every pinned certificate, sorted by host then port. */
  async list(): Promise<readonly PinnedCertificate[]> {
    const { value } = await this.file.read();
    return [...value].sort((a, b) => a.host.localeCompare(b.host) || a.port - b.port);
  }
}

/**
 * Host names compare case-insensitively and IPv6 addresses may come with or without brackets, so
 * "FTP.Example.com", "ftp.example.com." and "[::1]" find the same entries as their plain forms.
 */
export function normalizeHost(host: string): string {
  let h = String(host).trim().toLowerCase();
  if (h.startsWith('[') && h.endsWith(']')) h = h.slice(1, -1);
  if (h.endsWith('.')) h = h.slice(0, -1);
  return h;
}

function keyOf(host: string, port: number): string {
  return `${normalizeHost(host)}|${port}`;
}

function parseOrThrow(value: unknown): PinnedCertificate {
  const result = pinnedCertificateSchema.safeParse(value, { reportInput: true });
  if (!result.success) {
    throw new WharfError('invalid-input', describeIssues(result.error.issues));
  }
  return result.data;
}

function salvageCertificates(doc: unknown): Salvaged<readonly PinnedCertificate[]> | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) return null;
  const entries = (doc as { certificates?: unknown }).certificates;
  if (!Array.isArray(entries)) return null;
  const kept: PinnedCertificate[] = [];
  const lost: string[] = [];
  const keys = new Set<string>();
  entries.forEach((entry, index) => {
    const parsed = pinnedCertificateSchema.safeParse(entry);
    if (!parsed.success) {
      lost.push(describe(entry, index));
      return;
    }
    const key = keyOf(parsed.data.host, parsed.data.port);
    if (keys.has(key)) {
      lost.push(t('storeWords.duplicate', { entry: describe(entry, index) }));
      return;
    }
    keys.add(key);
    kept.push({ ...parsed.data, host: normalizeHost(parsed.data.host) });
  });
  return { value: kept, recovered: kept.length, lost };
}

function describe(entry: unknown, index: number): string {
  const e = typeof entry === 'object' && entry !== null ? (entry as { host?: unknown; port?: unknown }) : {};
  return typeof e.host === 'string' ? t('storeWords.pinnedHost', { host: e.host.slice(0, 100), port: String(e.port), number: index + 1 }) : t('storeWords.certificate', { number: index + 1 });
}
