/**
 * `wharf get --segments N` on a real server: the file arrives byte for byte in N ranges, into a folder target
 * too, with nothing left beside it; a bad count is a usage error. A saved site's `segments` applies to a big
 * `get site:NAME/...` without the flag (as in the app: over the 64 MiB threshold), and `--segments 1` or
 * `--no-segments` overrides it for the run.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { splitIntoRanges } from '../../main/transfers/segmented-download';
import { DEFAULT_SEGMENT_THRESHOLD_BYTES } from '../../main/transfers/ftps-transfer-runner';
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

/** The offsets of the REST commands and the number of RETRs of `remotePath` in a run's WHARF_DEBUG log. */
function retrievalsIn(stderr: string, remotePath: string): { rest: number[]; retr: number } {
  const commands = stderr.split('\n').filter((line) => line.startsWith('command ')).map((line) => line.slice('command '.length));
  return {
    rest: commands.flatMap((text) => /^REST (\d+)$/.exec(text)?.[1] ?? []).map(Number).filter((offset) => offset > 0).sort((a, b) => a - b),
    retr: commands.filter((text) => text === `RETR ${remotePath}`).length,
  };
}

describe('wharf get site:NAME/file of a site saved with segments', () => {
  const env = { WHARF_DATA_DIR: join(work, 'site-get-data'), WHARF_PASSWORD: server.password, WHARF_DEBUG: '1' };
  const big = testBytes(DEFAULT_SEGMENT_THRESHOLD_BYTES + 4099, 22);
  const remotePath = '/segments-site-get.bin';

  test('a big file arrives in the site\'s 4 ranges without --segments; --segments 1 and --no-segments fetch it in one stream', async () => {
    writeServerFile(server, remotePath, big);
    const add = await runWharf(['site', 'add', 'segments-four', '--url', serverUrl(server, '/'), '--ask-password', '--segments', '4'], env);
    assert.equal(add.code, 0, add.stderr);

    const folder = join(work, 'site-get');
    mkdirSync(folder);
    const inRanges = await runWharf(['get', '--ca', caFile, 'site:segments-four/segments-site-get.bin', folder], env);
    assert.equal(inRanges.code, 0, inRanges.stderr);
    assert.equal(sha(readFileSync(join(folder, 'segments-site-get.bin'))), sha(big));
    assert.deepEqual(readdirSync(folder), ['segments-site-get.bin'], 'no temporary file is left');
    assert.deepEqual(retrievalsIn(inRanges.stderr, remotePath), { rest: splitIntoRanges(big.length, 4).slice(1).map((r) => r.start), retr: 4 });

    for (const override of [['--segments', '1'], ['--no-segments']]) {
      const oneStream = await runWharf(['get', ...override, '--ca', caFile, 'site:segments-four/segments-site-get.bin', folder], env);
      assert.equal(oneStream.code, 0, oneStream.stderr);
      assert.equal(sha(readFileSync(join(folder, 'segments-site-get.bin'))), sha(big), override.join(' '));
      assert.deepEqual(retrievalsIn(oneStream.stderr, remotePath), { rest: [], retr: 1 }, override.join(' '));
    }
  });
});
