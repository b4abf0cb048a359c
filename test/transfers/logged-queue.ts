/**
 * A transfer queue for the tests that read the commands it sends: on one fleet server, one connection at a time,
 * every line its sessions log kept in order, with quick retries (a wrongly retried refusal still ends soon).
 */
import type { LogLine } from '../../common/models/log';
import type { ServerKnowledge } from '../../main/ftps/server-knowledge';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { openSession } from '../ftps/support';
import type { FleetInfo, ServerInfo } from '../servers/fleet';

/**
 * Opens the queue; each session it opens on `server` logs into `log`. With `known`, its sessions share what they
 * learn about the server with each other and with other queues given the same (as the app's and the CLI's pools
 * do). The caller stops it.
 */
export function openLoggedQueue(fleet: FleetInfo, server: ServerInfo, log: LogLine[], known?: ServerKnowledge): Promise<TransferQueue> {
  return TransferQueue.open({
    openSession: async () => (await openSession(fleet, server, { onLog: (line) => log.push(line), ...(known ? { known } : {}) })).session,
    stateFile: null,
    defaultOverwrite: 'overwrite',
    defaultConcurrency: 1,
    retry: { baseDelayMs: 20, maxDelayMs: 50, tooManyConnectionsDelayMs: 50 },
  });
}
