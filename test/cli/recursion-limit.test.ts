/**
 * `--max-items` and `--max-depth` on the command line (issue #13, bounded recursion), against a real vsftpd:
 * `get -r`, `sync` and `rm -r` walk a remote tree whole before changing anything, so a walk past its limit
 * stops with exit code 9 and a message naming the option and the bound reached, and nothing is downloaded,
 * changed or deleted; the same command with the limit raised completes. The hostile server's endless trees
 * are in test/hostile/recursion-budget.test.ts.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { before, describe, test } from 'node:test';
import { writeServerFile } from '../servers/fleet';
import { cliWorkspace, runWharf, serverUrl } from './support';

const { fleet, work, caFile } = await cliWorkspace('wharf-cli-limits');
const server = fleet.servers['vsftpd-explicit'];
const env = { WHARF_PASSWORD: server.password, WHARF_DATA_DIR: join(work, 'data') };

/** Five files at the top and one file four folders down: ten entries, four levels. */
const TREE = ['one.txt', 'two.txt', 'three.txt', 'four.txt', 'five.txt', 'a/b/c/d/deep.txt'];
const EXIT_RECURSION_LIMIT = 9;

function unique(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** A new tree on the server; returns its remote path. */
function remoteTree(): string {
  const box = `/${unique('tree')}`;
  for (const file of TREE) writeServerFile(server, `${box}/${file}`, `content of ${file}`);
  return box;
}

/** Every file under a local folder, as relative paths (none when it does not exist). */
function filesUnder(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)))
    .sort();
}

const sortedTree = [...TREE].sort();

describe('get -r', () => {
  let box: string;
  before(() => {
    box = remoteTree();
  });

  test('past --max-depth: exit 9, the option and the depth reached are named, nothing is downloaded', async () => {
    const target = join(work, unique('deep'));
    const run = await runWharf(['get', '-r', serverUrl(server, box), target, '--ca', caFile, '--max-depth', '2'], env);
    assert.equal(run.code, EXIT_RECURSION_LIMIT, run.stderr);
    assert.match(run.stderr, new RegExp(`folders more than 2 levels deep \\(at ${box}/a/b/c\\): stopped at --max-depth 2\\. Nothing was downloaded\\.`));
    assert.match(run.stderr, /raise the limit with --max-depth N \(for example --max-depth 4\)/);
    assert.deepEqual(filesUnder(target), []);
  });

  test('past --max-items: exit 9, the option and the count reached are named, nothing is downloaded', async () => {
    const target = join(work, unique('wide'));
    const run = await runWharf(['get', '-r', serverUrl(server, box), target, '--ca', caFile, '--max-items', '3'], env);
    assert.equal(run.code, EXIT_RECURSION_LIMIT, run.stderr);
    assert.match(run.stderr, /more than 3 files and folders \(at .*\): stopped at --max-items 3\. Nothing was downloaded\./);
    assert.match(run.stderr, /raise the limit with --max-items N/);
    assert.deepEqual(filesUnder(target), []);
  });

  test('with the limits raised to the tree, it downloads everything', async () => {
    const target = join(work, unique('whole'));
    const run = await runWharf(['get', '-r', serverUrl(server, box), target, '--ca', caFile, '--max-depth', '4', '--max-items', String(TREE.length + 4)], env);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(filesUnder(target), sortedTree);
    assert.equal(readFileSync(join(target, 'a/b/c/d/deep.txt'), 'utf8'), 'content of a/b/c/d/deep.txt');
  });

  test('a bound that is not a whole number above 0 is a usage error', async () => {
    const run = await runWharf(['get', '-r', serverUrl(server, box), join(work, unique('bad')), '--ca', caFile, '--max-items', '0'], env);
    assert.equal(run.code, 2, run.stderr);
    assert.match(run.stderr, /--max-items takes a whole number above 0/);
  });
});

describe('sync', () => {
  test('down past --max-items: exit 9, nothing is changed; raised, the folders match', async () => {
    const box = remoteTree();
    const local = join(work, unique('sync'));
    mkdirSync(local);
    const stopped = await runWharf(['sync', local, serverUrl(server, box), '--direction', 'down', '--ca', caFile, '--max-items', '4'], env);
    assert.equal(stopped.code, EXIT_RECURSION_LIMIT, stopped.stderr);
    assert.match(stopped.stderr, /more than 4 files and folders .*stopped at --max-items 4\. Nothing was changed\. .*--max-items N/);
    assert.deepEqual(filesUnder(local), []);
    const deep = await runWharf(['sync', local, serverUrl(server, box), '--direction', 'down', '--ca', caFile, '--max-depth', '3'], env);
    assert.equal(deep.code, EXIT_RECURSION_LIMIT, deep.stderr);
    assert.match(deep.stderr, /folders more than 3 levels deep .*stopped at --max-depth 3\./);
    assert.deepEqual(filesUnder(local), []);
    const done = await runWharf(['sync', local, serverUrl(server, box), '--direction', 'down', '--ca', caFile, '--max-items', '10', '--max-depth', '4'], env);
    assert.equal(done.code, 0, done.stderr);
    assert.deepEqual(filesUnder(local), sortedTree);
  });

  test('sync --help names both options', async () => {
    const help = await runWharf(['sync', '--help'], env);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /--max-items N/);
    assert.match(help.stdout, /--max-depth N/);
  });
});

describe('rm -r', () => {
  test('past --max-depth deletes nothing (exit 9); raised, the tree is gone', async () => {
    const box = remoteTree();
    const onDisk = join(server.root, box);
    const stopped = await runWharf(['rm', '-r', serverUrl(server, box), '--ca', caFile, '--max-depth', '3'], env);
    assert.equal(stopped.code, EXIT_RECURSION_LIMIT, stopped.stderr);
    assert.match(stopped.stderr, /folders more than 3 levels deep .*stopped at --max-depth 3\. Nothing was deleted\./);
    assert.deepEqual(filesUnder(onDisk), sortedTree);
    const wide = await runWharf(['rm', '-r', serverUrl(server, box), '--ca', caFile, '--max-items', '9'], env);
    assert.equal(wide.code, EXIT_RECURSION_LIMIT, wide.stderr);
    assert.match(wide.stderr, /more than 9 files and folders .*Nothing was deleted\./);
    assert.deepEqual(filesUnder(onDisk), sortedTree);
    const done = await runWharf(['rm', '-r', serverUrl(server, box), '--ca', caFile, '--max-items', '10', '--max-depth', '4'], env);
    assert.equal(done.code, 0, done.stderr);
    assert.equal(existsSync(onDisk), false);
  });
});

test('wharf --help names the options, the commands they apply to and exit code 9', async () => {
  const help = await runWharf(['--help'], env);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--max-items N +get -r, rm -r, sync: stop past N files and folders/);
  assert.match(help.stdout, /--max-depth N +get -r, rm -r, sync: stop past N folder levels/);
  assert.match(help.stdout, /9 stopped at --max-items or --max-depth \(nothing changed\)/);
});
