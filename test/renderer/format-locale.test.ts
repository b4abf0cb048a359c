/**
 * Sizes, dates, speeds, types and the pane summary in the interface language (#19): the same numbers read
 * `1,5 MB` and `01.05.2024, 13:37` in German, `2024/05/01 13:37` in Japanese, and English stays as it was.
 * Switching the language changes what the next call says, without a restart.
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import { onUiLocaleChange, setUiLocale, t } from '../../common/i18n/t';
import { formatBytesExact, formatDate, formatSize, formatSpeed, typeLabel } from '../../renderer/state/format';
import { localeOfChoice, parseLanguageChoice } from '../../renderer/state/language';

// Local time on purpose: the panes show local time, so the expected text is built from the same local date.
const may = new Date(2024, 4, 1, 13, 37);

afterEach(() => setUiLocale('en'));

describe('formats in the interface language', () => {
  it('keeps English as it was', () => {
    setUiLocale('en');
    assert.equal(formatSize(1536), '1.5 KB');
    assert.equal(formatSize(1_572_864), '1.5 MB');
    assert.equal(formatSize(10_188), '9.9 KB');
    assert.equal(formatSize(10_220), '10 KB');
    assert.equal(formatDate(may.toISOString()), '2024-05-01 13:37');
    assert.equal(formatBytesExact(1234567), '1,234,567 bytes');
    assert.equal(formatSpeed(1_572_864), '1.5 MB/s');
    assert.equal(typeLabel('a.tar.gz', 'file'), 'GZ file');
    assert.equal(t('panes.summary.contents', { folders: 1, files: 1234, size: '2 MB' }), '1 folder, 1,234 files (2 MB)');
    assert.equal(t('panes.summary.contents', { folders: 2, files: 0, size: '0 B' }), '2 folders, 0 files');
  });

  it('speaks German: decimal comma, day.month.year, German words', () => {
    setUiLocale('de-DE');
    assert.equal(formatSize(1_572_864), '1,5 MB');
    assert.equal(formatSize(999), '999 B');
    assert.equal(formatDate(may.toISOString()), '01.05.2024, 13:37');
    assert.equal(formatBytesExact(1234567), '1.234.567 Bytes');
    assert.equal(formatSpeed(1_572_864), '1,5 MB/s');
    assert.equal(typeLabel('notes.txt', 'file'), 'TXT-Datei');
    assert.equal(typeLabel('pub', 'directory'), 'Verzeichnis');
    assert.equal(t('panes.summary.contents', { folders: 1, files: 1234, size: '2 MB' }), '1 Verzeichnis, 1.234 Dateien (2 MB)');
  });

  it('speaks Japanese: year/month/day, Japanese words', () => {
    setUiLocale('ja');
    assert.equal(formatSize(1_572_864), '1.5 MB');
    assert.equal(formatDate(may.toISOString()), '2024/05/01 13:37');
    assert.equal(formatSpeed(1_572_864), '1.5 MB/秒');
    assert.equal(typeLabel('pub', 'directory'), 'ディレクトリ');
  });

  it('tells listeners when the language changes, so the window re-renders', () => {
    const heard: string[] = [];
    const off = onUiLocaleChange((locale) => heard.push(locale));
    setUiLocale('de');
    setUiLocale('de-AT');
    setUiLocale('ja');
    off();
    assert.deepEqual(heard, ['de', 'ja']);
    assert.equal(typeLabel('pub', 'directory'), 'ディレクトリ');
  });
});

describe('the language choice', () => {
  it('follows the OS unless the user picked one; an unknown stored value follows the OS', () => {
    assert.equal(localeOfChoice(parseLanguageChoice(null), 'de-DE'), 'de');
    assert.equal(localeOfChoice(parseLanguageChoice('system'), 'ja-JP'), 'ja');
    assert.equal(localeOfChoice(parseLanguageChoice('ja'), 'de-DE'), 'ja');
    assert.equal(localeOfChoice(parseLanguageChoice('en-XA'), 'de-DE'), 'en-XA');
    assert.equal(localeOfChoice(parseLanguageChoice('klingon'), 'fr-FR'), 'en');
  });
});
