import { t } from '../../common/i18n/t';
import { dirname } from 'node:path';
import type { StoreWarning } from '../../common/models/site-profile';
import { WharfError } from '../core/errors';
import { nodeStoreFs, writeFileAtomic, type StoreFs } from './atomic-file';

/** What a store salvaged from a document: the usable value and the entries it had to leave out. */
export interface Salvaged<T> {
  readonly value: T;
  readonly recovered: number;
  /** Names or positions of entries that were unreadable; they survive only in the backup. */
  readonly lost: readonly string[];
}

/** The store files main keeps; each message names them in the user's language. */
export type StoreFileKind = 'sites' | 'trustedCertificates' | 'proxySettings';

/** Why a store file needed repair (`importNotes.store.damaged*` says it in words). */
type DamageReason =
  | { readonly reason: 'notJson' | 'noVersion' | 'badStructure' | 'invalidEntries' }
  | { readonly reason: 'noUpgrade'; readonly schema: number }
  | { readonly reason: 'upgradeFailed'; readonly schema: number; readonly error: string };

/** Describes one versioned JSON store file (sites, trusted certificates). */
export interface JsonDocumentSpec<T> {
  readonly path: string;
  /** Which file this is, for the messages that name it ("sites file"). */
  readonly file: StoreFileKind;
  /** The `schemaVersion` this build writes. */
  readonly currentVersion: number;
  /**
   * `migrations[n]` turns a version-n document into version n+1. A document without `schemaVersion` is
   * version 0. Each step gets the previous step's output, so old files climb one version at a time.
   */
  readonly migrations: Readonly<Record<number, (doc: unknown) => unknown>>;
  readonly empty: () => T;
  /** Validates a current-version document entry by entry; null when its overall shape is unusable. */
  readonly salvage: (doc: unknown) => Salvaged<T> | null;
  /** The document body, without `schemaVersion` (added here). */
  readonly serialize: (value: T) => Record<string, unknown>;
  readonly fs?: StoreFs;
  readonly now?: () => Date;
  /** Called for each warning as it happens, so the app can show it wherever it was triggered. */
  readonly onWarning?: (warning: StoreWarning) => void;
  /**
   * Where a damaged file must not be read as the value it could salvage (the proxy setting: a guess could send
   * connections direct): reading it throws this error and leaves it as it is. An update still replaces it, the
   * damaged bytes kept as a backup, so saving a good value mends it.
   */
  readonly refuseDamaged?: (path: string) => WharfError;
}

/**
 * A versioned JSON file that is migrated on read, written atomically, and never silently lost: a damaged
 * file is copied to a timestamped backup before anything overwrites it, and reported as a StoreWarning. A
 * file we cannot read at all, or one written by a newer Wharf, is left untouched and reported as an error.
 * Each operation re-reads the file, so the app sees what the CLI wrote in the meantime.
 */
