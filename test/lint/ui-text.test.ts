/**
 * The catalogue rules (eslint-rules/ui-text.js) run by ESLint itself on small fixtures: text written straight
 * into a component, a WharfError, the CLI's output or a read field of main's models (a compare row's
 * `explanation`, a sync action's `reason`, a plan's `notes`) fails lint; text from t(...) and data pass.
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

  it("fails sentences written into the read fields of main's models and into their notes (a compare row, a sync plan, an error, a refused request)", async () => {
    const written = [
      "import { invalidInput } from '../services/error-data';",
      "export function f(side: string, n: number, newer: boolean, notes: string[], method: string) {",
      "  notes.push(`${n} entries were skipped.`);",
      "  if (n < 0) return invalidInput('Unknown request.', { method });",
      '  return {',
      "    explanation: `Only ${side}.`,",
      "    reason: 'Only here.',",
      "    warning: newer ? 'The copy on the server is newer: overwriting it loses its changes.' : null,",
      "    error: { kind: 'internal', message: `Wharf answered ${method} incorrectly.` },",
      '  };',
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('main/sync/ui-text-fixture.ts', written), 6);
  });

  it('passes codes in those fields, data in an error detail or a message argument, log lines and protocol text', async () => {
    const codes = [
      "import { t } from '../../common/i18n/t';",
      "import { WharfError } from '../core/errors';",
      "export function f(log: (level: string, text: string) => void, send: (command: string) => void, warnings: string[], notes: string[]) {",
      "  log('info', 'Connected to the server.');",
      "  send('PROT P');",
      "  warnings.push(t('common.close'));",
      "  notes.push(t('syncTexts.skippedEntries', { count: 2 }));",
      "  const closed = { questionId: 'q1', reason: 'answered' };",
      "  const args = t('transfers.attemptStopped', { reason: 'cancel pending.' });",
      "  throw new WharfError('invalid-input', t('common.close'), { detail: { reason: 'unknown plan.', closed, args } });",
      '}',
      '',
    ].join('\n');
    assert.equal(await uiTextProblems('main/sync/ui-text-fixture.ts', codes), 0);
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
