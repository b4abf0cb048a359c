/**
 * The doctor as the site manager and the command line use it: the IPC service (saved and unsaved sites,
 * step events tagged with the run id), `wharf doctor` (text, JSON, exit codes), and the words of every
 * diagnosis.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { DOCTOR_PROBLEMS, type DoctorReport, type DoctorStepEvent } from '../../common/models/doctor';
import { doctorRequestSchema } from '../../common/models/doctor-schema';
import type { SiteProfile } from '../../common/models/site-profile';
import { runDoctorCommand, type CliIo } from '../../main/cli/commands/doctor';
import { describeProblem } from '../../main/doctor/diagnoses';
import { DoctorService } from '../../main/doctor/service';
import { MemoryTrustStore } from '../ftps/support';
import { useFleet } from '../servers/fleet';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-doctor-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));
const caFile = join(work, 'ca.pem');
writeFileSync(caFile, fleet.caCertPem);

function captureIo(env: Record<string, string> = {}): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), env: { WHARF_DATA_DIR: join(work, 'data'), ...env }, interactive: false, ask: async () => '' };
}

describe('wharf doctor', () => {
  const server = fleet.servers['vsftpd-explicit'];
  const url = `ftpes://${server.user}@${server.host}:${server.port}/`;

  test('prints every step with its time, the diagnoses and the verdict; exit 0 when it works', async () => {
    const io = captureIo({ WHARF_PASSWORD: server.password });
    const code = await runDoctorCommand([url, '--ca', caFile], io);
    assert.equal(code, 0, io.stderr.join('\n'));
    const text = io.stdout.join('\n');
    assert.match(text, /\[ok {2}\] Name resolution/);
    assert.match(text, /\[ok {2}\] TLS session reuse on data connections\s+\d+ ms/);
    assert.match(text, /INFO: The server requires TLS session reuse/);
    assert.match(text, /Verdict: works/);
    assert.ok(!text.includes(server.password));
  });

  test('--json prints the report; a wrong password exits 3', async () => {
    const io = captureIo({ WHARF_PASSWORD: 'wrong-password' });
    assert.equal(await runDoctorCommand([url, '--ca', caFile, '--json'], io), 3);
    const report = JSON.parse(io.stdout.join('\n')) as DoctorReport;
    assert.equal(report.verdict, 'failed');
    assert.equal(report.diagnoses[0]?.problem, 'login-refused');
  });

  test('implicit FTPS against an explicit port exits 4 with the diagnosis; usage errors exit 2', async () => {
    const io = captureIo({ WHARF_PASSWORD: server.password });
    assert.equal(await runDoctorCommand([`ftps://${server.user}@${server.host}:${server.port}/`, '--ca', caFile], io), 4);
    assert.match(io.stdout.join('\n'), /ERROR: The server speaks explicit FTPS \(or plain FTP\) on this port/);
    assert.equal(await runDoctorCommand([], captureIo()), 2);
    assert.equal(await runDoctorCommand([url, '--bogus'], captureIo()), 2);
    const noPassword = captureIo();
    assert.equal(await runDoctorCommand([url], noPassword), 2);
    assert.match(noPassword.stderr.join('\n'), /WHARF_PASSWORD/);
  });

  test('an untrusted certificate on a non-interactive run: rejected, with the fingerprint to pin', async () => {
    const io = captureIo({ WHARF_PASSWORD: server.password });
    assert.equal(await runDoctorCommand([url], io), 4);
    assert.match(io.stderr.join('\n'), /--fingerprint SHA256:[0-9A-F]{64}/);
    const pinned = captureIo({ WHARF_PASSWORD: server.password });
    assert.equal(await runDoctorCommand([url, '--fingerprint', `SHA256:${server.certFingerprintSha256?.replace(/:/g, '')}`], pinned), 0);
  });
});

/** The app trusts the fleet's certificate the way a user does: pinned. */
const pins = new MemoryTrustStore();
const proftpd = fleet.servers['proftpd-explicit'];
await pins.pin({ host: proftpd.host, port: proftpd.port, fingerprintSha256: proftpd.certFingerprintSha256 ?? '', subject: 'CN=127.0.0.1' });

