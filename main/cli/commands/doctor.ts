import { parseArgs } from 'node:util';
import type { DoctorProblem, DoctorReport, DoctorStep } from '../../../common/models/doctor';
import { PROTOCOL_NAMES } from '../../../common/models/site';
import type { MessageId } from '../../../common/i18n/catalog';
import { t } from '../../../common/i18n/t';
import { WharfError } from '../../core/errors';
import { doctorUsage } from '../usage';
import { resolveCliConnection } from '../connection';
import { CONNECTION_OPTIONS, connectionFlags } from '../connection-flags';
import { reportCliFailure } from '../exit-codes';
import type { CliIo } from '../io';
import { runDoctor, type DoctorOptions } from '../../doctor/doctor';
import { hostForUrl } from '../url';
import { displayWidth, padEndToWidth } from '../terminal';

export { processCliIo, type CliIo } from '../io';

/** The exit code for a report: 0 when it works, else by the first error. */
export function doctorExitCode(report: DoctorReport): number {
  const first = report.diagnoses.find((d) => d.severity === 'error');
  if (!first) return 0;
  const byProblem: Partial<Record<DoctorProblem, number>> = {
    'proxy-failed': 5,
    'client-certificate-required': 4,
    'client-certificate-refused': 4,
    'login-refused': 3,
    'certificate-untrusted': 4,
    'certificate-changed': 4,
    'tls-handshake-failed': 4,
    'no-tls': 4,
    'tls-required': 4,
    'implicit-server-explicit-settings': 4,
    'explicit-server-implicit-settings': 4,
    'dns-failed': 5,
    'connect-refused': 5,
    'connect-timeout': 5,
    'not-ftp': 5,
    'server-closed': 5,
    'too-many-connections': 5,
    'passive-blocked': 5,
    'pasv-foreign-address': 5,
    timeout: 5,
    'listing-failed': 6,
    'session-reuse-failed': 6,
    'tls13-tickets': 6,
  };
  return byProblem[first.problem] ?? 1;
}

const MARK_IDS = {
  ok: 'doctor.mark.ok',
  warning: 'doctor.mark.warning',
  failed: 'doctor.mark.failed',
  skipped: 'doctor.mark.skipped',
  pending: 'doctor.mark.pending',
  running: 'doctor.mark.pending',
} as const satisfies Record<DoctorStep['status'], MessageId>;

/** The step marks in the current language, padded to the widest by terminal columns so the titles line up. */
export function doctorMarks(): Record<DoctorStep['status'], string> {
  const texts = Object.entries(MARK_IDS).map(([status, id]) => [status, t(id)] as const);
  const width = Math.max(...texts.map(([, text]) => displayWidth(text)));
  return Object.fromEntries(texts.map(([status, text]) => [status, padEndToWidth(text, width)])) as Record<DoctorStep['status'], string>;
}

/** The report as text for a terminal or a bug report: steps with times, then diagnoses with fixes. */
export function formatDoctorReport(report: DoctorReport): string {
  const marks = doctorMarks();
  const detailIndent = ' '.repeat(displayWidth(marks.ok) + 4);
  const lines: string[] = [t('cli.doctor.heading', { target: `${report.user}@${hostForUrl(report.host)}:${report.port}`, protocol: PROTOCOL_NAMES[report.mode] }), ''];
  for (const step of report.steps) {
    const time = step.durationMs === null ? '' : `${Math.round(step.durationMs)} ms`;
    lines.push(`[${marks[step.status]}] ${padEndToWidth(step.title, 38)} ${time.padStart(8)}  ${step.summary}`);
    // Details start one column past the titles ("[mark] " is the mark's width plus three).
    for (const detail of step.details) lines.push(`${detailIndent}${detail}`);
  }
  lines.push('');
  if (report.diagnoses.length === 0) lines.push(t('cli.doctor.noProblems'));
  for (const d of report.diagnoses) {
    lines.push(t('cliUsage.doctor.diagnosis', { severity: d.severity, title: d.title }), `  ${d.explanation}`);
    for (const fix of d.fixes) lines.push(`  - ${fix}`);
    lines.push('');
  }
  lines.push(t(report.verdict === 'ok' ? 'cli.doctor.verdict.ok' : report.verdict === 'warnings' ? 'cli.doctor.verdict.warnings' : 'cli.doctor.verdict.failed', { duration: String(report.durationMs) }));
  return lines.join('\n');
}

/**
 * `wharf doctor URL [options]`: runs the doctor and prints the report (text or --json). Returns the exit
 * code; never throws.
 */
export async function runDoctorCommand(args: readonly string[], io: CliIo, overrides: Partial<DoctorOptions> = {}): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        ...CONNECTION_OPTIONS,
        timeout: { type: 'string', default: '15' },
        'greeting-timeout': { type: 'string', default: '5' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    if (values.help) {
      io.out(doctorUsage());
      return 0;
    }
    const [url, ...extra] = positionals;
    if (!url || extra.length > 0) throw new WharfError('invalid-input', t('cli.doctor.usage'));
    const flags = connectionFlags(values);
    const greeting = Number(values['greeting-timeout']);
    if (!(greeting > 0)) throw new WharfError('invalid-input', t('cli.doctor.greetingTimeout'));
    const connection = await resolveCliConnection(url, flags, io);
    const report = await runDoctor({
      target: connection.target,
      password: connection.password,
      allowPlain: connection.allowPlain,
      ...connection.reach,
      ...(connection.path && connection.path !== '/' ? { remoteDir: connection.path } : {}),
      extraCaPem: connection.extraCaPem,
      ...(connection.pinnedFingerprint ? { pinnedFingerprint: connection.pinnedFingerprint } : {}),
      ...(connection.trustStore ? { trustStore: connection.trustStore } : {}),
      insecure: connection.insecure,
      decideTrust: connection.decideTrust,
      timeoutMs: flags.timeout * 1000,
      greetingTimeoutMs: greeting * 1000,
      ...(values.json ? {} : { onStep: (step: DoctorStep) => {
        if (step.status === 'running' && io.interactive) io.err(`  ${step.title}…`);
      } }),
      ...overrides,
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : formatDoctorReport(report));
    return doctorExitCode(report);
  } catch (err) {
    return reportCliFailure(err, io, { argv: ['doctor', ...args], help: 'wharf doctor --help' });
  }
}
