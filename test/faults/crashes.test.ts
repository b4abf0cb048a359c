/**
 * Crashes around a running queue. The server SIGKILLed and restarted mid-queue: the queue waits (its
 * default backoff), reconnects and finishes every transfer with equal SHA-256. Wharf itself SIGKILLed
 * mid-queue: the queue comes back from its file and the partial downloads continue from their temporary files
 * (REST in the server's log), even when the file was last written before the first byte arrived.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { runProcessKillScenario, runServerRestartScenario } from './restart-scenarios';

const fleet = await useFleet();

describe('crashes mid-queue', () => {
  test('vsftpd SIGKILLed and restarted mid-queue: the queue waits, reconnects and finishes every transfer', async () => {
    const figures = await runServerRestartScenario('short', 11);
    assert.deepEqual(figures.problems, []);
    assert.equal(figures.completed, figures.transfersRun);
    assert.equal(figures.lostOrCorrupted, 0);
    assert.match(figures.noticedBy, /connection-lost|refused|timeout|data-channel/, 'the queue saw the server go away');
  });

  test('Wharf SIGKILLed mid-queue: restored from its queue file, partial downloads resume from their offsets', async () => {
    const figures = await runProcessKillScenario(fleet, 'short', 12);
    assert.deepEqual(figures.problems, []);
    assert.equal(figures.restored.length, figures.transfersRun, 'every item came back');
    const partial = Object.entries(figures.partSizesAtKill).filter(([, size]) => size > 0);
    assert.ok(partial.length >= 1, 'the kill left at least one partial download');
    for (const [name, size] of partial) {
      const item = figures.finished.find((i) => i.localPath.endsWith(`/${name}`));
      assert.equal(item?.state, 'done');
      assert.equal(item?.resumedFrom, size, `${name} continued from its temporary file`);
      assert.ok(figures.restLines.some((l) => l.includes(`"REST ${size}"`)), `REST ${size} in the server log`);
    }
    assert.equal(figures.lostOrCorrupted, 0);
  });

  test('Wharf SIGKILLed after the queue file was last written before the first byte: still resumes from the temporary file', async () => {
    const figures = await runProcessKillScenario(fleet, 'short', 13, { slowLogin: true });
    assert.deepEqual(figures.savedAtKill.map((i) => [i.state, i.bytesDone]), [['running', 0]], 'the file knew of no progress');
    assert.deepEqual(figures.problems, []);
    const [[name, size] = ['', 0]] = Object.entries(figures.partSizesAtKill);
    assert.ok(size > 0, `${name} was partly downloaded`);
    assert.equal(figures.finished[0]?.resumedFrom, size);
    assert.ok(figures.restLines.some((l) => l.includes(`"REST ${size}"`)));
  });
});
