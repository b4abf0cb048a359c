/**
 * The message catalogue (common/i18n): every message parses in every language, the translations take the same
 * arguments as the English, the locale follows the OS tags and the terminal's variables, and the pseudo-locale
 * keeps arguments while marking all of the message's own text.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { CATALOG, type MessageId } from '../../common/i18n/catalog';
import { TRANSLATED_LOCALES, localeFromEnvironment, resolveLocale } from '../../common/i18n/locale';
import { IntlMessageFormat } from 'intl-messageformat';
import { createTranslator, simpleMessageElements } from '../../common/i18n/translator';

/** The argument names a message uses, with their kind (plural, select, number...). */
function argumentsOf(elements: readonly MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
      continue;
    }
    into.add(`${element.value}:${TYPE[element.type]}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) for (const option of Object.values(element.options)) argumentsOf(option.value, into);
  }
  return into;
}

/** The message's own words, without argument names and ICU syntax. */
function literalText(elements: readonly MessageFormatElement[]): string {
  return elements
    .map((element) => {
      if (element.type === TYPE.literal) return element.value;
      if (element.type === TYPE.tag) return literalText(element.children);
      if (element.type === TYPE.plural || element.type === TYPE.select) return Object.values(element.options).map((option) => literalText(option.value)).join(' ');
      return '';
    })
    .join('');
}

describe('the message catalogue', () => {
  it('parses every message in every language, with the arguments of the English', () => {
    const problems: string[] = [];
    for (const [id, translations] of Object.entries(CATALOG)) {
      const english = [...argumentsOf(parse(translations.en, { ignoreTag: true }))].sort();
      for (const locale of TRANSLATED_LOCALES) {
        try {
          const used = [...argumentsOf(parse(translations[locale], { ignoreTag: true }))].sort();
          if (used.join() !== english.join()) problems.push(`${id} (${locale}) uses ${used.join(', ') || 'no arguments'}; English uses ${english.join(', ') || 'none'}`);
        } catch (error) {
          problems.push(`${id} (${locale}) does not parse: ${(error as Error).message}`);
        }
      }
    }
    assert.deepEqual(problems, []);
  });

  it('reads a simple message (text, {name} arguments, selects of such) without the ICU parser exactly as the parser does', () => {
    let simple = 0;
    let selects = 0;
    const differing: string[] = [];
    for (const [id, translations] of Object.entries(CATALOG)) {
      for (const locale of TRANSLATED_LOCALES) {
        const elements = simpleMessageElements(translations[locale]);
        if (elements === null) continue;
        simple++;
        if (elements.some((element) => element.type === TYPE.select)) selects++;
        if (JSON.stringify(elements) !== JSON.stringify(parse(translations[locale], { ignoreTag: true }))) differing.push(`${id} (${locale})`);
      }
    }
    assert.deepEqual(differing, []);
    assert.ok(simple > 0 && selects > 0, `plain messages and selects are read (${simple}, ${selects} with a select)`);
    // What the parser reads otherwise is not taken for simple text (quotes, plurals, odd spacing, a select
    // without `other` or with a key twice, a plural inside a select).
    for (const text of [
      "It''s {name}",
      '{count, plural, one {# file} other {# files}}',
      '{ name }',
      'a } b',
      "'{x}'",
      '{w, select, a {x}}',
      '{w, select, a {x} a {y} other {z}}',
      '{w, select, a {{n, plural, one {#} other {#}}} other {z}}',
      '{w, select, a {x} other {z}',
      '{w,select, a {x} other {z}}',
    ]) {
      assert.equal(simpleMessageElements(text), null, text);
    }
  });

  it('formats a select without IntlMessageFormat exactly as IntlMessageFormat does, every branch and an unknown value', () => {
    const differing: string[] = [];
    let checked = 0;
    for (const [id, translations] of Object.entries(CATALOG) as [MessageId, Record<string, string>][]) {
      for (const locale of TRANSLATED_LOCALES) {
        const elements = simpleMessageElements(translations[locale]!);
        const selectsIn = (list: readonly MessageFormatElement[]): { name: string; keys: string[] }[] =>
          list.flatMap((element) => (element.type === TYPE.select ? [{ name: element.value, keys: Object.keys(element.options) }, ...Object.values(element.options).flatMap((option) => selectsIn(option.value))] : []));
        const selects = elements ? selectsIn(elements) : [];
        if (selects.length === 0) continue;
        const names = [...argumentsOf(parse(translations[locale]!, { ignoreTag: true }))].map((name) => name.split(':')[0]!);
        const reference = new IntlMessageFormat(translations[locale]!, locale, undefined, { ignoreTag: true });
        const translator = createTranslator(locale);
        for (const select of selects) {
          for (const key of [...select.keys, 'no-such-branch']) {
            const values = Object.fromEntries(names.map((name) => [name, name === select.name ? key : `<${name}>`]));
            checked++;
            if (translator.text(id, values) !== reference.format(values)) differing.push(`${id} (${locale}) ${select.name}=${key}`);
          }
        }
      }
    }
    assert.deepEqual(differing, []);
    assert.ok(checked > 0);
  });

  it('has no German or Japanese text left in English, except words that are the same (OK, names)', () => {
    const same = Object.entries(CATALOG).filter(([, m]) => m.en === m.de && m.en === m.ja && /[a-z]{4,}/i.test(literalText(parse(m.en, { ignoreTag: true })))).map(([id]) => id);
    assert.deepEqual(same, [], 'a message whose three texts are the same English words is probably untranslated');
  });

  it('uses each language\'s plural and number forms', () => {
    const id: MessageId = 'common.files';
    assert.equal(createTranslator('en').text(id, { count: 1 }), '1 file');
    assert.equal(createTranslator('en').text(id, { count: 1234 }), '1,234 files');
    assert.equal(createTranslator('de').text(id, { count: 1234 }), '1.234 Dateien');
    assert.equal(createTranslator('ja').text(id, { count: 2 }), '2 個のファイル');
  });
});

describe('the language', () => {
  it('follows OS and browser tags, falling back to English', () => {
    assert.equal(resolveLocale('de-DE'), 'de');
    assert.equal(resolveLocale('de_AT.UTF-8'), 'de');
    assert.equal(resolveLocale('ja'), 'ja');
    assert.equal(resolveLocale('ja_JP.eucJP@euro'), 'ja');
    assert.equal(resolveLocale('en-XA'), 'en-XA');
    assert.equal(resolveLocale('fr-FR'), 'en');
    assert.equal(resolveLocale('C'), 'en');
    assert.equal(resolveLocale(undefined), 'en');
  });

  it('follows the terminal by POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG', () => {
    assert.equal(localeFromEnvironment({ LANG: 'de_DE.UTF-8' }), 'de');
    assert.equal(localeFromEnvironment({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8' }), 'ja');
    assert.equal(localeFromEnvironment({ LANG: 'de_DE.UTF-8', LC_MESSAGES: 'ja_JP.UTF-8', LC_ALL: 'C' }), 'en');
    assert.equal(localeFromEnvironment({}), 'en');
  });
});

describe('the pseudo-locale', () => {
  const pseudo = createTranslator('en-XA');

  it('brackets, accents and lengthens the text by at least 40%, for every message', () => {
    for (const [id, translations] of Object.entries(CATALOG) as [MessageId, { en: string }][]) {
      // Every argument filled with no letters of its own: counts with 3, dates with a date, text with `§`.
      const values = Object.fromEntries([...argumentsOf(parse(translations.en, { ignoreTag: true }))].map((arg) => {
        const [name, kind] = arg.split(':') as [string, string];
        return [name, kind === 'plural' || kind === 'number' ? 3 : kind === 'date' || kind === 'time' ? new Date(0) : '§'];
      }));
      const english = createTranslator('en').text(id, values);
      const text = pseudo.text(id, values);
      assert.ok(text.startsWith('[') && text.endsWith(']'), `${id}: ${text}`);
      assert.ok(text.length >= english.length * 1.4, `${id}: ${text} is not 40% longer than ${english}`);
      assert.doesNotMatch(text, /[A-Za-z]/, `${id}: ${text} keeps unaccented letters`);
    }
  });

  it('leaves arguments such as file names untouched', () => {
    assert.match(pseudo.text('common.speed', { size: 'report.txt' }), /report\.txt/);
  });
});

describe('plural and number messages', () => {
  it('format in each language without asking Intl for its list of supported locales (a slow first call)', () => {
    const supportedLocalesOf = Intl.NumberFormat.supportedLocalesOf;
    let asked = 0;
    Intl.NumberFormat.supportedLocalesOf = (...args: Parameters<typeof supportedLocalesOf>) => {
      asked += 1;
      return supportedLocalesOf(...args);
    };
    try {
      assert.equal(createTranslator('en').text('app.notify.transfersSummary', { done: 3, failed: 1 }), '3 done, 1 failed.');
      assert.equal(createTranslator('de').text('app.notify.transfersSummary', { done: 3, failed: 0 }), '3 erledigt.');
      assert.equal(createTranslator('ja').text('app.notify.transfersSummary', { done: 2, failed: 2 }), '2 件完了、2 件失敗。');
    } finally {
      Intl.NumberFormat.supportedLocalesOf = supportedLocalesOf;
    }
    assert.equal(asked, 0);
  });
});
