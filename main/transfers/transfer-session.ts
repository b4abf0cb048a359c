import type { Readable, Writable } from 'node:stream';
import type { RemoteEntry } from '../../common/models/remote-entry';

/** A hash the server computed for a file, as `FtpsSession.hash()` returns it. */
export interface ServerHash {
  readonly algorithm: 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32';
  readonly hex: string;
}

/**
 * The part of `FtpsSession` the queue uses. Declared here so the queue depends on what it needs, and a
 * test can hand it any session; `FtpsSession` satisfies it as it is.
 */
export interface TransferSession {
  /** `listedAsFolder`: see ListingOptions in main/ftps/session.ts. */
  list(path: string, progress?: undefined, options?: { readonly listedAsFolder?: boolean }): Promise<readonly RemoteEntry[]>;
  mkdir(path: string, options?: { recursive?: boolean }): Promise<void>;
  /** RNFR/RNTO: moves a verified upload from its temporary name to its final one. */
  rename(from: string, to: string): Promise<void>;
  /** DELE: for a target the server will not rename over, and a removed item's temporary file. */
  remove(path: string): Promise<void>;
  /** Listings carry sizes and times as exact as SIZE and MDTM (MLSD); absent: never assumed. */
  listingHasExactFacts?(): boolean;
  size(path: string): Promise<number>;
  modifiedAt(path: string): Promise<Date | null>;
  setModifiedAt(path: string, date: Date): Promise<boolean>;
  /** `setModifiedAt` then `rename`, in one round trip where the server allows; absent: the two one after the other. */
  setModifiedAtAndRename?(from: string, to: string, date: Date): Promise<boolean>;
  /**
   * `setModifiedAtAndRename` held to go out with the session's next transfer (see FtpsSession.renameWithNextCommand);
   * null when it cannot be held (use `setModifiedAtAndRename`); absent: never held.
   */
  renameWithNextCommand?(from: string, to: string, date: Date | null): Promise<boolean> | null;
  /**
   * An upload's SIZE held for the session's next transfer, `check` run on its answer, and only then the time and rename
   * held for the transfer after (see FtpsSession.verifyAndRenameWithNextCommands); null when they cannot be held.
   */
  verifyAndRenameWithNextCommands?(from: string, to: string, date: Date | null, check: (remoteSize: number | null) => void): Promise<boolean> | null;
  /** The session has no next transfer for now: send what it holds (a rename) alone. */
  sendHeldCommands?(): void;
  hash(path: string): Promise<ServerHash | null>;
  /** `size` and `hash` (each null when not answered), in one round trip where the server allows; absent: the two in turn. */
  sizeAndHash?(path: string): Promise<{ size: number | null; hash: ServerHash | null }>;
  /** The algorithm `hash()` would ask for first (from FEAT), so a transfer can hash while streaming; absent or null: none. */
  hashAlgorithm?(): ServerHash['algorithm'] | null;
  /** `onModifiedAt`: also ask the file's time, with the transfer (see FtpsSession.download); absent: not asked. */
  download(
    remotePath: string,
    destination: Writable,
    options?: { startAt?: number; signal?: AbortSignal; onProgress?: (bytes: number) => void; onModifiedAt?: (time: Date | null) => void },
  ): Promise<void>;
  upload(
    source: Readable,
    remotePath: string,
    options?: { append?: boolean; signal?: AbortSignal; onProgress?: (bytes: number) => void },
  ): Promise<void>;
  close(): Promise<void>;
}

/** Opens a logged-in session for a site key; the app looks up the profile and keychain, the CLI its URL. */
export type SessionFactory = (siteKey: string) => Promise<TransferSession>;