describe('DoctorService (Test connection in the site manager)', () => {
  const server = fleet.servers['proftpd-explicit'];
  const site: SiteProfile = {
    id: 'site-1', name: 'proftpd', folderPath: [], protocol: 'explicit', host: server.host, port: server.port, portFollowsProtocol: false,
    user: server.user, passwordStorage: 'keychain', hasPassword: true, dataMode: 'passive', localDir: '', remoteDir: '', encoding: 'utf8',
    maxConnections: 2, timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, keepModifiedTimes: true, segments: 4, allowClearData: false, comments: '', createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z',
  };

  test('an unsaved site (quick fields): steps stream as events tagged with the run id', async () => {
    const events: DoctorStepEvent[] = [];
    const service = new DoctorService({ sites: { get: async () => site, getPassword: async () => null }, trustStore: pins, onStep: (e) => events.push(e) });
    const request = doctorRequestSchema.parse({ kind: 'quick', host: server.host, port: server.port, user: server.user, password: server.password, runId: 'run-7' });
    const report = await service.run(request);
    assert.equal(report.verdict, 'ok', JSON.stringify(report.diagnoses));
    assert.equal(report.facts.certificateTrust, 'pinned');
    assert.ok(events.length > 0 && events.every((e) => e.runId === 'run-7'));
    assert.deepEqual(events.filter((e) => e.step.status !== 'running').map((e) => e.step.id), report.steps.filter((s) => s.durationMs !== null || s.status === 'skipped').map((s) => s.id));
  });

  test('a saved site: the keychain password is used; without one the request is refused before connecting', async () => {
    const withPassword = new DoctorService({ sites: { get: async () => site, getPassword: async () => server.password }, trustStore: pins });
    assert.equal((await withPassword.run({ kind: 'site', siteId: 'site-1' })).verdict, 'ok');
    const without = new DoctorService({ sites: { get: async () => site, getPassword: async () => null }, trustStore: pins });
    await assert.rejects(without.run({ kind: 'site', siteId: 'site-1' }), /Enter the password for proftpd/);
  });

  test('cancelling by run id stops a run held at the greeting and answers the report up to that step', async () => {
    // An implicit-FTPS port tried as explicit: the server waits for a TLS hello, the doctor for a greeting.
    const silent = fleet.servers['vsftpd-implicit'];
    let greetingRunning: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      greetingRunning = resolve;
    });
    const events: DoctorStepEvent[] = [];
    const service = new DoctorService({
      sites: { get: async () => site, getPassword: async () => null },
      trustStore: pins,
      // Far longer than the test may take: only the cancel can end this step.
      options: { greetingTimeoutMs: 120_000, timeoutMs: 120_000 },
      onStep: (e) => {
        events.push(e);
        if (e.step.id === 'greeting' && e.step.status === 'running') greetingRunning();
      },
    });
    const request = { kind: 'quick', host: silent.host, port: silent.port, mode: 'explicit', user: silent.user, password: silent.password, runId: 'run-held' } as const;
    const running = service.run(request);
    await held;
    await assert.rejects(service.run(request), /already running/, 'one id, one run');
    service.cancel('run-held');
    const report = await running;

    assert.equal(report.cancelledAt, 'greeting');
    const greeting = report.steps.find((s) => s.id === 'greeting');
    assert.equal(greeting?.status, 'failed');
    assert.equal(greeting?.summary, 'Cancelled.');
    assert.deepEqual(report.steps.filter((s) => s.durationMs !== null).map((s) => s.id), ['resolve', 'connect', 'greeting']);
    assert.ok(report.steps.filter((s) => s.durationMs === null).every((s) => s.status === 'skipped'));
    assert.deepEqual(report.diagnoses, [], 'what the cancel cut short is not a finding');
    assert.equal(events.at(-1)?.step.id, 'greeting', 'no step starts after the cancel');

    // The id is free again; cancelling a run that ended changes nothing.
    service.cancel('run-held');
    const again = await service.run({ kind: 'quick', host: server.host, port: server.port, user: server.user, password: server.password, runId: 'run-held' });
    assert.equal(again.verdict, 'ok', JSON.stringify(again.diagnoses));
    assert.equal(again.cancelledAt, undefined);
  });

  test('the request validator refuses plain FTP without allowPlain and control characters', () => {
    assert.equal(doctorRequestSchema.safeParse({ kind: 'quick', host: 'h', user: 'u', password: 'p', mode: 'plain' }).success, false);
    assert.equal(doctorRequestSchema.safeParse({ kind: 'quick', host: 'h', user: 'u\r\nDELE x', password: 'p' }).success, false);
    assert.equal(doctorRequestSchema.safeParse({ kind: 'site', siteId: 'a', extra: 1 }).success, false);
    assert.equal(doctorRequestSchema.safeParse({ kind: 'quick', host: 'h', user: 'u', password: 'p', mode: 'plain', allowPlain: true }).success, true);
  });
});

describe('every diagnosis has words and, for errors, a fix', () => {
  for (const problem of DOCTOR_PROBLEMS) {
    test(problem, () => {
      for (const extra of [{}, { detail: '530 Login incorrect.', accepted: true, activeWorked: true, epsvWorked: true, dataFailed: false, protocol: 'SSH' as const }]) {
        const text = describeProblem(problem, { host: 'ftp.example.com', port: 21, mode: 'explicit', ...extra });
        assert.ok(text.title.length > 0 && text.explanation.length > 0);
        assert.ok(!/undefined|null|\[object/.test(`${text.title} ${text.explanation} ${text.fixes.join(' ')}`), `${problem}: ${text.explanation}`);
        if (text.severity === 'error') assert.ok(text.fixes.length > 0, `${problem} needs a fix`);
      }
    });
  }
});
