import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DoctorReport, DoctorStep } from '../../common/models/doctor';
import { DOCTOR_STEP_IDS, DOCTOR_STEP_TITLES } from '../../common/models/doctor';
import { doctorStepTitle as reportStepTitle } from '../../common/models/doctor-steps';
import { setUiLocale } from '../../common/i18n/t';
import type { SiteProfile } from '../../common/models/site-profile';
import {
  applyStep,
  askPassword,
  cancelledText,
  doctorPlanFromDraft,
  doctorPlanFromQuickConnect,
  doctorReportText,
  doctorStepTitle,
  failRun,
  finishRun,
  finishedCount,
  formatDuration,
  redact,
  requestCancel,
  startRun,
  withPassword,
} from '../../renderer/state/doctor-model';
import { draftFromSite, newDraft } from '../../renderer/state/sites-model';

function site(extra: Partial<SiteProfile> = {}): SiteProfile {
  return {
    id: 'site-1', name: 'Work', folderPath: [], protocol: 'explicit', host: 'ftp.example.com', port: 21, portFollowsProtocol: true, user: 'ann',
    passwordStorage: 'keychain', hasPassword: true, dataMode: 'passive', localDir: '', remoteDir: '', encoding: 'utf8', maxConnections: 2,
    timezoneOffsetMinutes: 0, minTlsVersion: 'TLSv1.2', uploadViaTemporaryName: true, keepModifiedTimes: true, segments: 4, allowClearData: false, comments: '', createdAt: '2024-01-01T00:00:00.000Z', updatedAt: '2024-01-01T00:00:00.000Z',
    ...extra,
  };
}

function step(id: DoctorStep['id'], status: DoctorStep['status'], extra: Partial<DoctorStep> = {}): DoctorStep {
  return { id, title: id, status, summary: `${id} ${status}`, details: [], durationMs: status === 'running' ? null : 12, ...extra };
}

function report(extra: Partial<DoctorReport> = {}): DoctorReport {
  return {
    host: '127.0.0.1', port: 2121, mode: 'explicit', user: 'ann', startedAt: '2024-05-01T10:00:00.000Z', durationMs: 1234, verdict: 'failed',
    steps: DOCTOR_STEP_IDS.map((id) => step(id, id === 'login' ? 'failed' : 'ok')),
    diagnoses: [{ problem: 'login-refused', severity: 'error', stepId: 'login', title: 'Login refused', explanation: 'The server did not accept the user name and password.', fixes: ['Check the user name and password.'] }],
    facts: {
      addresses: ['127.0.0.1'], serverBanner: '220 hi', tlsVersion: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384', certificate: null, certificateTrust: 'pinned', features: ['EPSV'],
      workingDataMethod: null, pasvAnnouncedAddress: null, passivePortsSeen: [], dataSessionReused: null, sessionReuseRequired: null, tls13TicketReusable: null, tlsVersions: [],
    },
    transcript: ['> USER ann', '< 331 Please specify the password.', '> PASS ********', '< 530 Login incorrect: hunter22 is wrong'],
    ...extra,
  };
}

