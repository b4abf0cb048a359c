/**
 * `wharf doctor`'s step marks come from the catalogue and are padded by terminal columns
 * (main/cli/commands/doctor.ts `formatDoctorReport`): German and Japanese marks in their words, and every
 * step title starts at the same column whatever the mark's width (a Japanese mark takes two columns a
 * character).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { setUiLocale } from '../../common/i18n/t';
import { DOCTOR_STEP_IDS, type DoctorReport, type DoctorStep } from '../../common/models/doctor';
import { formatDoctorReport } from '../../main/cli/commands/doctor';
import { displayWidth } from '../../main/cli/terminal';

const STATUSES: readonly DoctorStep['status'][] = ['ok', 'warning', 'failed', 'skipped', 'pending', 'running'];

function report(): DoctorReport {
  return {
    host: '127.0.0.1', port: 2121, mode: 'explicit', user: 'ann', startedAt: '2024-05-01T10:00:00.000Z', durationMs: 1234, verdict: 'failed',
    steps: DOCTOR_STEP_IDS.slice(0, STATUSES.length).map((id, i) => ({ id, title: `title-${id}`, status: STATUSES[i]!, summary: 'summary', details: ['a detail'], durationMs: 12 })),
    diagnoses: [],
    facts: {
      addresses: ['127.0.0.1'], serverBanner: '220 hi', tlsVersion: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificate: null, certificateTrust: 'pinned', features: ['EPSV'],
      workingDataMethod: null, pasvAnnouncedAddress: null, passivePortsSeen: [], dataSessionReused: null, sessionReuseRequired: null, tls13TicketReusable: null, tlsVersions: [],
    },
    transcript: [],
  };
}

/** Each step line's mark (without its padding) and the display column where its title starts. */
function stepLines(text: string): { mark: string; titleColumn: number; detailColumn: number }[] {
  const lines = text.split('\n');
  return lines.flatMap((line, i) => {
    const m = /^\[([^\]]+)\] (title-)/.exec(line);
    if (!m) return [];
    const detail = lines[i + 1] ?? '';
    return [{ mark: m[1]!.trim(), titleColumn: displayWidth(line.slice(0, line.indexOf('title-'))), detailColumn: detail.length - detail.trimStart().length }];
  });
}

afterEach(() => setUiLocale('en'));

describe("wharf doctor's step marks", () => {
  for (const [locale, marks] of [
    ['en', ['ok', 'warn', 'FAIL', '-', '..', '..']],
    ['de', ['OK', 'Warnung', 'FEHLER', '-', '..', '..']],
    ['ja', ['OK', '警告', '失敗', '-', '..', '..']],
  ] as const) {
    test(`${locale}: the marks in the language, every title at one column`, () => {
      setUiLocale(locale);
      const lines = stepLines(formatDoctorReport(report()));
      assert.deepEqual(lines.map((l) => l.mark), marks);
      assert.equal(new Set(lines.map((l) => l.titleColumn)).size, 1, JSON.stringify(lines));
      // The detail lines sit one column past the titles.
      for (const line of lines) assert.equal(line.detailColumn, line.titleColumn + 1);
    });
  }

  test('English as before: [ok  ], [warn], [FAIL]', () => {
    const text = formatDoctorReport(report());
    assert.match(text, /^\[ok {2}\] title-/m);
    assert.match(text, /^\[warn\] title-/m);
    assert.match(text, /^\[FAIL\] title-/m);
  });
});
