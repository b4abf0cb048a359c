/**
 * The BUILT renderer bundle (dist/renderer, what the window loads) carries no zod: payloads are validated
 * in main, so zod in the page is dead weight (about 90 KB). It slips back in when renderer code imports a
 * value from a common module that also builds zod schemas; those live in the `*-schema.ts` modules.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const rendererRoot = join(root, 'dist', 'renderer');

before(() => {
  // npm test builds first; a file run on its own builds the renderer here.
  if (!existsSync(join(rendererRoot, 'index.html'))) {
    const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.renderer.config.ts'], { cwd: root, stdio: 'ignore' });
    assert.equal(built.status, 0, 'the renderer bundle builds');
  }
});

describe('the renderer bundle', () => {
  it('holds no zod: every schema stays in main and common/ipc', () => {
    const html = readFileSync(join(rendererRoot, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*\ssrc="\/?([^"]+\.js)"/g)].map((m) => m[1] as string);
    assert.ok(scripts.length > 0, 'index.html loads the bundle');
    for (const script of scripts) {
      const code = readFileSync(join(rendererRoot, script), 'utf8');
      // zod 4's classes keep these names through minification (its `_zod` internals and error class).
      // Not assert.doesNotMatch: its failure would print the whole bundle.
      assert.ok(!/_zod\b|ZodError/.test(code), `${script} contains zod: a renderer import reaches a module that builds zod schemas`);
    }
  });
});
