/**
 * An empty server folder whose name is taken by a file on this computer, from the command line (the queue's own
 * test is test/transfers/folder-over-file.test.ts): `wharf get -r` fails that folder with "PATH is not a
 * folder." and exit code 7 (local files), copies the rest and leaves the file as it was; `wharf sync --direction
 * down` lists the name as a conflict (a file here, a folder on the server), copies the rest and leaves the file
 * alone too, and ends with exit code 10: the folders are not in step.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { writeServerFile, type ServerInfo } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-folder-over-file');
const server: ServerInfo = fleet.servers['vsftpd-explicit'];
const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') };
let counter = 0;

/** A server folder with a file and an empty folder `inner`; returns its name. */
function serverFolder(prefix: string): string {
  const folder = `${prefix}-${process.pid}-${++counter}`;
  writeServerFile(server, `${folder}/a.txt`, 'from the server');
  mkdirSync(join(server.root, folder, 'inner'), { mode: 0o755 });
  return folder;
}

describe('an empty server folder whose name is a file here, from the command line', () => {
  test('wharf get -r fails that folder with "is not a folder." and exit code 7, copies the rest, keeps the file', async () => {
    const folder = serverFolder('get-r');
    const target = join(work, folder);
    mkdirSync(target);
    writeFileSync(join(target, 'inner'), 'a file of mine');
    const run = await runWharf(['get', '-r', serverUrl(server, `/${folder}`), target, '--ca', caFile], env);
    assert.equal(run.code, 7, `${run.stdout}${run.stderr}`);
    const told = run.stderr.split('\n').filter((line) => line.startsWith('wharf: '));
    assert.ok(told.some((line) => line.includes(`${join(target, 'inner')} is not a folder.`)), run.stderr);
    assert.equal(readFileSync(join(target, 'inner'), 'utf8'), 'a file of mine');
    assert.equal(readFileSync(join(target, 'a.txt'), 'utf8'), 'from the server');
  });

  test('wharf sync --direction down lists the name as a conflict, copies the rest, leaves the file alone and ends with 10', async () => {
    const folder = serverFolder('sync-down');
    const local = join(work, folder);
    mkdirSync(local);
    writeFileSync(join(local, 'inner'), 'a file of mine');
    const run = await runWharf(['sync', local, serverUrl(server, `/${folder}`), '--direction', 'down', '--delete', '--ca', caFile], env);
    assert.match(run.stdout, /^Conflicts/m, run.stdout);
    assert.equal(run.code, 10, 'the folders are not in step: a script must not read 0');
    assert.match(run.stdout, /inner: A file here, a folder on the server\./, run.stdout);
    assert.equal(readFileSync(join(local, 'inner'), 'utf8'), 'a file of mine');
    assert.ok(statSync(join(local, 'inner')).isFile());
    assert.equal(readFileSync(join(local, 'a.txt'), 'utf8'), 'from the server');
  });
});
