/**
 * `wharf get --segments N` on a real server: the file arrives byte for byte in N ranges, into a folder target
 * too, with nothing left beside it; a bad count is a usage error.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile } from '../servers/fleet';
import { testBytes } from '../ftps/support';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-segments');
const server = fleet.servers['pureftpd-explicit'];
const data = testBytes(18 * 1024 * 1024 + 7, 21);
const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('wharf get --segments', () => {
  test('a file arrives whole in 4 segments, into a folder, with nothing left beside it', async () => {
    writeServerFile(server, '/segments-cli.bin', data);
    const folder = join(work, 'into');
    mkdirSync(folder);
    const run = await runWharf(['get', '--segments', '4', '--ca', caFile, serverUrl(server, '/segments-cli.bin'), folder], {
      WHARF_PASSWORD: server.password,
      WHARF_DATA_DIR: join(work, 'data'),
    });
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /in 4 segments/);
    assert.equal(sha(readFileSync(join(folder, 'segments-cli.bin'))), sha(data));
    assert.deepEqual(readdirSync(folder), ['segments-cli.bin']);
  });

  test('a count outside 1-10 is a usage error', async () => {
    const run = await runWharf(['get', '--segments', '0', serverUrl(server, '/x'), join(work, 'x')], { WHARF_DATA_DIR: join(work, 'data') });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /--segments takes a whole number from 1 to 10/);
  });
});
