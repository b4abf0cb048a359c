/** How a saved site or a quick connection becomes something the engine connects with (below services, sync, doctor and cli). */
export type { SessionConnection } from './session-connection';
