/**
 * The doctor's step lines in the user's language: a run against a real fleet server with the UI language set
 * to German, and `wharf doctor` in a Japanese terminal (the real launcher, LANG=ja_JP.UTF-8). The server's own
 * replies stay word for word inside the translated sentences.
 */
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { setUiLocale } from '../../common/i18n/t';
import { DOCTOR_STEP_TITLES, type DoctorReport } from '../../common/models/doctor';
import { FtpsSession } from '../../main/ftps/session';
import { WharfError } from '../../main/core/errors';
import { targetFor } from '../ftps/support';
import { doctor, fleet, step } from './support';

const server = fleet.servers['vsftpd-explicit'];

/** Words of the English step lines (summaries and details); none may be left in a German run. */
const ENGLISH = /\b(Connected to|Logged in|Accepted|Listed|entries|Refused|Trusted|Not reached|Not needed|Required by the server|handshake|session resumed|Subject|Issuer|Features|Took)\b/;

describe('the doctor in German', () => {
  afterEach(() => setUiLocale('en'));

  test('a working server: every step line is German where the English run has words, the replies stay as the server sent them', async () => {
    const english = await doctor(server);
    // The titles come from the doctor view's words: in English exactly the checklist's titles.
    assert.deepEqual(english.steps.map((s) => s.title), english.steps.map((s) => DOCTOR_STEP_TITLES[s.id]));
    setUiLocale('de');
    const german = await doctor(server);
    assert.equal(german.verdict, 'ok', JSON.stringify(german.diagnoses));
    for (const s of german.steps) {
      const inEnglish = step(english, s.id);
      assert.notEqual(s.summary, inEnglish.summary, `${s.id}: "${s.summary}" is the English text`);
      for (const line of [s.summary, ...s.details]) assert.doesNotMatch(line, ENGLISH, `${s.id}: "${line}"`);
    }
    assert.deepEqual([step(german, 'resolve').title, step(german, 'connect').title, step(german, 'listing').title], ['Namensauflösung', 'TCP-Verbindung', 'Datenverbindung und Verzeichnisliste']);
    assert.equal(step(german, 'resolve').summary, `${server.host} ist eine Adresse: Keine Namensauflösung nötig.`);
    assert.equal(step(german, 'connect').summary, `Verbunden mit ${server.host}:${server.port}.`);
    assert.equal(step(german, 'protection').summary, 'Angenommen: Verzeichnislisten und Dateien werden verschlüsselt übertragen.');
    assert.equal(step(german, 'active').summary, 'Nicht nötig: Der passive Modus funktioniert.');
    assert.match(step(german, 'login').summary, new RegExp(`^Angemeldet als ${server.user}: 230 `));
    assert.match(step(german, 'listing').summary, /^\d+ Einträge? \(\d+ Bytes?\) über EPSV aufgelistet, TLS-Sitzung fortgesetzt\.$/);
    assert.match(step(german, 'session-reuse').summary, /^Vom Server verlangt: Ohne Wiederverwendung antwortete er 522 .*session reuse required/);
    assert.match(step(german, 'tls12').summary, /: Handshake \d+ ms, Verzeichnisliste \d+ ms, Sitzung fortgesetzt\.$/);
    assert.ok(step(german, 'certificate').details.some((d) => d.startsWith('Aussteller: ')));
  });

  test('a refused login: the German sentence around the server reply, and the skipped steps in German', async () => {
    setUiLocale('de');
    const report = await doctor(server, { password: 'not-the-password' });
    assert.match(step(report, 'login').summary, /^Abgelehnt: 530 Login incorrect\.$/);
    assert.equal(step(report, 'listing').summary, 'Nicht erreicht.');
  });
});

