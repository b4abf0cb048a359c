/** The FTPS engine's public API: sessions, file transfers, errors. Plain Node; no Electron. */
export { FtpsSession } from './session';
export type { CertificateQuestion, RemoteHash, SessionOptions, TrustDecision, TrustStoreLike } from './session';
export { downloadFile, partialPathFor, uploadFile } from './file-transfer';
export type { FileTransferResult } from './file-transfer';
export { WharfError, isWharfError } from './errors';
export { normalizeFingerprint } from './certificate';