export class JsonDocumentFile<T> {
  private readonly fs: StoreFs;
  private readonly now: () => Date;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly spec: JsonDocumentSpec<T>) {
    this.fs = spec.fs ?? nodeStoreFs;
    this.now = spec.now ?? (() => new Date());
  }

  /** The file's path. */
  get path(): string {
    return this.spec.path;
  }

  /** Reads (migrating or recovering first if needed) and returns the value and what had to be reported. */
  read(): Promise<{ value: T; warnings: StoreWarning[] }> {
    return this.exclusive(() => this.load('read'));
  }

  /**
   * Read-modify-write under this instance's lock. `change` returns the next value (or undefined to leave the
   * file as it is) and a result; side effects such as keychain writes belong inside it, so they are
   * ordered with the file.
   */
  update<R>(change: (current: T) => Promise<{ next?: T; result: R }>): Promise<R> {
    return this.exclusive(async () => {
      const { value } = await this.load('update');
      const { next, result } = await change(value);
      if (next !== undefined) await this.write(next);
      return result;
    });
  }

  private exclusive<R>(fn: () => Promise<R>): Promise<R> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async write(value: T): Promise<void> {
    const body = { schemaVersion: this.spec.currentVersion, ...this.spec.serialize(value) };
    const dir = dirname(this.spec.path);
    try {
      await this.fs.mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFileAtomic(this.spec.path, `${JSON.stringify(body, null, 2)}\n`, this.fs);
    } catch (err) {
      throw localIo('importNotes.store.cannotSave', { file: this.spec.file, path: this.spec.path }, err);
    }
  }

  private async load(purpose: 'read' | 'update'): Promise<{ value: T; warnings: StoreWarning[] }> {
    let bytes: Buffer;
    try {
      bytes = await this.fs.readFile(this.spec.path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { value: this.spec.empty(), warnings: [] };
      throw localIo('importNotes.store.cannotRead', { file: this.spec.file, path: this.spec.path }, err);
    }
    let raw: unknown;
    try {
      raw = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch {
      return this.recover(bytes, null, { reason: 'notJson' }, purpose);
    }

    const version = versionOf(raw);
    if (version === null) return this.recover(bytes, null, { reason: 'noVersion' }, purpose);
    if (version > this.spec.currentVersion) {
      throw new WharfError(
        'local-io',
        t('importNotes.store.newerVersion', { file: this.spec.file, path: this.spec.path, version, current: this.spec.currentVersion }),
        { detail: { path: this.spec.path, schemaVersion: version } },
      );
    }

    let doc = raw;
    for (let v = version; v < this.spec.currentVersion; v++) {
      const migrate = this.spec.migrations[v];
      if (!migrate) return this.recover(bytes, null, { reason: 'noUpgrade', schema: v }, purpose);
      try {
        doc = migrate(doc);
      } catch (err) {
        return this.recover(bytes, null, { reason: 'upgradeFailed', schema: v, error: err instanceof Error ? err.message : String(err) }, purpose);
      }
    }

    const salvaged = this.spec.salvage(doc);
    if (!salvaged) return this.recover(bytes, null, { reason: 'badStructure' }, purpose);
    if (salvaged.lost.length > 0) return this.recover(bytes, salvaged, { reason: 'invalidEntries' }, purpose);
    if (version === this.spec.currentVersion) return { value: salvaged.value, warnings: [] };

    const backupPath = await this.backup(bytes, `v${version}`);
    await this.write(salvaged.value);
    return {
      value: salvaged.value,
      warnings: [
        this.warn({
          kind: 'migrated',
          file: this.spec.path,
          backupPath,
          message: t('importNotes.store.migrated', { file: this.spec.file, from: version, to: this.spec.currentVersion, backupPath }),
          recovered: salvaged.recovered,
          lost: [],
        }),
      ],
    };
  }

  private async recover(bytes: Buffer, salvaged: Salvaged<T> | null, damage: DamageReason, purpose: 'read' | 'update'): Promise<{ value: T; warnings: StoreWarning[] }> {
    if (purpose === 'read' && this.spec.refuseDamaged) throw this.spec.refuseDamaged(this.spec.path);
    const backupPath = await this.backup(bytes, 'corrupt');
    const value = salvaged?.value ?? this.spec.empty();
    await this.write(value);
    const recovered = salvaged?.recovered ?? 0;
    const lost = salvaged?.lost ?? [];
    const about = { file: this.spec.file, path: this.spec.path, backupPath, schema: null, error: null, ...damage };
    const message = salvaged
      ? t('importNotes.store.damagedPartlyRead', { ...about, recovered, lost: lost.length, names: `${lost.slice(0, 5).join(', ')}${lost.length > 5 ? ', ...' : ''}` })
      : t('importNotes.store.damagedNothingRead', about);
    return {
      value,
      warnings: [
        this.warn({
          kind: 'corrupt-file',
          file: this.spec.path,
          backupPath,
          message,
          recovered,
          lost,
        }),
      ],
    };
  }

  /** Copies the bytes we read (not the file, which may have changed since) next to it; never overwrites. */
  private async backup(bytes: Buffer, tag: string): Promise<string> {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    for (let n = 1; n < 100; n++) {
      const candidate = `${this.spec.path}.${tag}-${stamp}${n > 1 ? `-${n}` : ''}.bak`;
      try {
        const handle = await this.fs.open(candidate, 'wx', 0o600);
        try {
          await handle.writeFile(bytes);
          await handle.sync();
        } finally {
          await handle.close();
        }
        return candidate;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw localIo('importNotes.store.cannotBackUp', { file: this.spec.file, path: this.spec.path }, err);
      }
    }
    throw new WharfError('local-io', t('importNotes.store.tooManyBackups', { path: this.spec.path }));
  }

  private warn(warning: StoreWarning): StoreWarning {
    this.spec.onWarning?.(warning);
    return warning;
  }
}

/** The schema version of a parsed document: 0 when it has none (the first format), null when it is garbage. */
function versionOf(raw: unknown): number | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw) || !('schemaVersion' in raw)) return 0;
  const v = (raw as { schemaVersion: unknown }).schemaVersion;
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : null;
}

function localIo(id: 'importNotes.store.cannotSave' | 'importNotes.store.cannotRead' | 'importNotes.store.cannotBackUp', about: { file: StoreFileKind; path: string }, err: unknown): WharfError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  const cause = code ? ` (${code})` : err instanceof Error ? ` (${err.message})` : '';
  return new WharfError('local-io', t(id, { ...about, cause }), code ? { detail: { code } } : {});
}
