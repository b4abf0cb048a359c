/**
 * Close, reset, stall and trickle on the control and on the data connections of real FTPS servers, through
 * the fault proxy: every transfer completes by itself with equal SHA-256 on both sides, no partial file
 * ever sits under a final name, and the password never crosses the network in clear.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFleet, type ServerName } from '../servers/fleet';
import type { ConnectionKind, FaultKind } from './fault-proxy';
import { runNetworkFaultScenario, runVsftpdUploadStallLimit } from './network-scenarios';

const fleet = await useFleet();

/** One server per fault, so the four flavours (vsftpd explicit and implicit, proftpd, pure-ftpd) all take faults. */
const SERVER_FOR: Record<FaultKind, ServerName> = {
  close: 'vsftpd-explicit',
  reset: 'proftpd-explicit',
  stall: 'pureftpd-explicit',
  trickle: 'vsftpd-implicit',
};

describe('network faults through the proxy', () => {
  for (const fault of ['close', 'reset', 'stall', 'trickle'] as const) {
    for (const target of ['control', 'data'] as const satisfies readonly ConnectionKind[]) {
      test(`${fault} on ${target} connections (${SERVER_FOR[fault]}): every file arrives whole on both sides, none partial under its final name`, async () => {
        const figures = await runNetworkFaultScenario(fleet, { fault, target, server: SERVER_FOR[fault], length: 'short', seed: 7 });
        assert.deepEqual(figures.problems, []);
        assert.ok(figures.faultsInjected >= 1, `faults were injected: ${JSON.stringify(figures)}`);
        assert.equal(figures.completed, figures.transfersRun, figures.notes);
        assert.equal(figures.lostOrCorrupted, 0);
        assert.equal(figures.credentialsInClear, 0);
      });
    }
  }
});

describe('a known limit: a stalled upload on vsftpd', () => {
  test('the file whose upload stalled fails with a clear timeout (vsftpd keeps its upload lock); nothing is lost silently and the rest completes', async () => {
    const figures = await runVsftpdUploadStallLimit('short', 7);
    assert.equal(figures.lostOrCorrupted, 0, 'nothing reported done with other bytes, nothing partial under a local final name');
    assert.equal(figures.credentialsInClear, 0);
    assert.ok(figures.completed >= figures.transfersRun - 2, `only the stalled file (up, then down) may fail: ${figures.problems.join('\n')}`);
    for (const problem of figures.problems.filter((p) => p.includes('not done'))) assert.match(problem, /failed after \d+ attempts: (timeout|data-channel|connection-lost) /);
  });
});

