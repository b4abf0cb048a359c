/**
 * Random and malformed payloads sent to every method through the BUILT main bundle's registration loop
 * (Electron stand-in: the binary cannot run here), with the real services behind it: every answer must be
 * a structured error or a valid Result, nothing may throw through, and the app must still answer after.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { WHARF_METHOD_NAMES, type WharfMethod } from '../../common/ipc/contract';
import { ERROR_KINDS } from '../../common/models/errors';
import { VALID_REQUESTS } from '../ipc/request-examples';
import { loadMainBundle, type LoadedMain } from './electron-stand-in';

/**
 * Methods whose valid requests are not replayed for real: a mutated quick connection could reach a test
 * server on this machine and wait for a certificate answer nobody gives. Their malformed payloads are
 * still sent, and their validators are fuzzed in test/ipc.
 */
const NOT_REPLAYED: readonly WharfMethod[] = ['remoteConnect'];

let main: LoadedMain;

before(async () => {
  main = await loadMainBundle();
});
after(async () => {
  await main?.started.services.dispose();
});

async function send(method: string, payload: unknown): Promise<unknown> {
  const handler = main.record.ipcHandlers.get(`wharf:${method}`);
  assert.ok(handler);
  const contents = main.record.windows[0]!.webContents;
  return handler({ sender: contents, senderFrame: contents.mainFrame }, payload);
}

function assertStructured(answer: unknown, context: string): void {
  assert.equal(typeof answer, 'object', context);
  const result = answer as { ok?: unknown; value?: unknown; error?: { kind?: unknown; message?: unknown } };
  if (result.ok === true) return;
  assert.equal(result.ok, false, context);
  assert.ok(ERROR_KINDS.includes(result.error?.kind as never), `${context}: kind ${String(result.error?.kind)}`);
  assert.equal(typeof result.error?.message, 'string', context);
  // Errors cross IPC as plain data: structured clone must accept them as they are.
  structuredClone(result);
}

describe('the registration loop under random input', () => {
  it('answers every random or mutated payload of every method with a structured Result (property)', async () => {
    const replayable = WHARF_METHOD_NAMES.filter((m) => !NOT_REPLAYED.includes(m));
    const malformed = fc.tuple(fc.constantFrom(...WHARF_METHOD_NAMES), fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true }));
    const mutated = fc.constantFrom(...replayable).chain((method) =>
      fc.tuple(
        fc.constant(method),
        fc.dictionary(fc.constantFrom(...Object.keys(VALID_REQUESTS[method] as object), 'extra'), fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.array(fc.string(), { maxLength: 3 })), { maxKeys: 2 })
          .map((changes) => ({ ...(VALID_REQUESTS[method] as object), ...changes })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(malformed, mutated), async ([method, payload]) => {
        assertStructured(await send(method, payload), method);
      }),
      { numRuns: 800 },
    );
  });

  it('answers every method once with its valid example, then still serves requests', async () => {
    for (const method of WHARF_METHOD_NAMES) {
      if (NOT_REPLAYED.includes(method)) continue;
      assertStructured(await send(method, VALID_REQUESTS[method]), method);
    }
    assert.deepEqual(await send('appInfo', {}), { ok: true, value: { name: 'Wharf', version: '0.0.0-test', platform: process.platform, host: 'electron' } });
  });
});
