/**
 * The BUILT preload (dist/preload/index.cjs) evaluated as Electron's sandbox would: in its own context,
 * with `require` able to load only `electron` (here a stand-in: the Electron binary cannot run on our
 * machines). Checks that `window.wharf` is exactly the contract and leaks nothing of Electron.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { WHARF_METHOD_NAMES } from '../../common/ipc/contract';

type Listener = (event: unknown, ...args: unknown[]) => void;

function loadPreload(options: { invoke?: (channel: string, ...args: unknown[]) => Promise<unknown> } = {}) {
  const exposed = new Map<string, Record<string, unknown>>();
  const invocations: { channel: string; args: unknown[] }[] = [];
  const listeners = new Map<string, Set<Listener>>();
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => exposed.set(key, api) },
    ipcRenderer: {
      invoke: (channel: string, ...args: unknown[]) => {
        invocations.push({ channel, args });
        return options.invoke ? options.invoke(channel, ...args) : Promise.resolve({ ok: true, value: channel });
      },
      on: (channel: string, listener: Listener) => {
        if (!listeners.has(channel)) listeners.set(channel, new Set());
        listeners.get(channel)!.add(listener);
      },
      removeListener: (channel: string, listener: Listener) => listeners.get(channel)?.delete(listener),
      send: () => assert.fail('the preload must not use send'),
    },
    webUtils: { getPathForFile: (file: { path?: string }) => file.path ?? '' },
  };
  const required: string[] = [];
  const sandboxRequire = (name: string) => {
    required.push(name);
    if (name === 'electron') return electron;
    throw new Error(`A sandboxed preload cannot require ${name}`);
  };
  const code = readFileSync(fileURLToPath(new URL('../../dist/preload/index.cjs', import.meta.url)), 'utf8');
  const module = { exports: {} };
  const wrapper = vm.runInNewContext(`(function (exports, require, module) {${code}\n})`, { console, URLSearchParams }) as (e: unknown, r: unknown, m: unknown) => void;
  wrapper(module.exports, sandboxRequire, module);
  return { exposed, invocations, listeners, required };
}

describe('the built preload', () => {
  it('requires nothing but electron and exposes one object, window.wharf', () => {
    const { exposed, required } = loadPreload();
    assert.deepEqual([...new Set(required)], ['electron']);
    assert.deepEqual([...exposed.keys()], ['wharf']);
  });

  it('exposes exactly the contract methods plus on and getPathForFile, and nothing of Electron', () => {
    const api = loadPreload().exposed.get('wharf')!;
    assert.deepEqual(Object.keys(api).sort(), [...WHARF_METHOD_NAMES, 'on', 'getPathForFile'].sort());
    for (const value of Object.values(api)) assert.equal(typeof value, 'function');
    assert.ok(Object.isFrozen(api));
  });

  it('invokes each method on its generated channel with the one request object', async () => {
    const { exposed, invocations } = loadPreload();
    const api = exposed.get('wharf')! as Record<string, (request: unknown) => Promise<unknown>>;
    for (const method of WHARF_METHOD_NAMES) {
      if (method === 'dropIn') continue;
      assert.deepEqual(await api[method]!({ probe: method }), { ok: true, value: `wharf:${method}` });
    }
    assert.deepEqual(
      invocations,
      WHARF_METHOD_NAMES.filter((m) => m !== 'dropIn').map((m) => ({ channel: `wharf:${m}`, args: [{ probe: m }] })),
    );
  });

  it('answers a Result even when the main process cannot be reached', async () => {
    const { exposed } = loadPreload({ invoke: () => Promise.reject(new Error("No handler registered for 'wharf:appInfo'")) });
    const result = (await (exposed.get('wharf')!.appInfo as (r: unknown) => Promise<{ ok: boolean; error?: { kind: string } }>)({})) ?? {};
    assert.equal(result.ok, false);
    assert.equal(result.error?.kind, 'internal');
  });

  it('passes event payloads without the Electron event, and unsubscribes', () => {
    const { exposed, listeners } = loadPreload();
    const on = exposed.get('wharf')!.on as (name: string, cb: (...args: unknown[]) => void) => () => void;
    const received: unknown[][] = [];
    const off = on('queueUpdate', (...args) => received.push(args));
    const registered = [...(listeners.get('wharf:event:queueUpdate') ?? [])];
    assert.equal(registered.length, 1);
    registered[0]!({ sender: 'ipcRenderer internals', ports: [] }, { revision: 3 });
    assert.deepEqual(received, [[{ revision: 3 }]]);
    off();
    assert.equal(listeners.get('wharf:event:queueUpdate')?.size, 0);
    assert.throws(() => on('wharf:localList', () => undefined), { name: 'TypeError' });
    assert.throws(() => on('toString', () => undefined), { name: 'TypeError' });
  });

  it('forwards to dropIn only paths the OS gave through getPathForFile', async () => {
    const { exposed, invocations } = loadPreload();
    const api = exposed.get('wharf')! as Record<string, (arg: unknown) => unknown>;
    const forged = (await api.dropIn!({ paths: ['/etc'] })) as { ok: boolean; error?: { detail?: { reason?: string } } };
    assert.equal(forged.ok, false);
    assert.equal(forged.error?.detail?.reason, 'not-from-os');
    assert.equal(api.getPathForFile!({ name: 'photo.jpg', path: '/home/me/photo.jpg' }), '/home/me/photo.jpg');
    assert.equal(api.getPathForFile!({ name: 'made-in-page.txt' }), '');
    assert.deepEqual(await api.dropIn!({ paths: ['/home/me/photo.jpg'] }), { ok: true, value: 'wharf:dropIn' });
    assert.deepEqual(invocations, [{ channel: 'wharf:dropIn', args: [{ paths: ['/home/me/photo.jpg'] }] }]);
  });
});
