/**
 * The layer rule of main/ (eslint.config.js MAIN_LAYERS) run by ESLint itself on small fixtures placed, by
 * their file name, in main's folders: an upward import fails lint, a downward one passes. The same for the rule
 * against importing a folder of main/, in main/ and in the tests, scripts, renderer and preload, and for the
 * renderer's place below main.
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

  it('fails an import of a folder of main/ from a test, a script, the renderer and the preload as well', async () => {
    const fixtures = [
      ['test/sync/folder-fixture.test.ts', "export { planSync } from '../../main/sync';\n"],
      ['test/sync/index-fixture.test.ts', "export { planSync } from '../../main/sync/index';\n"],
      ['scripts/folder-fixture.ts', "export { FtpsSession } from '../main/ftps';\n"],
      ['renderer/components/folder-fixture.tsx', "export { FtpsSession } from '../../main/ftps';\n"],
      ['preload/folder-fixture.ts', "export { FtpsSession } from '../main/ftps';\n"],
    ] as const;
    for (const [filePath, code] of fixtures) {
      const [result] = await eslint.lintText(code, { filePath });
      const messages = (result?.messages ?? []).filter((m) => m.ruleId === 'wharf/no-folder-imports').map((m) => m.message);
      assert.equal(messages.length, 1, filePath);
      assert.match(messages[0] ?? '', /Import the module itself \('\.\.\/(\.\.\/)?main\/(sync|ftps)\/<module>'\)/, filePath);
    }
  });

  it('keeps the renderer below main: it imports common/ only, while tests may reach every layer of main/', async () => {
    const [renderer] = await eslint.lintText("import { FtpsSession } from '../../main/ftps/session';\nexport const x = FtpsSession;\n", { filePath: 'renderer/components/upward-fixture.tsx' });
    const rendererMessages = (renderer?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    assert.equal(rendererMessages.length, 1);
    assert.match(rendererMessages[0] ?? '', /The renderer imports common\/ only/);
    const [common] = await eslint.lintText("import type { TransferItem } from '../../common/models/transfer';\nexport type X = TransferItem;\n", { filePath: 'renderer/components/common-fixture.tsx' });
    assert.deepEqual(common?.messages ?? [], []);

    const code = "export { QueueService } from '../../main/services/queue-service';\nexport { FtpsSession } from '../../main/ftps/session';\n";
    const [test] = await eslint.lintText(code, { filePath: 'test/services/layers-fixture.test.ts' });
    assert.deepEqual(test?.messages ?? [], []);
  });

  it('lets main/app import everything', async () => {
    assert.deepEqual(await layerMessages('main/app/fixture.ts', "export { runCli } from '../cli/main';\n"), []);
  });

  it('asks a new folder of main/ to take its place in the layers', async () => {
    const messages = await layerMessages('main/newfolder/fixture.ts', 'export const x = 1;\n');
    assert.match(messages[0] ?? '', /main\/newfolder has no place in the layers/);
  });
});