describe('what "Test connection" sends', () => {
  it('takes the quick connect fields as typed, without the data mode (the doctor tries them all)', () => {
    const plan = doctorPlanFromQuickConnect({ host: 'h', port: 990, mode: 'implicit', user: 'ann', password: 'pw', dataMode: 'active' });
    assert.equal(plan.kind, 'run');
    assert.deepEqual(plan.target, { kind: 'quick', host: 'h', port: 990, mode: 'implicit', user: 'ann', password: 'pw' });
    assert.equal(plan.label, 'ann@h:990 (FTPS implicit)');
    const plain = doctorPlanFromQuickConnect({ host: 'h', mode: 'plain', user: '', password: '', allowPlain: true });
    assert.deepEqual(plain.target, { kind: 'quick', host: 'h', port: 21, mode: 'plain', user: '', password: '', allowPlain: true });
  });

  it('tests a saved, unchanged site as saved: main takes the password from the keychain', () => {
    const saved = site();
    const plan = doctorPlanFromDraft(draftFromSite(saved), saved);
    assert.deepEqual(plan, { kind: 'run', label: 'ann@ftp.example.com:21 (FTPS explicit)', target: { kind: 'site', siteId: 'site-1' } });
  });

  it('asks for the password of a saved site that has none saved', () => {
    const saved = site({ passwordStorage: 'ask', hasPassword: false });
    const plan = doctorPlanFromDraft(draftFromSite(saved), saved);
    assert.equal(plan.kind, 'ask-password');
    assert.deepEqual(withPassword(plan.target, 'pw'), { kind: 'site', siteId: 'site-1', password: 'pw' });
  });

  it('tests unsaved changes with the fields as typed, and never sends the saved password to a changed server', () => {
    const saved = site();
    const edited = { ...draftFromSite(saved), host: 'other.example.com', port: '2121', portEdited: true };
    const asked = doctorPlanFromDraft(edited, saved);
    assert.equal(asked.kind, 'ask-password');
    assert.match(asked.kind === 'ask-password' ? asked.reason : '', /saved password is only sent to the saved server/);
    assert.deepEqual(asked.target, { kind: 'quick', host: 'other.example.com', port: 2121, mode: 'explicit', user: 'ann', password: '', minTlsVersion: 'TLSv1.2' });
    const typed = doctorPlanFromDraft({ ...edited, password: 'new' }, saved);
    assert.equal(typed.kind, 'run');
    assert.equal(typed.target.kind === 'quick' ? typed.target.password : null, 'new');
  });

  it('tests a new site, unsaved; anonymous needs no password', () => {
    const draft = { ...newDraft([], true), host: 'h', protocol: 'implicit' as const, user: 'anonymous', remoteDir: '/pub' };
    const plan = doctorPlanFromDraft(draft, null);
    assert.equal(plan.kind, 'run');
    assert.deepEqual(plan.target, { kind: 'quick', host: 'h', port: 990, mode: 'implicit', user: 'anonymous', password: '', minTlsVersion: 'TLSv1.2', remoteDir: '/pub' });
    assert.equal(doctorPlanFromDraft({ ...draft, user: 'bob' }, null).kind, 'ask-password');
  });
});

describe('the checklist', () => {
  it('fills step by step from events of its own run, never going back from a finished step', () => {
    let run = startRun('r1', 'x');
    assert.ok(run.steps.every((s) => s.status === 'pending'));
    assert.deepEqual(run.steps.map((s) => s.id), [...DOCTOR_STEP_IDS]);
    run = applyStep(run, { runId: 'r1', step: step('resolve', 'running') });
    assert.equal(run.steps[0]?.status, 'running');
    run = applyStep(run, { runId: 'r1', step: step('resolve', 'ok') });
    assert.equal(applyStep(run, { runId: 'r1', step: step('resolve', 'running') }), run, 'a late running event is ignored');
    assert.equal(applyStep(run, { runId: 'other', step: step('connect', 'ok') }), run, 'another run is ignored');
    assert.equal(finishedCount(run), 1);
  });

  it('takes the report whole; later events change nothing', () => {
    const run = finishRun(startRun('r1', 'x'), 'r1', report());
    assert.equal(run.phase, 'done');
    assert.equal(run.steps.find((s) => s.id === 'login')?.status, 'failed');
    assert.equal(applyStep(run, { runId: 'r1', step: step('login', 'running') }), run);
    assert.equal(finishRun(startRun('r2', 'x'), 'r1', report()).phase, 'running', 'the report of an older run is ignored');
  });

  it('asks for a password when main says one is needed, shows other errors', () => {
    const needs = failRun(startRun('r1', 'x'), 'r1', { kind: 'invalid-input', message: 'Enter the password for Work: it is not saved.', detail: { reason: 'password-required' } });
    assert.equal(needs.phase, 'password');
    assert.equal(needs.passwordReason, 'Enter the password for Work: it is not saved.');
    assert.equal(failRun(startRun('r1', 'x'), 'r1', { kind: 'invalid-input', message: 'Unknown site' }).phase, 'error');
    assert.equal(askPassword('r1', 'x', 'why').phase, 'password');
  });
});

