/**
 * The connection doctor as the renderer shows it: which request to send for the quick connect bar or the
 * site being edited (saved or not), the checklist filled step by step from `doctorStep` events, and the
 * plain-text report behind "Copy report". Pure: no DOM, no window.wharf.
 */
import { t, translator } from '../../common/i18n/t';
import type { QuickConnectFields } from '../../common/ipc/payloads';
import type { WharfErrorData } from '../../common/models/errors';
import {
  DOCTOR_STEP_IDS,
  type DoctorDiagnosis,
  type DoctorReport,
  type DoctorRequest,
  type DoctorStep,
  type DoctorStepEvent,
  type DoctorStepStatus,
} from '../../common/models/doctor';
import { doctorStepTitle } from '../../common/models/doctor-steps';
import { defaultPortFor, type FtpsMode } from '../../common/models/site';
import type { SiteProfile } from '../../common/models/site-profile';
import { effectivePort, protocolName, type SiteDraft } from './sites-model';

/** A doctor request before the dispatcher tags it with a run id. */
export type DoctorTarget = WithoutRunId<DoctorRequest>;
type WithoutRunId<T> = T extends unknown ? Omit<T, 'runId'> : never;

/** The quick-connect variant of a target. */
export type QuickDoctorTarget = Extract<DoctorTarget, { kind: 'quick' }>;

/**
 * What "Test connection" should do: run at once, or first ask for a password (a site whose password is
 * not saved, or unsaved settings whose password was not typed: the saved password is only ever sent to
 * the saved server).
 */
export type DoctorPlan =
  | { readonly kind: 'run'; readonly label: string; readonly target: DoctorTarget }
  | { readonly kind: 'ask-password'; readonly label: string; readonly reason: string; readonly target: DoctorTarget };

/** `ann@ftp.example.com:21 (FTPS explicit)`. */
export function doctorLabel(host: string, port: number, mode: FtpsMode, user: string): string {
  const where = host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
  return t('doctorView.label', { where: `${user ? `${user}@` : ''}${where}`, protocol: protocolName(mode) });
}

function anonymous(user: string): boolean {
  return user.trim() === '' || user.trim().toLowerCase() === 'anonymous';
}

/** The quick connect bar's fields as a doctor target (the doctor has no data-mode choice: it tries them all). */
export function doctorPlanFromQuickConnect(fields: QuickConnectFields): DoctorPlan {
  const mode = fields.mode ?? 'explicit';
  const port = fields.port ?? defaultPortFor(mode);
  const target: QuickDoctorTarget = {
    kind: 'quick',
    host: fields.host,
    port,
    mode,
    user: fields.user,
    password: fields.password,
    ...(fields.minTlsVersion ? { minTlsVersion: fields.minTlsVersion } : {}),
    ...(mode === 'plain' ? { allowPlain: fields.allowPlain === true } : {}),
  };
  return { kind: 'run', label: doctorLabel(fields.host, port, mode, fields.user), target };
}

/** Whether the draft connects differently from its saved site (password aside). */
export function connectionChanged(draft: SiteDraft, site: SiteProfile): boolean {
  return (
    draft.host.trim() !== site.host ||
    effectivePort(draft) !== site.port ||
    draft.protocol !== site.protocol ||
    draft.user !== site.user ||
    draft.minTlsVersion !== site.minTlsVersion ||
    draft.allowClearData !== site.allowClearData ||
    draft.remoteDir !== site.remoteDir
  );
}

/**
 * The site being edited in the site manager, saved or not. A saved site whose connection fields are
 * unchanged is tested as saved (main takes the password from the keychain); anything else is tested with
 * the fields as typed, with the typed password, or after asking for it.
 */
