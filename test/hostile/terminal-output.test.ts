/**
 * What a hostile server sends (names in listings, its greeting) reaches the user's terminal through the
 * `wharf` command line. Escape sequences (clear the screen, recolour, retitle the window, forge lines)
 * and bidirectional overrides (`evil\u202Etxt.exe` shown as `evilexe.txt`) must arrive escaped, never raw.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { useFleet } from '../servers/fleet';
import { startHostileServer, unixLine, type HostileServer } from './hostile-server';
import { ensureCliBuilt, fleetCertificate, runWharf } from './support';

const fleet = await useFleet();
const cert = fleetCertificate(fleet, 'server');
const fingerprint = `SHA256:${cert.fingerprint.replace(/:/g, '')}`;
const work = mkdtempSync(join(tmpdir(), 'wharf-terminal-'));
let server: HostileServer;

/** C0 controls but newline, DEL, C1 controls, and the invisible or bidirectional formatting characters. */
const UNSAFE_FOR_A_TERMINAL = /[^\P{Cc}\n]|[\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u;

before(async () => {
  ensureCliBuilt();
  server = await startHostileServer({
    mode: 'explicit',
    key: cert.key,
    cert: cert.cert,
    greeting: '220 \u001b]0;owned\u0007\u001b[2J\u001b[31mWelcome',
    listing: () => Buffer.concat(['\u001b[2J\u001b[31mred', 'evil\u202etxt.exe', 'bell\u0007', 'ok.txt'].map((n) => unixLine(n))),
    file: () => null,
  });
});
after(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('the command line never passes a hostile control sequence to the terminal', () => {
  for (const [what, args] of [
    ['ls', () => ['ls', `ftpes://u@127.0.0.1:${server.port}/d`]],
    ['get -r', () => ['get', '-r', `ftpes://u@127.0.0.1:${server.port}/d`, join(work, 'out')]],
    ['info', () => ['info', `ftpes://u@127.0.0.1:${server.port}/d`]],
    ['doctor', () => ['doctor', `ftpes://u@127.0.0.1:${server.port}/d`]],
    ['sync', () => ['sync', join(work, 'sync'), `ftpes://u@127.0.0.1:${server.port}/d`, '--direction', 'down']],
  ] as const) {
    test(`wharf ${what}`, async () => {
      const run = await runWharf([...args(), '--fingerprint', fingerprint], { WHARF_PASSWORD: 'pw' });
      assert.ok(run.stdout.length + run.stderr.length > 0, 'it said something');
      for (const [stream, text] of [['stdout', run.stdout], ['stderr', run.stderr]] as const) {
        const found = UNSAFE_FOR_A_TERMINAL.exec(text);
        assert.equal(found, null, `${stream} holds U+${found?.[0].codePointAt(0)?.toString(16).padStart(4, '0')}: ${JSON.stringify(text)}`);
      }
    });
  }
});
