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

describe('wharf site add|edit --segments N | --no-segments', () => {
  const env = { WHARF_DATA_DIR: join(work, 'site-data') };
  test('a site keeps the most ranges the queue may use; --no-segments turns them off; both at once is refused', async () => {
    const byDefault = await runWharf(['site', 'add', 'segments-default', '--url', serverUrl(server, '/'), '--ask-password'], env);
    assert.equal(byDefault.code, 0, byDefault.stderr);
    assert.match(byDefault.stdout, /Big downloads: +in up to 4 ranges at once/);
    const single = await runWharf(['site', 'add', 'segments-one-connection', '--url', serverUrl(server, '/'), '--ask-password', '--max-connections', '1'], env);
    assert.match(single.stdout, /Big downloads: +one stream per file/, 'a site allowed one connection starts with segments off');

    const add = await runWharf(['site', 'add', 'segments-six', '--url', serverUrl(server, '/'), '--ask-password', '--segments', '6'], env);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /Big downloads: +in up to 6 ranges at once/);
    const off = await runWharf(['site', 'edit', 'segments-six', '--no-segments'], env);
    assert.equal(off.code, 0, off.stderr);
    assert.match((await runWharf(['site', 'show', 'segments-six'], env)).stdout, /Big downloads: +one stream per file \(segments off\)/);

    const both = await runWharf(['site', 'edit', 'segments-six', '--segments', '3', '--no-segments'], env);
    assert.equal(both.code, 2);
    assert.match(both.stderr, /Give --segments N or --no-segments, not both/);
  });
});
