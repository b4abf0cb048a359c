/**
 * The layer rule of main/ (eslint.config.js MAIN_LAYERS) run by ESLint itself on small fixtures placed, by
 * their file name, in main's folders: an upward import fails lint, a downward one passes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';

const eslint = new ESLint();

async function layerMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'wharf/main-layers').map((m) => m.message);
}

describe('the layers of main/', () => {
  it('fails an upward import: the engine may not import the services', async () => {
    const messages = await layerMessages('main/ftps/upward-fixture.ts', "import { QueueService } from '../services/queue-service';\nexport const x = QueueService;\n");
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /main\/ftps may not import main\/services/);
  });

  it('fails an upward import from a subfolder and a re-export', async () => {
    const messages = await layerMessages('main/sync/deep/upward-fixture.ts', "export { runCli } from '../../cli/main';\n");
    assert.equal(messages.length, 1);
    assert.match(messages[0] ?? '', /main\/sync may not import main\/cli/);
  });

  it('passes downward imports, imports inside a folder and imports of common/', async () => {
    const code = [
      "import { WharfError } from '../core/errors';",
      "import { planSync } from './plan';",
      "import type { SyncPlan } from '../../common/models/sync';",
      'export const x = [WharfError, planSync] as const;',
      'export type Y = SyncPlan;',
      '',
    ].join('\n');
    assert.deepEqual(await layerMessages('main/sync/downward-fixture.ts', code), []);
  });

  it('lets every folder import main/core, and main/core import nothing of ours but common/', async () => {
    for (const folder of ['ftps', 'credentials', 'local-fs', 'connections', 'transfers', 'sites', 'sync', 'doctor', 'services', 'cli']) {
      assert.deepEqual(await layerMessages(`main/${folder}/core-fixture.ts`, "export { WharfError } from '../core/errors';\n"), [], folder);
    }
    const messages = await layerMessages('main/core/upward-fixture.ts', "export { FtpsSession } from '../ftps/session';\n");
    assert.match(messages[0] ?? '', /main\/core may not import main\/ftps/);
  });

  it('fails an import of a folder of main/ (main has no index files) and passes one of the module itself', async () => {
    const [inMain] = await eslint.lintText("export { FtpsSession } from '../ftps';\n", { filePath: 'main/sync/folder-fixture.ts' });
    const folderMessages = (result: typeof inMain) => (result?.messages ?? []).filter((m) => m.ruleId === 'wharf/no-folder-imports').map((m) => m.message);
    assert.match(folderMessages(inMain)[0] ?? '', /Import the module itself \('\.\.\/ftps\/<module>'\)/);
    const [direct] = await eslint.lintText("export { SiteStore } from '../../main/sites/site-store';\n", { filePath: 'test/sites/folder-fixture.test.ts' });
    assert.deepEqual(folderMessages(direct), []);
  });

  it('lets main/app import everything', async () => {
    assert.deepEqual(await layerMessages('main/app/fixture.ts', "export { runCli } from '../cli/main';\n"), []);
  });

  it('asks a new folder of main/ to take its place in the layers', async () => {
    const messages = await layerMessages('main/newfolder/fixture.ts', 'export const x = 1;\n');
    assert.match(messages[0] ?? '', /main\/newfolder has no place in the layers/);
  });
});
