/**
 * A flag `parseArgs` refuses is told in the user's language (main/cli/flag-errors.ts), from Node's real
 * errors: the option named as typed, no English of Node's left in German or Japanese.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { setUiLocale } from '../../common/i18n/t';
import { flagErrorText, isFlagError } from '../../main/cli/flag-errors';

/** The error Node's parseArgs throws for this command line. */
function refusal(config: ParseArgsConfig): TypeError & { code: string } {
  try {
    parseArgs(config);
  } catch (err) {
    assert.ok(isFlagError(err), String(err));
    return err;
  }
  assert.fail(`parseArgs accepted ${JSON.stringify(config.args)}`);
}

const port = { port: { type: 'string', short: 'p' }, verbose: { type: 'boolean' } } as const;
const cases = {
  unknown: refusal({ args: ['--bogus'], options: port }),
  unknownWithPositionals: refusal({ args: ['--bogus'], options: port, allowPositionals: true }),
  unknownShort: refusal({ args: ['-x'], options: port }),
  missing: refusal({ args: ['--port'], options: port }),
  missingShort: refusal({ args: ['-p'], options: port }),
  ambiguous: refusal({ args: ['--port', '--verbose'], options: port }),
  noValue: refusal({ args: ['--verbose=yes'], options: port }),
  positional: refusal({ args: ['extra'], options: port }),
};

afterEach(() => setUiLocale('en'));

describe("parseArgs' refusals in the user's language", () => {
  test('English names the option as typed', () => {
    setUiLocale('en');
    assert.equal(flagErrorText(cases.unknown), 'Unknown option "--bogus"');
    assert.equal(flagErrorText(cases.unknownShort), 'Unknown option "-x"');
    assert.equal(flagErrorText(cases.unknownWithPositionals), 'Unknown option "--bogus". To give an argument that starts with "-", put it at the end after "--": -- "--bogus"');
    assert.equal(flagErrorText(cases.missing), 'Option "--port" needs a value');
    assert.equal(flagErrorText(cases.missingShort), 'Option "--port" needs a value');
    assert.equal(flagErrorText(cases.ambiguous), 'Option "--port" is followed by another option instead of its value. To give a value that starts with "-", write --port=-VALUE');
    assert.equal(flagErrorText(cases.noValue), 'Option "--verbose" takes no value');
    assert.equal(flagErrorText(cases.positional), 'Unexpected argument "extra": this command takes options only');
  });

  test('German and Japanese: every refusal translated, none of Node’s English words left', () => {
    for (const [locale, words] of [
      ['de', { unknown: 'Unbekannte Option „--bogus“', missing: 'Die Option „--port“ erwartet einen Wert' }],
      ['ja', { unknown: '不明なオプション「--bogus」です', missing: 'オプション「--port」には値が必要です' }],
    ] as const) {
      setUiLocale(locale);
      assert.equal(flagErrorText(cases.unknown), words.unknown);
      assert.equal(flagErrorText(cases.missingShort), words.missing);
      for (const [name, err] of Object.entries(cases)) {
        const text = flagErrorText(err);
        assert.doesNotMatch(text, /Unknown|Option '|argument|ambiguous|positional|Unexpected|could not/, `${locale} ${name}: ${text}`);
        assert.ok(text.includes(name === 'positional' ? 'extra' : name === 'noValue' ? '--verbose' : name === 'unknownShort' ? '-x' : name.startsWith('unknown') ? '--bogus' : '--port'), `${locale} ${name} names it: ${text}`);
      }
    }
  });

  test('a refusal this module does not know: a translated frame around Node’s own sentence', () => {
    setUiLocale('de');
    const text = flagErrorText({ code: 'ERR_PARSE_ARGS_SOMETHING_NEW', message: "Option '--x' is odd" });
    assert.equal(text, "Die Befehlszeile konnte nicht gelesen werden: Option '--x' is odd");
  });
});
