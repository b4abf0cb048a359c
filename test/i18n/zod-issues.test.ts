/**
 * zod's refusals in the user's language (common/i18n/zod-issues.ts): each issue code becomes a catalogue
 * sentence, from the issues real schemas give; a schema's own sentence is kept where the catalogue has it or
 * it was translated when the check ran; none of zod's English reaches a German or Japanese reader.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { z } from 'zod';
import { setUiLocale } from '../../common/i18n/t';
import { describeIssues, issueProblem } from '../../common/i18n/zod-issues';
import { siteCreateInputSchema } from '../../common/models/site-profile-schema';

/** zod's English words, which must not reach a German or Japanese reader. */
const ZOD_ENGLISH = /Invalid|expected|received|Too (small|big)|Unrecognized|must match|option/i;

const schema = z.strictObject({
  text: z.string(),
  count: z.number().int().min(1).max(5),
  below: z.number().lt(10),
  above: z.number().gt(0),
  short: z.string().min(3).max(4),
  nonEmpty: z.string().min(1),
  list: z.array(z.string()).min(1).max(2),
  mode: z.enum(['passive', 'active']),
  id: z.uuid(),
  at: z.iso.datetime(),
  pattern: z.string().regex(/^a+$/),
  step: z.number().multipleOf(5),
  checked: z.string().refine(() => false, 'A sentence of our own that the catalogue does not have.'),
  bare: z.string().refine(() => false),
});

/** The issues of one field (reported with its input, as the stores parse). */
function issuesOf(field: string, value: unknown): z.core.$ZodIssue[] {
  const result = schema.safeParse({ [field]: value }, { reportInput: true });
  assert.ok(!result.success);
  return result.error.issues.filter((i) => i.path[0] === field);
}

function problem(field: string, value: unknown): string {
  const [issue] = issuesOf(field, value);
  assert.ok(issue, `an issue for ${field}`);
  return issueProblem(issue);
}

afterEach(() => setUiLocale('en'));

describe('zod issues as sentences', () => {
  test('German, one sentence per code', () => {
    setUiLocale('de');
    assert.equal(problem('text', 3), 'Erwartet: Text, gefunden: eine Zahl.');
    assert.equal(problem('text', undefined), 'Dieses Feld ist erforderlich.');
    assert.equal(problem('text', ['a']), 'Erwartet: Text, gefunden: eine Liste.');
    assert.equal(problem('count', 1.5), 'Erwartet wird eine ganze Zahl.');
    assert.equal(problem('count', 0), 'Mindestens 1.');
    assert.equal(problem('count', 1234), 'Höchstens 5.');
    assert.equal(problem('below', 10), 'Weniger als 10.');
    assert.equal(problem('above', 0), 'Mehr als 0.');
    assert.equal(problem('short', 'ab'), 'Mindestens 3 Zeichen.');
    assert.equal(problem('short', 'abcde'), 'Höchstens 4 Zeichen.');
    assert.equal(problem('nonEmpty', ''), 'Dieses Feld darf nicht leer sein.');
    assert.equal(problem('list', []), 'Mindestens 1 Eintrag.');
    assert.equal(problem('list', ['a', 'b', 'c']), 'Höchstens 2 Einträge.');
    assert.equal(problem('mode', 'fast'), 'Einer der Werte: "passive", "active".');
    assert.equal(problem('id', 'x'), 'Keine gültige UUID.');
    assert.equal(problem('at', 'yesterday'), 'Keine gültige Zeitangabe nach ISO 8601.');
    assert.equal(problem('pattern', 'b'), 'Dieser Wert ist ungültig.');
    assert.equal(problem('step', 7), 'Ein Vielfaches von 5.');
    assert.equal(problem('checked', 'x'), 'Dieser Wert ist ungültig.');
    assert.equal(problem('bare', 'x'), 'Dieser Wert ist ungültig.');
    const parsed = schema.safeParse({ colour: 'red', size: 1 });
    const extra = parsed.error?.issues.find((i) => i.code === 'unrecognized_keys');
    assert.ok(extra);
    assert.equal(issueProblem(extra), 'Unbekannte Felder: colour, size.');
    assert.equal(issueProblem({ code: 'unrecognized_keys', keys: ['colour'], path: [], message: 'Unrecognized key: "colour"' }), 'Unbekanntes Feld: colour.');
  });

  test('a bound written as a number, without grouping (a port)', () => {
    setUiLocale('de');
    assert.equal(issueProblem({ code: 'too_big', origin: 'number', maximum: 65535, inclusive: true, path: ['port'], message: 'Too big' }), 'Höchstens 65535.');
  });

  test('Japanese: no English of zod left', () => {
    setUiLocale('ja');
    assert.equal(problem('text', 3), 'テキスト が必要ですが、数値 でした。');
    assert.equal(problem('text', undefined), 'この項目は必須です。');
    for (const [field, value] of [['text', 3], ['count', 1.5], ['count', 9], ['short', 'ab'], ['list', []], ['mode', 'x'], ['id', 'x'], ['pattern', 'b'], ['step', 7], ['checked', 'x']] as const) {
      assert.doesNotMatch(problem(field, value), ZOD_ENGLISH, `${field}`);
    }
  });

  test("English: our own sentences as they are, zod's replaced by ours", () => {
    setUiLocale('en');
    assert.equal(problem('text', 3), 'Expected text, found a number.');
    assert.equal(problem('checked', 'x'), 'A sentence of our own that the catalogue does not have.');
    assert.equal(problem('bare', 'x'), 'This value is not valid.');
    assert.equal(problem('mode', 'fast'), 'One of: "passive", "active".');
  });

  test("a schema's own sentence that the catalogue has comes out translated; one translated when checked is kept", () => {
    setUiLocale('de');
    const site = siteCreateInputSchema.safeParse({ name: '', host: 'a b', folderPath: Array.from({ length: 17 }, (_, i) => `F${i}`), proxyUrl: 'ftp://proxy' }, { reportInput: true });
    assert.ok(!site.success);
    const text = describeIssues(site.error.issues);
    assert.ok(text.includes('name: Ein Name ist erforderlich.'), text);
    assert.ok(text.includes('host: Ein Servername darf keine Leerzeichen, „/“ oder „@“ enthalten.'), text);
    assert.ok(text.includes('folderPath: Verzeichnisse lassen sich höchstens 16 Ebenen tief verschachteln.'), text);
    // parseProxyUrl's German sentence, made when the schema checked the address.
    assert.match(text, /proxyUrl: .*ftp/);
    assert.doesNotMatch(text, ZOD_ENGLISH, text);
  });

  test('a message id given as the message is translated', () => {
    setUiLocale('ja');
    assert.equal(issueProblem({ code: 'custom', path: [], message: 'siteManager.error.nameRequired' }), '名前が必要です。');
  });
});
