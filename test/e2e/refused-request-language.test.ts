/**
 * A request the gate refuses, answered in the window's language, from the window's side: the app in real Chromium
 * through the bridge (which runs the same `createDispatcher` as Electron's registration loop), switched to German
 * with its picker. A request of the wrong shape sent through `window.wharf`, and one naming no method sent on the
 * bridge's own socket, get German sentences, not zod's English; the service is never reached.
 * The Electron side of the same promise is in test/app/main-language.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { createTranslator } from '../../common/i18n/translator';
import { BRIDGE_TOKEN_PARAM, BRIDGE_WS_PATH } from './bridge/wire';
import type { App } from './support';
import { closeApp, pageProblems, scratch, startApp } from './support';

const work = scratch('wharf-e2e-refused-language-');
const de = createTranslator('de');
let app: App | undefined;
let page: Page;

type Refusal = { ok: boolean; error?: { kind: string; message: string; detail?: Record<string, unknown> } };
type PageWharf = { wharf: Record<string, (request: unknown, ...more: unknown[]) => Promise<Refusal>>; location: { host: string; search: string } };

/** zod's own English words ("Invalid input: expected string, received number") and English labels ("(request)"), which must not reach a German user. */
const ZOD_ENGLISH = /Invalid|expected|received|Required|Unrecognized|request/;

before(async () => {
  app = await startApp(work);
  page = app.page;
  await page.locator('.language-picker select').selectOption('de');
  await page.waitForFunction(() => (globalThis as unknown as { document: { documentElement: { lang: string } } }).document.documentElement.lang === 'de');
});

after(() => closeApp({ app, work }));

describe('a refused request in the window\'s language (German, through the bridge)', () => {
  it('refuses a request of the wrong shape with a German sentence that names the field', async () => {
    const folder = work.home;
    const refused = await page.evaluate(async (path) => {
      const { wharf } = globalThis as unknown as PageWharf;
      return {
        wrongType: await wharf.localList!({ path: 42 }),
        missing: await wharf.localList!({}),
        extraField: await wharf.localList!({ path, also: 'this' }),
      };
    }, folder);
    for (const [name, result] of Object.entries(refused)) {
      assert.equal(result.ok, false, name);
      assert.equal(result.error?.kind, 'invalid-input', name);
      assert.equal(result.error?.detail?.reason, 'validation', name);
      assert.ok(result.error?.message.startsWith(de.text('internalErrors.requestRefused', { method: 'localList', issues: '' })), `${name}: ${result.error?.message}`);
      assert.doesNotMatch(result.error?.message ?? '', ZOD_ENGLISH, `${name}: ${result.error?.message}`);
    }
    assert.match(refused.wrongType.error!.message, /: path: /);
    // The same folder in the right shape is listed: the refusals were the shape's, not the folder's.
    const listed = await page.evaluate((path) => (globalThis as unknown as PageWharf).wharf.localList!({ path }), folder);
    assert.equal(listed.ok, true, JSON.stringify(listed));
    assert.deepEqual(pageProblems(page), []);
  });

  it('refuses a method the contract does not name, sent on the bridge\'s socket, in German', async () => {
    const refused = await page.evaluate(async ([path, param]) => {
      const g = globalThis as unknown as PageWharf & { WebSocket: new (url: string) => { onopen: (() => void) | null; onmessage: ((m: { data: string }) => void) | null; onerror: (() => void) | null; send(d: string): void; close(): void } };
      const token = new URLSearchParams(g.location.search).get(param) ?? '';
      return new Promise<Refusal>((answered, failed) => {
        const socket = new g.WebSocket(`ws://${g.location.host}${path}?${param}=${encodeURIComponent(token)}`);
        socket.onerror = () => failed(new Error('the bridge socket failed'));
        socket.onopen = () => socket.send(JSON.stringify({ type: 'call', id: 1, method: 'deleteEverything', payload: {} }));
        socket.onmessage = (message) => {
          const reply = JSON.parse(message.data) as { type: string; id?: number; result?: Refusal };
          if (reply.type !== 'result' || reply.id !== 1) return;
          socket.close();
          answered(reply.result!);
        };
      });
    }, [BRIDGE_WS_PATH, BRIDGE_TOKEN_PARAM] as const);
    assert.equal(refused.ok, false);
    assert.equal(refused.error?.kind, 'invalid-input');
    assert.equal(refused.error?.message, de.text('internalErrors.unknownRequest'));
  });
});
