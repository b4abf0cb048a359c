/** The type of a directory entry, as a listing tells it. */
export type EntryType = 'file' | 'directory' | 'symlink' | 'unknown';

/** One entry of a remote (or local) directory listing, as plain data. */
export interface RemoteEntry {
  readonly name: string;
  readonly type: EntryType;
  /** Bytes; 0 where the listing gives none. */
  readonly size: number;
  /** ISO 8601 in UTC, already corrected by the site's timezone offset; null where unknown. */
  readonly modifiedAt: string | null;
  /** Unix permissions as `rwxr-xr-x`, or null where the server gives none (DOS/IIS). */
  readonly permissions: string | null;
  readonly owner: string | null;
  readonly group: string | null;
  /** For a symlink, where it points; null otherwise. */
  readonly linkTarget: string | null;
}