describe('cancelling a run', () => {
  it('marks only the running run as cancelling, once; the report or an error ends it', () => {
    const run = requestCancel(startRun('r1', 'x'), 'r1');
    assert.equal(run.cancelling, true);
    assert.equal(requestCancel(run, 'r1'), run, 'a second press changes nothing');
    assert.equal(requestCancel(startRun('r2', 'x'), 'r1').cancelling, false, 'another run is left alone');
    assert.equal(requestCancel(askPassword('r1', 'x', 'why'), 'r1').cancelling, false, 'nothing runs yet');
    assert.equal(finishRun(run, 'r1', report()).cancelling, false);
    assert.equal(failRun(run, 'r1', { kind: 'cancelled', message: 'The connection test was cancelled before it started.' }).phase, 'error');
  });

  it('says where a cancelled run stopped, in the banner and in the copied report instead of a verdict', () => {
    const cancelled = report({ verdict: 'ok', diagnoses: [], cancelledAt: 'greeting' });
    const position = `step ${DOCTOR_STEP_IDS.indexOf('greeting') + 1} of ${DOCTOR_STEP_IDS.length}`;
    assert.equal(cancelledText(cancelled), `Cancelled at “What the server sends first” (${position}).`);
    assert.equal(cancelledText(report()), null);
    const text = doctorReportText(cancelled);
    assert.ok(text.includes(`Verdict:  CANCELLED — Cancelled at “What the server sends first” (${position}). The steps after it did not run.`), text);
    assert.ok(!/Verdict: {2}OK/.test(text), 'a cancelled run is not reported as working');
  });
});

describe('the copied report', () => {
  it('lists server, verdict, steps with times and details, diagnoses with fixes and the masked dialogue', () => {
    const text = doctorReportText(report({ steps: [step('resolve', 'ok', { details: ['127.0.0.1'] }), step('login', 'failed')] }), [], '1.2.3');
    assert.match(text, /^Wharf connection test \(Wharf 1\.2\.3\)/);
    assert.match(text, /Server: {3}ann@127\.0\.0\.1:2121 \(FTPS explicit\)/);
    assert.match(text, /Verdict: {2}FAILED/);
    assert.match(text, /\[ok {5}\] resolve {2}resolve ok \(12 ms\)/);
    assert.match(text, / {14}127\.0\.0\.1/);
    assert.match(text, /\[error\] Login refused/);
    assert.match(text, /- Check the user name and password\./);
    assert.match(text, /> PASS \*{8}/);
  });

  it('never holds the password, even where a server echoed it', () => {
    const text = doctorReportText(report(), ['hunter22']);
    assert.ok(!text.includes('hunter22'));
    assert.match(text, /530 Login incorrect: \*{8} is wrong/);
    assert.equal(redact('ab ab', ['ab']), 'ab ab', 'secrets shorter than 3 characters would blank out ordinary text');
  });

  it('formats durations', () => {
    assert.equal(formatDuration(null), '');
    assert.equal(formatDuration(4.4), '4 ms');
    assert.equal(formatDuration(1234), '1.2 s');
    assert.equal(formatDuration(12_345), '12 s');
  });
});

describe("the steps' titles", () => {
  it('the checklist and the report take them from one list: English as DOCTOR_STEP_TITLES, German translated, an unknown id keeps its own', () => {
    try {
      assert.equal(doctorStepTitle, reportStepTitle, 'the renderer uses the list main reports with');
      for (const id of DOCTOR_STEP_IDS) assert.equal(doctorStepTitle(id), DOCTOR_STEP_TITLES[id]);
      setUiLocale('de');
      assert.equal(doctorStepTitle('resolve'), 'Namensauflösung');
      assert.equal(new Set(DOCTOR_STEP_IDS.map((id) => doctorStepTitle(id))).size, DOCTOR_STEP_IDS.length);
      for (const id of DOCTOR_STEP_IDS.filter((i) => !/^tls1[23]$|^proxy$/.test(i))) assert.notEqual(doctorStepTitle(id), DOCTOR_STEP_TITLES[id], id);
      assert.equal(doctorStepTitle('future-step', 'Future step'), 'Future step');
    } finally {
      setUiLocale('en');
    }
  });
});
