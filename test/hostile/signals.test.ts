/**
 * SIGTERM and SIGINT end the command line promptly in any state: here in the middle of a listing that never
 * ends (a scripted server streams it for ever), where nothing else would ever end the command.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { after, test } from 'node:test';
import { startHostileServer } from './hostile-server';
import { ensureCliBuilt, ROOT } from './support';

ensureCliBuilt();
const dataDir = mkdtempSync(join(tmpdir(), 'wharf-signals-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
  test(`${signal} ends a running wharf ls with exit code ${code}`, async () => {
    const line = Buffer.from('-rw-r--r--    1 ftp      ftp             1 Jan 01 00:00 endless.txt\r\n'.repeat(512));
    const server = await startHostileServer({ mode: 'plain', listing: () => ({ endless: () => line }) });
    try {
      const child = spawn(process.execPath, [join(ROOT, 'bin', 'wharf'), 'ls', '--allow-plain', `ftp://late@127.0.0.1:${server.port}/endless/`], {
        env: { ...process.env, WHARF_DATA_DIR: dataDir, WHARF_PASSWORD: 'irrelevant' }, stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const exited = new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      // The transfer is running once the server has streamed part of the listing.
      while (server.stats.bytesServed < 1024 * 1024) await delay(20);
      child.kill(signal);
      assert.equal(await exited, code, stderr);
      assert.match(stderr, new RegExp(`stopped by ${signal}`));
    } finally {
      await server.close();
    }
  });
}
