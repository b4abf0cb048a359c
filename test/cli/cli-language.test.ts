import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, test } from 'node:test';
import { accent } from '../../common/i18n/pseudo';
import { ensureCliBuilt, projectRoot as root, runWharfIn } from './launcher';

const dataDir = join(mkdtempSync(join(tmpdir(), 'wharf-cli-language-')), 'data');

before(ensureCliBuilt);

/** Runs the real launcher in a terminal whose language is `lang` (LC_ALL and LC_MESSAGES unset, so LANG decides). */
const runIn = (lang: string, args: string[]) => runWharfIn({ LANG: lang }, args, { WHARF_DATA_DIR: dataDir });

describe('the command line speaks the terminal language', () => {
  test('German from LANG=de_DE.UTF-8: a usage error in German, with the same exit code', async () => {
    const result = await runIn('de_DE.UTF-8', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unbekannter Befehl „frobnicate“\. Rufen Sie wharf --help auf\./);
    assert.doesNotMatch(result.stderr, /Unknown command/);
  });

  test('the pseudo-locale from LANG=en-XA: the message is accented, the command name and option stay as typed', async () => {
    const result = await runIn('en-XA', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.ok(result.stderr.includes(accent('Unknown command')), result.stderr);
    assert.ok(result.stderr.includes('frobnicate'), result.stderr);
    assert.doesNotMatch(result.stderr, /Unknown command/);
  });

  test('a flag refused in German: --timeout', async () => {
    const result = await runIn('de_DE.UTF-8', ['ls', 'ftpes://alice@localhost/', '--timeout', 'soon']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /--timeout erwartet eine Anzahl Sekunden\./);
  });

  test("a flag Node's parseArgs refuses, in German, Japanese and English: the option named, none of Node's English", async () => {
    // doctor takes arguments, so the refusal also tells how to give one that starts with a dash.
    const unknown = {
      de: 'wharf: Unbekannte Option „--bogus“. Ein Argument, das mit „-“ beginnt, geben Sie am Ende nach „--“ an: -- "--bogus" (rufen Sie wharf doctor --help auf)',
      ja: 'wharf: 不明なオプション「--bogus」です。「-」で始まる引数は最後に「--」の後に書いてください: -- "--bogus" (wharf doctor --help を実行してください)',
      en: 'wharf: Unknown option "--bogus". To give an argument that starts with "-", put it at the end after "--": -- "--bogus" (run wharf doctor --help)',
    };
    const missing = { de: 'Die Option „--timeout“ erwartet einen Wert', ja: 'オプション「--timeout」には値が必要です', en: 'Option "--timeout" needs a value' };
    for (const [lang, locale] of [['de_DE.UTF-8', 'de'], ['ja_JP.UTF-8', 'ja'], ['en_US.UTF-8', 'en']] as const) {
      const bogus = await runIn(lang, ['doctor', 'ftpes://alice@localhost/', '--bogus']);
      assert.equal(bogus.code, 2, bogus.stderr);
      assert.equal(bogus.stderr.trim(), unknown[locale]);
      const noValue = await runIn(lang, ['ls', 'ftpes://alice@localhost/', '--timeout']);
      assert.equal(noValue.code, 2, noValue.stderr);
      assert.ok(noValue.stderr.includes(missing[locale]), noValue.stderr);
      if (locale !== 'en') assert.doesNotMatch(bogus.stderr + noValue.stderr, /Unknown option|Option '|argument missing/);
    }
  });

  test('English where the terminal asks for no language we ship (LANG=C)', async () => {
    const result = await runIn('C', ['frobnicate']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /Unknown command "frobnicate"\. Run wharf --help\./);
  });
});

/** Columns a text takes on a terminal: CJK and full-width characters take two. */
function columns(text: string): number {
  return [...text].reduce((sum, c) => sum + (/[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(c) ? 2 : 1), 0);
}

/**
 * The terms of a help text's tables, read from its English form: a row whose description follows the term on
 * the same line ("  --ca FILE              also trust...").
 */
function termsOf(english: string): string[] {
  return english.split('\n').flatMap((line) => {
    const head = /^ {2}(\S(?:.*\S)?)( +)$/.exec(line.slice(0, 25));
    return head && line.length > 25 && line[25] !== ' ' ? [head[1]!] : [];
  });
}

/**
 * The display column where each description of the options table starts: on a row after its term, on a
 * continuation line after its indent. The table is the block of indented lines from the first option on.
 */
function optionColumns(help: string, terms: readonly string[]): number[] {
  const lines = help.split('\n');
  const first = lines.findIndex((line) => line.startsWith('  --'));
  const block = lines.slice(first, lines.findIndex((line, i) => i > first && !line.startsWith(' ')) >>> 0);
  return block.flatMap((line) => {
    if (line.startsWith('  -')) {
      const term = terms.filter((candidate) => line.startsWith(`  ${candidate} `)).sort((a, b) => b.length - a.length)[0];
      if (term === undefined) return [];
      const gap = /^ +/.exec(line.slice(2 + term.length))![0];
      return [columns(line.slice(0, 2 + term.length + gap.length))];
    }
    return [columns(/^ */.exec(line)![0])];
  });
}

const HELPS = [
  { args: ['--help'], golden: 'wharf.txt', english: /download a file \(or a folder with -r\)/, de: /eine Datei herunterladen \(mit -r ein Verzeichnis\)/, ja: /ファイルをダウンロード \(-r でディレクトリごと\)/ },
  { args: ['sync', '--help'], golden: 'sync.txt', english: /print the plan; change nothing/, de: /den Plan ausgeben; nichts ändern/, ja: /計画を表示するだけで何も変更しない/ },
  { args: ['doctor', '--help'], golden: 'doctor.txt', english: /print the report as JSON/, de: /den Bericht als JSON ausgeben/, ja: /レポートを JSON で表示/ },
  { args: ['site', 'import', '--help'], golden: null, english: /import: do not save the passwords found/, de: /import: gefundene Passwörter nicht speichern/, ja: /import: 見つかったパスワードを保存しない/ },
] as const;

describe('the help texts speak the terminal language, as aligned tables', () => {
  for (const help of HELPS) {
    test(`wharf ${help.args.join(' ')}: English as before; German and Japanese descriptions in the same column`, async () => {
      const english = await runIn('C', [...help.args]);
      assert.equal(english.code, 0, english.stderr);
      // The English text is byte for byte what it was before the catalogue (scripts and docs quote it).
      if (help.golden) assert.equal(english.stdout, readFileSync(join(root, 'test', 'cli', 'help-en', help.golden), 'utf8'));
      assert.match(english.stdout, help.english);
      const terms = termsOf(english.stdout);
      assert.ok(terms.includes('--ca FILE') || terms.includes('--dry-run'), terms.join(', '));
      const englishColumns = optionColumns(english.stdout, terms);
      assert.ok(englishColumns.length >= 5, `${englishColumns.length} rows in the options table`);

      for (const [lang, translated] of [['de_DE.UTF-8', help.de], ['ja_JP.UTF-8', help.ja]] as const) {
        const result = await runIn(lang, [...help.args]);
        assert.equal(result.code, 0, result.stderr);
        assert.match(result.stdout, translated);
        assert.doesNotMatch(result.stdout, help.english);
        // Options, commands and placeholders stay as typed.
        for (const term of terms) assert.ok(result.stdout.includes(`  ${term} `), `${lang}: ${term} kept`);
        const translatedColumns = optionColumns(result.stdout, terms);
        assert.ok(translatedColumns.length >= englishColumns.length - 2, `${lang}: ${translatedColumns.length} rows in the options table`);
        assert.deepEqual([...new Set(translatedColumns)], [...new Set(englishColumns)], `${lang}: every description starts in the column of the English ones\n${result.stdout}`);
      }
    });
  }

  test('a heading written on the first line of its table (Exit codes:) lines up its next lines under its text, in display width', async () => {
    for (const [lang, heading] of [['C', 'Exit codes:'], ['de_DE.UTF-8', 'Exit-Codes:'], ['ja_JP.UTF-8', '終了コード:']] as const) {
      const lines = (await runIn(lang, ['--help'])).stdout.split('\n');
      const at = lines.findIndex((line) => line.startsWith(`${heading} `));
      assert.ok(at > 0, `${lang}: ${heading}`);
      assert.equal(columns(/^ */.exec(lines[at + 1]!)![0]), columns(`${heading} `), `${lang}: ${lines[at + 1]}`);
    }
  });
});

describe('site import and export speak the terminal language', () => {
  test('German and Japanese usage errors; the file name and options stay as typed', async () => {
    const taken = join(dataDir, '..', 'taken.xml');
    writeFileSync(taken, '<FileZilla3/>');
    const de = await runIn('de_DE.UTF-8', ['site', 'export', taken]);
    assert.equal(de.code, 2);
    assert.ok(de.stderr.includes(`${taken} existiert; geben Sie --force an, um sie zu ersetzen.`), de.stderr);
    const ja = await runIn('ja_JP.UTF-8', ['site', 'import']);
    assert.equal(ja.code, 2);
    assert.match(ja.stderr, /wharf site import にはファイルかフォルダーを 1 つ指定してください: wharf site import FILE/);
    const en = await runIn('C', ['site', 'import', 'a.xml', '--force']);
    assert.equal(en.code, 2);
    assert.match(en.stderr, /--format and --force are options of wharf site export\./);
  });
});
