import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { WHARF_METHOD_NAMES, type WharfMethod } from '../../common/ipc/contract';
import { REFUSED_RAW_COMMANDS, isAbsoluteLocalPath, validateRequest } from '../../common/ipc/schemas';
import { VALID_REQUESTS } from './request-examples';

function accepts(method: WharfMethod, payload: unknown): boolean {
  return validateRequest(method, payload).ok;
}

/** A copy of a valid request with one field replaced (deep, by path). */
function withField(method: WharfMethod, path: readonly (string | number)[], value: unknown): unknown {
  const copy = structuredClone(VALID_REQUESTS[method]) as Record<string | number, unknown>;
  let target = copy;
  for (const key of path.slice(0, -1)) target = target[key] as Record<string | number, unknown>;
  target[path[path.length - 1]!] = value;
  return copy;
}

describe('request validators', () => {
  it('accept the example request of every method', () => {
    for (const method of WHARF_METHOD_NAMES) {
      const result = validateRequest(method, VALID_REQUESTS[method]);
      assert.ok(result.ok, `${method}: ${JSON.stringify(result)}`);
    }
  });

  it('refuse non-objects, arrays and null for every method', () => {
    for (const method of WHARF_METHOD_NAMES) {
      for (const payload of [undefined, null, 42, 'x', [], true]) assert.equal(accepts(method, payload), false, `${method} ${String(payload)}`);
    }
  });

  it('refuse an unknown extra key on every method (strict objects)', () => {
    for (const method of WHARF_METHOD_NAMES) {
      assert.equal(accepts(method, { ...(VALID_REQUESTS[method] as object), sneaky: 1 }), false, method);
    }
  });

  it('refuse line breaks and NUL in remote paths, which would inject FTP commands', () => {
    for (const bad of ['/pub/a\r\nDELE /important', '/pub/a\nx', '/pub/\0a', 'relative/path', '']) {
      assert.equal(accepts('remoteList', withField('remoteList', ['path'], bad)), false, JSON.stringify(bad));
      assert.equal(accepts('remoteRename', withField('remoteRename', ['to'], bad)), false, JSON.stringify(bad));
      assert.equal(accepts('queueEnqueue', withField('queueEnqueue', ['transfers', 0, 'remoteFolder'], bad)), false, JSON.stringify(bad));
    }
  });

  it('accept any name a server lists in a download request: main refuses an unsafe one per item, not the whole request', () => {
    for (const name of ['../x', 'sub/../../escape-mid.txt', '..\\x', '/etc/x', 'bell\u0007', 'line\nbreak', 'CON', 'trailing.']) {
      assert.equal(accepts('queueEnqueue', withField('queueEnqueue', ['transfers', 0, 'name'], name)), true, JSON.stringify(name));
    }
    assert.equal(accepts('queueEnqueue', withField('queueEnqueue', ['transfers', 0, 'name'], '')), false, 'an empty name is malformed');
    assert.equal(accepts('queueEnqueue', withField('queueEnqueue', ['transfers', 0, 'name'], 'x'.repeat(5000))), false, 'names are bounded');
  });

  it('refuse relative local paths and control characters in local paths', () => {
    for (const bad of ['home/user', './x', '../etc/passwd', '/home/\0user', '/home/user\n', '']) {
      assert.equal(accepts('localList', { path: bad }), false, JSON.stringify(bad));
      assert.equal(accepts('localDelete', { paths: [bad] }), false, JSON.stringify(bad));
    }
    assert.equal(isAbsoluteLocalPath('C:\\Users\\me'), true);
    assert.equal(isAbsoluteLocalPath('\\\\server\\share\\x'), true);
    assert.equal(isAbsoluteLocalPath('C:relative'), false);
  });

  it('let only https links out to the browser', () => {
    for (const url of ['http://example.com', 'file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'not a url', 'HTTPS//x']) {
      assert.equal(accepts('openExternal', { url }), false, url);
    }
    assert.equal(accepts('openExternal', { url: 'HTTPS://example.com/' }), true);
  });

  it('refuse raw commands that would undo TLS, change the login or open a data connection', () => {
    for (const command of REFUSED_RAW_COMMANDS) {
      assert.equal(accepts('remoteCommand', { sessionId: 's1', command: `${command.toLowerCase()} x` }), false, command);
    }
    assert.equal(accepts('remoteCommand', { sessionId: 's1', command: 'SITE HELP\r\nDELE x' }), false);
    assert.equal(accepts('remoteCommand', { sessionId: 's1', command: 'SITE HELP' }), true);
  });

  it('refuse a plain-FTP quick connection unless the user agreed to send the password unencrypted', () => {
    const plain = { kind: 'quick', host: 'ftp.example.com', mode: 'plain', user: 'u', password: 'p' };
    assert.equal(accepts('remoteConnect', plain), false);
    assert.equal(accepts('remoteConnect', { ...plain, allowPlain: true }), true);
    assert.equal(accepts('remoteConnect', { ...plain, mode: 'explicit', user: 'u\r\nPASS x' }), false);
  });

  it('refuse modes that are not octal, ids that are not ids and speed limits below 1 KiB/s', () => {
    for (const mode of ['999', '75', 'rwx', '0755 ', '-1']) assert.equal(accepts('remoteChmod', withField('remoteChmod', ['mode'], mode)), false, mode);
    for (const id of ['', 'a b', '../x', 'x'.repeat(101), 'q\n1']) assert.equal(accepts('answerCertificate', { questionId: id, decision: 'once' }), false, id);
    assert.equal(accepts('queueSetSpeedLimit', { bytesPerSecond: 10 }), false);
    assert.equal(accepts('queueSetSpeedLimit', { bytesPerSecond: 2048.5 }), false);
    assert.equal(accepts('queueSetSpeedLimit', { bytesPerSecond: null }), true);
    assert.equal(accepts('answerOverwrite', { questionId: 'q1', choice: 'ask', applyToAll: false }), false);
  });

  it('accept an edited file’s answer only as a question id and one of upload, ignore or stop', () => {
    for (const action of ['upload', 'ignore', 'stop']) assert.equal(accepts('answerEditedFile', { questionId: 'q1', action }), true, action);
    for (const action of ['overwrite', 'UPLOAD', '', null, true]) assert.equal(accepts('answerEditedFile', { questionId: 'q1', action }), false, JSON.stringify(action));
    for (const id of ['', 'a b', '../x', 'x'.repeat(101), 'q\n1']) assert.equal(accepts('answerEditedFile', { questionId: id, action: 'upload' }), false, id);
    // The renderer never names the file to upload: main uploads the copy it watches.
    assert.equal(accepts('answerEditedFile', { questionId: 'q1', action: 'upload', localPath: '/etc/passwd' }), false);
    assert.equal(accepts('answerEditedFile', { questionId: 'q1', action: 'upload', remotePath: '/www/index.php' }), false);
    assert.equal(accepts('answerEditedFile', { questionId: 'q1' }), false);
  });

  it('accept a cancel only as one plain id: doctorCancel by runId, syncCancel by planId', () => {
    assert.equal(accepts('doctorCancel', { runId: 'doctor-m1x2-3' }), true);
    assert.equal(accepts('syncCancel', { planId: 'plan_7-a' }), true);
    for (const bad of ['', 'a b', '../x', 'x'.repeat(101), 'r\n1', 42, null, ['run1']]) {
      assert.equal(accepts('doctorCancel', { runId: bad }), false, JSON.stringify(bad));
      assert.equal(accepts('syncCancel', { planId: bad }), false, JSON.stringify(bad));
    }
    // Each names its own run: the other's key, or none, is refused.
    assert.equal(accepts('doctorCancel', { planId: 'p1' }), false);
    assert.equal(accepts('syncCancel', { runId: 'r1' }), false);
    assert.equal(accepts('doctorCancel', {}), false);
    assert.equal(accepts('syncCancel', {}), false);
    assert.equal(accepts('syncCancel', { planId: 'p1', actionIds: ['a1'] }), false);
  });

  it('accept syncRunning only as an empty object: it lists every running sync and filters nothing', () => {
    assert.equal(accepts('syncRunning', {}), true);
    for (const bad of [{ planId: 'p1' }, { all: true }, null, undefined, [], 'all']) {
      assert.equal(accepts('syncRunning', bad), false, JSON.stringify(bad));
    }
  });

  it('never throw, whatever arrives (property)', () => {
    const method = fc.constantFrom(...WHARF_METHOD_NAMES);
    fc.assert(
      fc.property(method, fc.anything({ withNullPrototype: true, withBigInt: true, withDate: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }), (m, payload) => {
        const result = validateRequest(m, payload);
        assert.ok(result.ok === true || (result.ok === false && result.issues.length > 0));
      }),
      { numRuns: 3000 },
    );
  });

  it('refuse any remote path holding a control character (property)', () => {
    const control = fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c));
    fc.assert(
      fc.property(fc.string(), control, fc.string(), (a, c, b) => {
        assert.equal(accepts('remoteMkdir', { sessionId: 's1', path: `/${a}${c}${b}` }), false);
      }),
    );
  });

  it('refuse a valid request with any one field set to a value of another type (property)', () => {
    const cases = WHARF_METHOD_NAMES.flatMap((m) => Object.keys(VALID_REQUESTS[m] as object).map((k) => [m, k] as const));
    fc.assert(
      fc.property(fc.constantFrom(...cases), fc.oneof(fc.integer(), fc.constant(null), fc.object(), fc.array(fc.integer(), { minLength: 1 })), ([m, key], value) => {
        const original = (VALID_REQUESTS[m] as Record<string, unknown>)[key];
        fc.pre(typeof original !== typeof value || Array.isArray(original) !== Array.isArray(value));
        fc.pre(!(original === null || (key === 'bytesPerSecond' && value === null)));
        // null forgets a saved password: sitesUpdate's, and the app-wide proxy's.
        fc.pre(!(key === 'password' && (m === 'sitesUpdate' || m === 'proxySettingsSet') && value === null));
        assert.equal(accepts(m, { ...(VALID_REQUESTS[m] as object), [key]: value }), false, `${m}.${key} = ${JSON.stringify(value)}`);
      }),
      { numRuns: 2000 },
    );
  });
});
