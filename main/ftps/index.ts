/** The FTPS engine's public API: sessions, file transfers, errors. Plain Node; no Electron. */
export { FtpsSession } from './session';
export type { CertificateQuestion, RemoteHash, SessionOptions, TrustDecision, TrustStoreLike } from './session';
export { downloadFile, moveUploadIntoPlace, partialPathFor, temporaryUploadPathFor, uploadFile, TEMPORARY_UPLOAD_SUFFIX, UPLOAD_VIA_TEMPORARY_NAME_SETTING } from './file-transfer';
export type { FileTransferResult, RenamingSession } from './file-transfer';
export { WharfError, isWharfError } from '../core/errors';
export { normalizeFingerprint } from './certificate';
