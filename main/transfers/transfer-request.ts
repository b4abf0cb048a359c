import type { OverwritePolicy, TransferDirection, TransferKind } from '../../common/models/transfer';
import type { TransferSession } from './transfer-session';

/**
 * What to queue: one file or folder, folders expanded into items recursively. The IPC's `EnqueueTransfer`
 * plus the site key is one already (`QueueService.enqueue` only adds the site's settings), and folder
 * expansion walks a `PathTransferRequest` as it is.
 */
export type AddTransferRequest = PathTransferRequest | DownloadIntoFolderRequest;

/** A transfer between two named paths: an upload from a pane, the CLI's target, a test. */
export interface PathTransferRequest extends AddTransferOptions {
  readonly direction: TransferDirection;
  readonly siteKey: string;
  readonly localPath: string;
  readonly remotePath: string;
  /** Uploads: write to a temporary name and rename when verified (the site setting). default true */
  readonly uploadViaTemporaryName?: boolean;
  /** Downloads: the folder the user chose, which every item must stay inside, when `localPath` lies deeper in it. */
  readonly localRoot?: string;
}

/**
 * A download of an entry the user picked in a listing: main joins the server's name with the folder the
 * user chose (never the renderer), after checking it (`refusedNameError`).
 */
export interface DownloadIntoFolderRequest extends AddTransferOptions {
  readonly direction: 'download';
  readonly siteKey: string;
  /** The folder the user chose (the local pane's folder, a folder row, the CLI target). */
  readonly localFolder: string;
  /** The remote folder the entry was listed in. */
  readonly remoteFolder: string;
  /** The entry's name exactly as the server listed it. */
  readonly name: string;
}

/** What both kinds of request may add. */
export interface AddTransferOptions {
  /** default: the queue's default policy (`ask` in the app) */
  readonly overwrite?: OverwritePolicy;
  /** For downloads: what the remote path is (the browser knows it from its listing); probed with SIZE when absent. */
  readonly kind?: TransferKind;
  /** For a remote folder: list it through this session (the browsing one) instead of a pooled one. */
  readonly listingSession?: TransferSession;
}