export function doctorPlanFromDraft(draft: SiteDraft, saved: SiteProfile | null): DoctorPlan {
  const port = effectivePort(draft);
  const label = doctorLabel(draft.host.trim(), port, draft.protocol, draft.user);
  if (saved && draft.id === saved.id && !connectionChanged(draft, saved) && draft.password === '') {
    if (!saved.hasPassword && !anonymous(saved.user)) {
      return { kind: 'ask-password', label, reason: t('doctorView.askPassword.siteAsks', { user: saved.user }), target: { kind: 'site', siteId: saved.id } };
    }
    return { kind: 'run', label, target: { kind: 'site', siteId: saved.id } };
  }
  const target: QuickDoctorTarget = {
    kind: 'quick',
    host: draft.host.trim(),
    port,
    mode: draft.protocol,
    user: draft.user,
    password: draft.password,
    minTlsVersion: draft.minTlsVersion,
    ...(draft.allowClearData ? { allowClearData: true } : {}),
    ...(draft.protocol === 'plain' ? { allowPlain: true } : {}),
    ...(draft.remoteDir.trim() ? { remoteDir: draft.remoteDir.trim() } : {}),
  };
  if (draft.password !== '' || anonymous(draft.user)) return { kind: 'run', label, target };
  const reason =
    saved && saved.hasPassword
      ? t('doctorView.askPassword.unsaved')
      : t('doctorView.askPassword.notSaved', { user: draft.user });
  return { kind: 'ask-password', label, reason, target };
}

/** The target with the password the user typed in the doctor dialog. */
export function withPassword(target: DoctorTarget, password: string): DoctorTarget {
  return { ...target, password };
}

/** One run as the dialog shows it. */
export interface DoctorRunView {
  readonly runId: string;
  readonly label: string;
  /** `password`: waiting for the user to type one; `running`: steps arriving; `done`: the report is in; `error`: the run could not start. */
  readonly phase: 'password' | 'running' | 'done' | 'error';
  /** The user pressed Cancel and main is closing the run's connections; the report follows. */
  readonly cancelling: boolean;
  readonly passwordReason: string | null;
  /** Every step in order, `pending` until its first event. */
  readonly steps: readonly DoctorStep[];
  readonly report: DoctorReport | null;
  readonly error: WharfErrorData | null;
}

/** The doctor store: the run the dialog shows, if any. */
export interface DoctorState {
  readonly run: DoctorRunView | null;
}

/** No run. */
export const initialDoctor: DoctorState = { run: null };

/** The checklist before anything ran. */
export function pendingSteps(): DoctorStep[] {
  return DOCTOR_STEP_IDS.map((id) => ({ id, title: doctorStepTitle(id), status: 'pending' as const, summary: '', details: [], durationMs: null }));
}

/** A run that starts now. */
export function startRun(runId: string, label: string): DoctorRunView {
  return { runId, label, phase: 'running', cancelling: false, passwordReason: null, steps: pendingSteps(), report: null, error: null };
}

/** A run that waits for a password first. */
export function askPassword(runId: string, label: string, reason: string): DoctorRunView {
  return { runId, label, phase: 'password', cancelling: false, passwordReason: reason, steps: pendingSteps(), report: null, error: null };
}

const FINISHED: ReadonlySet<DoctorStepStatus> = new Set(['ok', 'warning', 'failed', 'skipped']);

/**
 * A `doctorStep` event: only for this run, only while it runs, and a late `running` never replaces a
 * finished step.
 */
export function applyStep(run: DoctorRunView, event: DoctorStepEvent): DoctorRunView {
  if (event.runId !== run.runId || run.phase !== 'running') return run;
  const index = run.steps.findIndex((s) => s.id === event.step.id);
  if (index < 0) return run;
  const current = run.steps[index]!;
  if (FINISHED.has(current.status) && !FINISHED.has(event.step.status)) return run;
  return { ...run, steps: run.steps.map((s, i) => (i === index ? event.step : s)) };
}

/** Cancel was pressed: only a run still going can be cancelled, and only once. */
export function requestCancel(run: DoctorRunView, runId: string): DoctorRunView {
  if (run.runId !== runId || run.phase !== 'running' || run.cancelling) return run;
  return { ...run, cancelling: true };
}

