import type { WharfMethod, WharfRequest } from '../../common/ipc/contract';

/** Extracts the local paths a request would touch; null = the method touches no local path the renderer names. */
type PathsOf<M extends WharfMethod> = ((request: WharfRequest<M>) => readonly string[]) | null;

/**
 * Which local paths each method touches, so the dispatcher checks every one against the allow-list before
 * the service runs: one central gate. A new method without an entry here does not compile, so nobody can
 * add a local operation and forget the check.
 */
export const LOCAL_PATHS: { readonly [M in WharfMethod]: PathsOf<M> } = {
  appInfo: null,
  openExternal: null,
  clipboardWriteText: null,
  // The user picks the destination in a native dialog: a path the renderer never names.
  saveTextFile: null,
  linksReady: null,
  uiLanguageSet: null,
  localPlaces: null,
  localList: (r) => [r.path],
  localMkdir: (r) => [r.path],
  localRename: (r) => [r.from, r.to],
  localDelete: (r) => r.paths,
  localOpen: (r) => [r.path],
  localReveal: (r) => [r.path],
  // defaultPath only positions the native dialog; what the user picks there becomes allowed.
  localChooseFolder: null,
  // Grants rather than checks: only paths the preload produced from OS files reach it (see preload).
  dropIn: null,
  dragOut: (r) => r.items.flatMap((i) => (i.side === 'local' ? [i.path] : [])),
  remoteConnect: null,
  remoteDisconnect: null,
  remoteSessions: null,
  remoteList: null,
  remoteMkdir: null,
  remoteRename: null,
  remoteDelete: null,
  remoteOpen: null,
  remoteChmod: null,
  remoteCommand: null,
  remoteSecurityReport: null,
  doctorRun: null,
  doctorCancel: null,
  syncCompare: (r) => [r.localRoot],
  syncPlan: (r) => [r.localRoot],
  // The plan stays in main; its root was checked at syncPlan.
  syncRun: null,
  syncCancel: null,
  syncRunning: null,
  queueSnapshot: null,
  // Upload sources are read and download folders written into: both must be allowed.
  queueEnqueue: (r) => r.transfers.map((t) => (t.direction === 'upload' ? t.localPath : t.localFolder)),
  queuePause: null,
  queueResume: null,
  queueCancel: null,
  queueRetry: null,
  queueRemove: null,
  queueMove: null,
  queuePauseAll: null,
  queueResumeAll: null,
  queueClear: null,
  queueSettings: null,
  queueSetOverwritePolicy: null,
  queueSetSpeedLimit: null,
  sitesList: null,
  sitesGet: null,
  // A site's localDir is only stored; opening it later goes through localList and its check.
  sitesCreate: null,
  sitesUpdate: null,
  sitesDelete: null,
  sitesDuplicate: null,
  sitesMove: null,
  siteFoldersCreate: null,
  siteFoldersRename: null,
  siteFoldersDelete: null,
  // The file is read from text the renderer sent, or from a native open dialog.
  sitesImportPreview: null,
  sitesImportCommit: null,
  sitesExport: null,
  certificatesList: null,
  certificatesRemove: null,
  keychainStatus: null,
  proxySettingsGet: null,
  proxySettingsSet: null,
  questionsPending: null,
  answerCertificate: null,
  answerOverwrite: null,
  // The file to upload is the copy main downloaded and watches, named by main, never by the renderer.
  answerEditedFile: null,
  answerChoice: null,
  logRecent: null,
};
