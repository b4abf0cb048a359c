/**
 * The catalogue rules (eslint-rules/ui-text.js) run by ESLint itself on small fixtures: text written straight
 * into a component, a WharfError or the CLI's output fails lint; text from t(...) and data pass.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ESLint } from 'eslint';
import { UI_TEXT_PENDING } from '../../eslint-rules/ui-text-pending.js';

const eslint = new ESLint();
const UI_TEXT_RULES = new Set(['wharf-text/no-literal-jsx-text', 'wharf-text/no-literal-message']);

async function uiTextProblems(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId !== null && UI_TEXT_RULES.has(m.ruleId)).length;
}

describe('text people read comes from the catalogue', () => {
  it('fails words written into JSX, into read attributes and into JSX expressions', async () => {
    const code = [
      "import { t } from '../../common/i18n/t';",
      'export function A({ n }: { n: number }) {',
      '  return (',
      '    <div title="Remote site" aria-label={`${n} files`}>',
      '      Download',
      "      {n > 1 ? 'many' : 'one'}",
      '    </div>',
      '  );',
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('renderer/components/ui-text-fixture.tsx', code), 4);
  });

  it('passes text from t(...), data, punctuation and non-read attributes', async () => {
    const code = [
      "import { t } from '../../common/i18n/t';",
      'export function A({ name, n }: { name: string; n: number }) {',
      "  return <div className=\"pane-title\" title={t('common.close')} data-side=\"remote\">{name} · {n} / {t('common.files', { count: n })}</div>;",
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('renderer/components/ui-text-fixture.tsx', code), 0);
  });

  it('fails a WharfError or CLI output with written words, passes one built from t(...)', async () => {
    const written = [
      "import { WharfError } from '../core/errors';",
      "export function f(io: { out(s: string): void }, name: string) {",
      "  io.out(`Deleted ${name}`);",
      "  throw new WharfError('not-found', 'No such file: ' + name);",
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('main/cli/ui-text-fixture.ts', written), 2);
    const catalogued = [
      "import { WharfError } from '../core/errors';",
      "import { t } from '../../common/i18n/t';",
      "export function f(io: { out(s: string): void }, name: string) {",
      "  io.out(t('common.close'));",
      "  io.out(name + ':');",
      "  throw new WharfError('not-found', t('common.size.unknown'));",
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('main/cli/ui-text-fixture.ts', catalogued), 0);
  });

  it('keeps in the pending list only files whose text really is still pending', async () => {
    const stale: string[] = [];
    for (const file of UI_TEXT_PENDING) {
      const problems = await uiTextProblemsOfFile(file);
      if (problems === 0) stale.push(file);
    }
    assert.deepEqual(stale, [], 'these files have no written text left: delete them from eslint-rules/ui-text-pending.js');
  });
});

/** Lints a pending file as if it were not pending (its text is the fixture). */
async function uiTextProblemsOfFile(file: string): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const code = await readFile(file, 'utf8');
  // The same path with a suffix the pending list does not name, in the same folder, so the same rules apply.
  const probe = file.replace(/(\.tsx?)$/, '.pending-probe$1');
  return uiTextProblems(probe, code);
}