describe('why a certificate is not trusted, in German', () => {
  afterEach(() => setUiLocale('en'));

  const cases = [
    { name: 'vsftpd-wronghost', ca: true, reason: /^Das Zertifikat gilt für DNS:wrong\.example, nicht für 127\.0\.0\.1\.$/ },
    { name: 'vsftpd-expired', ca: true, reason: /^Das Zertifikat ist am 2020-02-01 abgelaufen\.$/ },
    { name: 'vsftpd-explicit', ca: false, reason: /^Das Zertifikat wurde von einer unbekannten Zertifizierungsstelle \(.+\) ausgestellt, der dieser Computer nicht vertraut\.$/ },
  ] as const;
  for (const c of cases) {
    test(`${c.name}${c.ca ? '' : ' without its CA'}: the doctor's certificate step and the trust question give the reason in German`, async () => {
      setUiLocale('de');
      const target = fleet.servers[c.name];
      const extraCaPem = c.ca ? [fleet.caCertPem] : [];
      const questions: string[] = [];
      const report = await doctor(target, { extraCaPem, decideTrust: async (q) => { questions.push(q.reason); return 'reject'; } });
      assert.equal(questions.length, 1);
      assert.match(questions[0] ?? '', c.reason);
      assert.ok(step(report, 'certificate').details.some((d) => d.includes(questions[0] ?? '?')), JSON.stringify(step(report, 'certificate').details));
      // The session's trust question (the certificate dialog) gets the same German reason.
      let asked = '';
      await assert.rejects(
        FtpsSession.open({ target: targetFor(target), password: target.password, keepAliveIntervalMs: 0, extraCaPem, decideTrust: async (q) => { asked = q.reason; return 'reject'; } }),
        (err: unknown) => err instanceof WharfError && err.kind === 'tls-untrusted',
      );
      assert.match(asked, c.reason);
    });
  }
});

const root = fileURLToPath(new URL('../..', import.meta.url));
const wharf = join(root, 'bin', 'wharf');
const work = mkdtempSync(join(tmpdir(), 'wharf-doctor-language-'));
after(() => rmSync(work, { recursive: true, force: true }));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);

/** The real launcher in a terminal whose language is `lang` (LC_ALL and LC_MESSAGES unset, so LANG decides). */
function wharfIn(lang: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: Record<string, string | undefined> = { ...process.env, WHARF_DATA_DIR: join(work, 'data'), WHARF_PASSWORD: server.password, LANG: lang };
  delete env.LC_ALL;
  delete env.LC_MESSAGES;
  return new Promise((resolve) => {
    execFile(process.execPath, [wharf, ...args], { env, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('wharf doctor in a Japanese terminal', () => {
  before(() => {
    // npm test builds first; a file run on its own builds the command line here.
    if (!existsSync(join(root, 'dist', 'cli', 'wharf.cjs'))) {
      const built = spawnSync('npx', ['vite', 'build', '-c', 'vite.cli.config.ts'], { cwd: root, stdio: 'ignore' });
      assert.equal(built.status, 0, 'the CLI bundle builds');
    }
  });

  test('LANG=ja_JP.UTF-8: the step titles and summaries in Japanese, the same as --json reports them', async () => {
    const url = `ftpes://${server.user}@${server.host}:${server.port}/`;
    const text = await wharfIn('ja_JP.UTF-8', ['doctor', url, '--ca', caFile]);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /\[OK {2}\] 名前解決/);
    assert.ok(text.stdout.includes(`${server.host} はアドレスです: 名前解決は不要です。`), text.stdout);
    assert.ok(text.stdout.includes(`${server.host}:${server.port} に接続しました。`), text.stdout);
    assert.ok(text.stdout.includes('受け入れられました: 一覧とファイルは暗号化されて転送されます。'), text.stdout);
    assert.match(text.stdout, /EPSV で \d+ 件 \(\d+ バイト\) を一覧表示しました、TLS セッション再開。/);
    assert.doesNotMatch(text.stdout, ENGLISH);
    // The columns line up on screen: every step line's summary starts at the same terminal column, counting
    // kana, kanji and fullwidth forms as two columns each (as terminals show them).
    const columns = (s: string) => [...s].reduce((n, c) => n + (/[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]/.test(c) ? 2 : 1), 0);
    const stepLines = text.stdout.split('\n').filter((l) => /^\[[^\]]{4}\] /.test(l));
    assert.equal(stepLines.length, 16, text.stdout);
    assert.ok(stepLines.some((l) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(l.slice(7, 20))), 'some titles are written in Japanese');
    const starts = stepLines.map((l) => {
      const m = /^(\[[^\]]{4}\] .+? +(?:\d+ ms)? {2})\S/.exec(l);
      assert.ok(m, l);
      return columns(m[1] as string);
    });
    assert.deepEqual(new Set(starts).size, 1, `summary columns ${starts.join(', ')}:\n${stepLines.join('\n')}`);
    const json = await wharfIn('ja_JP.UTF-8', ['doctor', url, '--ca', caFile, '--json']);
    assert.equal(json.code, 0, json.stderr);
    const report = JSON.parse(json.stdout) as DoctorReport;
    assert.equal(step(report, 'login').title, 'ログイン');
    assert.match(step(report, 'login').summary, new RegExp(`^${server.user} としてログインしました: 230 `));
    assert.equal(step(report, 'active').summary, '不要: パッシブモードが動作します。');
  });
});
