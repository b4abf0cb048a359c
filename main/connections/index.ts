/** How a saved site or a quick connection becomes something the engine connects with (below services, sync, doctor and cli). */
export type { SessionConnection } from './session-connection';
export { connectionForSite, connectionForUrl, isAnonymousUser, PLAIN_FTP_WARNING } from './connection-rule';
export type { PasswordSources, SiteConnectionSources, UrlConnectionFields, UrlConnectionSources } from './connection-rule';
