/**
 * Issue 17's rule for a house a newcomer reads in minutes: a source file over 500 lines is several things in
 * one, unless its first lines say why it is one thing ("Over 500 lines ..."). Walks the project's own sources
 * (code, styles, tests, scripts); dependencies and build output are not ours.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';

const root = fileURLToPath(new URL('../..', import.meta.url));
const SOURCE_FOLDERS = ['main', 'preload', 'renderer', 'common', 'bin', 'scripts', 'test'];
const SOURCE_FILE = /\.(ts|tsx|mts|js|mjs|cjs|css)$/;
const LIMIT = 500;
/** The reason sits in the file's first comment, so a reader meets it before the code. */
const REASON = /over 500 lines/i;

function sourceFiles(folder: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist') continue;
    const path = join(folder, entry.name);
    if (entry.isDirectory()) found.push(...sourceFiles(path));
    else if (entry.isFile() && SOURCE_FILE.test(entry.name)) found.push(path);
  }
  return found;
}

describe('file sizes', () => {
  it('no source file is over 500 lines without a reason at its top', () => {
    const unexplained: string[] = [];
    let measured = 0;
    for (const folder of SOURCE_FOLDERS) {
      for (const file of sourceFiles(join(root, folder))) {
        measured += 1;
        const lines = readFileSync(file, 'utf8').split('\n');
        const count = lines.at(-1) === '' ? lines.length - 1 : lines.length;
        if (count > LIMIT && !REASON.test(lines.slice(0, 3).join('\n'))) unexplained.push(`${relative(root, file)} (${count} lines)`);
      }
    }
    assert.ok(measured > 100, `walked only ${measured} files: the folders moved?`);
    assert.deepEqual(unexplained, []);
  });
});