/** The report arrived: it holds every step as it ended. */
export function finishRun(run: DoctorRunView, runId: string, report: DoctorReport): DoctorRunView {
  if (run.runId !== runId) return run;
  const byId = new Map(report.steps.map((s) => [s.id, s]));
  return { ...run, phase: 'done', cancelling: false, report, steps: run.steps.map((s) => byId.get(s.id) ?? (s.status === 'running' || s.status === 'pending' ? { ...s, status: 'skipped' as const } : s)) };
}

/** The run could not start (unknown site, no password): a password-required error asks for one. */
export function failRun(run: DoctorRunView, runId: string, error: WharfErrorData): DoctorRunView {
  if (run.runId !== runId) return run;
  if (error.kind === 'invalid-input' && error.detail?.['reason'] === 'password-required') {
    return { ...run, phase: 'password', passwordReason: error.message, steps: pendingSteps() };
  }
  return { ...run, phase: 'error', cancelling: false, error };
}

/** How many steps have ended, for the progress line. */
export function finishedCount(run: DoctorRunView): number {
  return run.steps.filter((s) => FINISHED.has(s.status)).length;
}

/** `12 ms`, `1.4 s`; '' when the step did not run. */
export function formatDuration(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '';
  if (ms < 1000) return t('doctorView.ms', { value: translator().number(Math.max(0, Math.round(ms))) });
  const digits = ms < 10_000 ? 1 : 0;
  return t('doctorView.seconds', { value: translator().number(Number((ms / 1000).toFixed(digits)), { minimumFractionDigits: digits, maximumFractionDigits: digits }) });
}

/** The words of a verdict, for the dialog's banner and the report. */
export function verdictText(verdict: DoctorReport['verdict']): string {
  switch (verdict) {
    case 'ok':
      return t('doctorView.verdict.ok');
    case 'warnings':
      return t('doctorView.verdict.warnings');
    case 'failed':
      return t('doctorView.verdict.failed');
    default: {
      const never: never = verdict;
      return String(never);
    }
  }
}

/**
 * Where a cancelled run stopped, for the banner and the report: `Cancelled at “TLS handshake” (step 4 of
 * 14).`; null for a run that was not cancelled.
 */
export function cancelledText(report: DoctorReport): string | null {
  if (report.cancelledAt === undefined) return null;
  const index = report.steps.findIndex((s) => s.id === report.cancelledAt);
  return t('doctorView.cancelledAt', { step: doctorStepTitle(report.cancelledAt), index: index + 1, total: report.steps.length });
}

/** A step's status in words (for screen readers and the report). */
export function statusWord(status: DoctorStepStatus): string {
  return t('doctorView.status', { status });
}

/** A step's title in the current language (main's report may carry another step id: its own title then). */
export { doctorStepTitle };

/** The diagnoses worth a card, errors first. */
export function sortedDiagnoses(diagnoses: readonly DoctorDiagnosis[]): DoctorDiagnosis[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...diagnoses].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** Replaces every occurrence of each secret (of 3 characters or more) with asterisks. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < 3) continue;
    out = out.split(secret).join('********');
  }
  return out;
}

/**
 * The report as plain text for "Copy report": server, verdict, every step with its time and details, the
 * diagnoses with their fixes, the facts and the control dialogue. The report never holds the password (main
 * masks PASS); `secrets` are blanked out once more in case a server echoed one.
 */
