import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { controlCharset } from '../../main/ftps/charset';
import { guessNameCharset, isValidUtf8 } from '../../main/ftps/charset-guess';

/** The bytes a server in that charset sends for a name. */
function bytes(charset: string, name: string): Uint8Array {
  return Buffer.from(controlCharset(charset).encode(name), 'latin1');
}

describe('guessing the charset of names that are not UTF-8', () => {
  const cases: [string, string[]][] = [
    ['windows-1251', ['Отчёты', 'Сводка.txt', 'readme.txt']],
    ['koi8-r', ['Отчёты', 'Сводка.txt']],
    ['shift_jis', ['報告書.txt', 'データ']],
    ['euc-jp', ['報告書.txt', 'データ', 'ひらがな']],
    ['gbk', ['报告.txt', '数据文件']],
    ['euc-kr', ['보고서.txt']],
    ['windows-1252', ['café.txt', 'Müller', 'señor']],
    ['iso-8859-2', ['Łódź.txt', 'zażółć']],
  ];
  for (const [charset, names] of cases) {
    test(`${names.join(', ')} written in ${charset} is read as ${charset}`, () => {
      const raw = names.map((name) => bytes(charset, name));
      assert.ok(!raw.every(isValidUtf8), 'not UTF-8');
      assert.equal(guessNameCharset(raw), charset);
    });
  }

  test('UTF-8 is recognised as such', () => {
    assert.equal(isValidUtf8(Buffer.from('Отчёты', 'utf8')), true);
  });
});
