/**
 * Property: whatever late data-connection replies a server writes before its answers to other commands, every
 * command is matched with its own reply (test/hostile/late-replies.ts). Against a scripted server: no real
 * server lets us place a late reply at every point.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { lateReplyCase, runLateReplyCase } from './late-replies';

test('late 226/426/150/225 replies at any point never put a command out of step with its reply', async () => {
  await fc.assert(
    fc.asyncProperty(lateReplyCase, async (c) => {
      const { desynchronised } = await runLateReplyCase(c);
      assert.deepEqual(desynchronised, []);
    }),
    { numRuns: 40 },
  );
});

test('a late reply before every command of a session changes nothing', async () => {
  const injections = new Map(Array.from({ length: 60 }, (_, i) => [i, '226 Transfer complete.'] as const));
  const operations = ['list', 'list-missing', 'pwd', 'size', 'mkdir', 'list'] as const;
  const { desynchronised, injected } = await runLateReplyCase({ operations, injections });
  assert.deepEqual(desynchronised, []);
  // Every operation sends at least one command that is not a transfer command.
  assert.ok(injected >= operations.length, `late replies written: ${injected}`);
});

test('a late 426 before the answer to a command sent with another (the login\'s USER, sent with OPTS UTF8) is dropped', async () => {
  // A 426 reaches the client as an error reply: commands sent together must drop it as a single command does.
  const { desynchronised, injected } = await runLateReplyCase({ operations: ['list'], injections: new Map([[1, '426 Connection closed; transfer aborted.']]) });
  assert.deepEqual(desynchronised, []);
  assert.equal(injected, 1);
});

test('a late 226 or 426 between the EPSV reply (229) and the 150 of every transfer changes nothing', async () => {
  for (const late of ['226 Transfer complete.', '426 Connection closed; transfer aborted.', '225 Data connection open; no transfer in progress.']) {
    const injections = new Map(Array.from({ length: 60 }, (_, i) => [i, late] as const));
    const operations = ['get', 'list', 'put', 'list-missing', 'get', 'put', 'list'] as const;
    const { desynchronised, injected } = await runLateReplyCase({ operations, injections });
    assert.deepEqual(desynchronised, [], late);
    assert.ok(injected >= operations.length * 2, `late replies written: ${injected}`);
  }
});