export function doctorReportText(report: DoctorReport, secrets: readonly string[] = [], appVersion?: string): string {
  const lines: string[] = [];
  // Labels padded to a column as wide as the longest of them (in English, the widths the report always had).
  const head = [t('doctorView.report.server'), t('doctorView.report.started'), t('doctorView.report.verdict')];
  const headWidth = Math.max(9, ...head.map((label) => label.length)) + 1;
  const [serverLabel = '', startedLabel = '', verdictLabel = ''] = head.map((label) => label.padEnd(headWidth));
  lines.push(t('doctorView.report.heading', { version: appVersion ?? 'none' }));
  lines.push(`${serverLabel}${doctorLabel(report.host, report.port, report.mode, report.user)}`);
  lines.push(`${startedLabel}${t('doctorView.report.startedValue', { startedAt: report.startedAt, duration: formatDuration(report.durationMs) })}`);
  const cancelled = cancelledText(report);
  // A cancelled run's verdict covers only the steps before the cancel: saying "OK" would claim too much.
  lines.push(`${verdictLabel}${cancelled ? t('doctorView.report.cancelled', { where: cancelled }) : t('doctorView.report.verdictValue', { verdict: report.verdict, text: verdictText(report.verdict) })}`);
  lines.push('');
  lines.push(t('doctorView.report.steps'));
  const width = Math.max(...report.steps.map((s) => s.title.length));
  const statusWidth = Math.max(7, ...report.steps.map((s) => statusWord(s.status).length));
  for (const step of report.steps) {
    const time = formatDuration(step.durationMs);
    lines.push(`  [${statusWord(step.status).padEnd(statusWidth)}] ${step.title.padEnd(width)}  ${step.summary}${time ? ` (${time})` : ''}`);
    for (const detail of step.details) lines.push(`${' '.repeat(statusWidth + 7)}${detail}`);
  }
  if (report.diagnoses.length > 0) {
    lines.push('');
    lines.push(t('doctorView.report.diagnoses'));
    for (const d of sortedDiagnoses(report.diagnoses)) {
      lines.push(`  [${d.severity}] ${t('doctorView.report.diagnosisStep', { title: d.title, step: doctorStepTitle(d.stepId) })}`);
      lines.push(`    ${d.explanation}`);
      for (const fix of d.fixes) lines.push(`    - ${fix}`);
    }
  }
  const f = report.facts;
  const facts: [string, string][] = [];
  if (f.addresses.length > 0) facts.push([t('doctorView.report.addresses'), f.addresses.join(', ')]);
  if (f.serverBanner) facts.push([t('doctorView.report.banner'), f.serverBanner]);
  if (f.tlsVersion) facts.push([t('doctorView.report.tls'), `${f.tlsVersion}${f.cipher ? `, ${f.cipher}` : ''}`]);
  if (f.certificate) facts.push([t('doctorView.report.certificate'), `${f.certificate.subject}, SHA-256 ${f.certificate.fingerprintSha256}${f.certificateTrust ? ` (${f.certificateTrust})` : ''}`]);
  if (f.features.length > 0) facts.push([t('doctorView.report.features'), f.features.join(', ')]);
  facts.push([t('doctorView.report.dataConnection'), f.workingDataMethod ?? t('doctorView.report.noneWorked')]);
  if (f.pasvAnnouncedAddress) facts.push([t('doctorView.report.pasvAddress'), f.pasvAnnouncedAddress]);
  if (f.dataSessionReused !== null) {
    const required = f.sessionReuseRequired === null ? 'unknown' : f.sessionReuseRequired ? 'yes' : 'no';
    facts.push([t('doctorView.report.sessionReused'), t('doctorView.report.sessionReusedValue', { reused: f.dataSessionReused ? 'yes' : 'no', required })]);
  }
  for (const v of f.tlsVersions) facts.push([t('doctorView.report.tlsVersion', { version: v.version }), t('doctorView.report.supported', { supported: v.supported ? 'yes' : 'no', cipher: v.cipher ?? 'none' })]);
  const factWidth = Math.max(16, ...facts.map(([label]) => label.length)) + 1;
  lines.push('');
  lines.push(t('doctorView.report.facts'));
  for (const [label, value] of facts) lines.push(`  ${label.padEnd(factWidth)}${value}`);
  if (report.transcript.length > 0) {
    lines.push('');
    lines.push(t('doctorView.report.transcript'));
    for (const line of report.transcript) lines.push(`  ${line}`);
  }
  return redact(lines.join('\n'), secrets);
}
