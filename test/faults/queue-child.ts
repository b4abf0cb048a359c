/**
 * A Wharf-like process for the SIGKILL scenario (restart-scenarios.ts): runs a transfer queue with a saved
 * queue file and prints every queue update as one JSON line on stdout until it is killed.
 * Usage: node --import tsx test/faults/queue-child.ts CONFIG.json
 */
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { FtpsSession } from '../../main/ftps/session';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import type { QueueChildConfig } from './restart-scenarios';
import { targetFor } from '../ftps/support';

const config = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as QueueChildConfig;
const { server } = config;
const queue = await TransferQueue.open({
  openSession: async () => {
    // A slow network's login (a far server, a slow TLS handshake), simulated.
    if (config.loginDelayMs > 0) await delay(config.loginDelayMs);
    return FtpsSession.open({
      target: targetFor(server),
      password: server.password,
      extraCaPem: [config.caCertPem],
      keepAliveIntervalMs: 0,
      timeoutMs: 5000,
    });
  },
  stateFile: config.stateFile,
  defaultOverwrite: 'overwrite',
  speedLimitBytesPerSecond: config.speedLimitBytesPerSecond,
});
queue.subscribe(() => {
  process.stdout.write(`${JSON.stringify({ items: queue.getSnapshot().items })}\n`);
});
queue.enqueue(config.items);
await queue.whenSettled();
await queue.stop();
