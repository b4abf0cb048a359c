import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { WHARF_METHOD_NAMES, type WharfApi, type WharfMethod } from '../../common/ipc/contract';
import { setUiLocale } from '../../common/i18n/t';
import { ERROR_KINDS } from '../../common/models/errors';
import type { Result } from '../../common/models/result';
import { WharfError } from '../../main/core/errors';
import { LocalAccess } from '../../main/local-fs/local-access';
import { createDispatcher } from '../../main/services/dispatcher';
import { VALID_REQUESTS } from './request-examples';

/** An API whose every method records its request and answers what `answer` says. */
function recordingApi(answer: (method: WharfMethod, request: unknown) => unknown = () => ({ ok: true, value: null })) {
  const calls: { method: WharfMethod; request: unknown }[] = [];
  const api = Object.fromEntries(
    WHARF_METHOD_NAMES.map((method) => [
      method,
      async (request: unknown) => {
        calls.push({ method, request });
        return answer(method, request);
      },
    ]),
  ) as unknown as WharfApi;
  return { api, calls };
}

function isStructured(result: Result<unknown>): boolean {
  if (result.ok) return true;
  return ERROR_KINDS.includes(result.error.kind) && typeof result.error.message === 'string' && result.error.message.length > 0;
}

describe('the dispatcher (the gate main and the bridge share)', () => {
  let home: string;
  let outside: string;
  let access: LocalAccess;

  before(async () => {
    const base = mkdtempSync(join(tmpdir(), 'wharf-dispatch-'));
    home = join(base, 'home');
    outside = join(base, 'outside');
    mkdirSync(home);
    mkdirSync(outside);
    symlinkSync(outside, join(home, 'escape'));
    access = new LocalAccess();
    await access.grant(home);
  });
  after(() => rmSync(join(home, '..'), { recursive: true, force: true }));

  it('passes a valid request to its method and returns the method Result', async () => {
    const { api, calls } = recordingApi(() => ({ ok: true, value: 'fine' }));
    const dispatch = createDispatcher({ api, access });
    const result = await dispatch('remoteList', { sessionId: 's1', path: '/pub' });
    assert.deepEqual(result, { ok: true, value: 'fine' });
    assert.deepEqual(calls, [{ method: 'remoteList', request: { sessionId: 's1', path: '/pub' } }]);
  });

  it('refuses a bad payload with invalid-input and never calls the method', async () => {
    const { api, calls } = recordingApi();
    const dispatch = createDispatcher({ api, access });
    const result = await dispatch('remoteMkdir', { sessionId: 's1', path: '/a\r\nDELE b' });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.kind, 'invalid-input');
    assert.equal(!result.ok && result.error.detail?.reason, 'validation');
    assert.equal(calls.length, 0);
  });

  it('tells why a request was refused in the window\'s language, not in zod\'s English', async () => {
    const dispatch = createDispatcher({ api: recordingApi().api, access });
    setUiLocale('de');
    try {
      const wrongType = await dispatch('remoteList', { sessionId: 's1', path: 42 });
      const missing = await dispatch('remoteList', { path: '/pub' });
      const unknown = await dispatch('noSuchMethod' as WharfMethod, {});
      for (const result of [wrongType, missing, unknown]) {
        assert.equal(result.ok, false);
        const message = !result.ok ? result.error.message : '';
        assert.doesNotMatch(message, /Invalid|expected|received|Unknown|request/, message);
      }
      assert.match(!wrongType.ok ? wrongType.error.message : '', /^Die Anfrage remoteList wurde abgelehnt: path: /);
      assert.equal(!unknown.ok && unknown.error.message, 'Unbekannte Anfrage.');
    } finally {
      setUiLocale('en');
    }
  });

  it('refuses unknown and inherited method names', async () => {
    const { api, calls } = recordingApi();
    const dispatch = createDispatcher({ api, access });
    for (const name of ['nope', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(name, {});
      assert.equal(!result.ok && result.error.kind, 'invalid-input', name);
    }
    assert.equal(calls.length, 0);
  });

  it('refuses local paths outside the allowed folders before the method runs, symlinks included', async () => {
    const { api, calls } = recordingApi();
    const dispatch = createDispatcher({ api, access });
    for (const path of [outside, join(outside, 'x'), join(home, 'escape'), join(home, 'escape', 'new-folder'), '/etc/passwd', join(home, '..')]) {
      const result = await dispatch('localList', { path });
      assert.equal(!result.ok && result.error.kind, 'local-io', path);
      assert.equal(!result.ok && result.error.detail?.reason, 'not-allowed', path);
    }
    const enqueue = await dispatch('queueEnqueue', { sessionId: 's1', transfers: [{ direction: 'download', localFolder: home, remoteFolder: '/', name: 'a' }, { direction: 'download', localFolder: outside, remoteFolder: '/', name: 'b' }] });
    assert.equal(!enqueue.ok && enqueue.error.detail?.reason, 'not-allowed');
    assert.equal(calls.length, 0);
    const allowed = await dispatch('localMkdir', { path: join(home, 'a', 'b') });
    assert.equal(allowed.ok, true);
    assert.equal(calls.length, 1);
  });

  it('turns a thrown WharfError into its data and anything else into kind internal', async () => {
    const { api } = recordingApi((method) => {
      if (method === 'remoteList') throw new WharfError('timeout', 'The server did not answer.', { code: 421 });
      if (method === 'remoteMkdir') throw new TypeError('boom');
      if (method === 'remoteRename') return 'not a result';
      return { ok: true, value: 1 };
    });
    const internal: string[] = [];
    const dispatch = createDispatcher({ api, access, onInternalError: (m) => internal.push(m) });
    assert.deepEqual(await dispatch('remoteList', { sessionId: 's1' }), { ok: false, error: { kind: 'timeout', message: 'The server did not answer.', code: 421 } });
    const thrown = await dispatch('remoteMkdir', { sessionId: 's1', path: '/x' });
    assert.equal(!thrown.ok && thrown.error.kind, 'internal');
    const odd = await dispatch('remoteRename', { sessionId: 's1', from: '/a', to: '/b' });
    assert.equal(!odd.ok && odd.error.kind, 'internal');
    assert.deepEqual(internal, ['remoteMkdir', 'remoteRename']);
  });

  it('answers every random or mutated request with a structured Result and never throws (property)', async () => {
    const { api } = recordingApi(() => ({ ok: true, value: null }));
    const dispatch = createDispatcher({ api, access });
    const mutated = fc.constantFrom(...WHARF_METHOD_NAMES).chain((method) =>
      fc.tuple(
        fc.constant<string>(method),
        fc.oneof(
          fc.anything(),
          fc.dictionary(fc.constantFrom(...Object.keys(VALID_REQUESTS[method] as object), 'extra'), fc.anything()).map((d) => ({ ...(VALID_REQUESTS[method] as object), ...d })),
        ),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutated, fc.tuple(fc.string(), fc.anything())), async ([method, payload]) => {
        const result = await dispatch(method, payload);
        assert.ok(isStructured(result), JSON.stringify(result));
      }),
      { numRuns: 1500 },
    );
  });
});
