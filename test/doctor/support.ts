/** What the doctor's server tests share: the fleet, a doctor run with the fleet's CA trusted, and readers of its report. */
import assert from 'node:assert/strict';
import type { DoctorProblem, DoctorReport, DoctorStep, DoctorStepId } from '../../common/models/doctor';
import type { ConnectionTarget } from '../../common/models/site';
import { runDoctor, type DoctorOptions } from '../../main/doctor/doctor';
import { useFleet, type ServerInfo } from '../servers/fleet';
import { targetFor } from '../ftps/support';

export const fleet = await useFleet();

/** The connection fields of a fleet server or an extra one. */
export type Reachable = { readonly host: string; readonly port: number; readonly mode: ServerInfo['mode']; readonly user: string; readonly password: string };

/** Runs the doctor with the fleet's CA trusted and short limits for the steps meant to fail. */
export function doctor(server: Reachable, options: Partial<DoctorOptions> & { overrides?: Partial<ConnectionTarget> } = {}): Promise<DoctorReport> {
  const { overrides, ...rest } = options;
  return runDoctor({
    target: targetFor(server, overrides),
    password: server.password,
    allowPlain: server.mode === 'plain',
    extraCaPem: [fleet.caCertPem],
    timeoutMs: 10_000,
    dataTimeoutMs: 5_000,
    ...rest,
  });
}

export function step(report: DoctorReport, id: DoctorStepId): DoctorStep {
  const found = report.steps.find((s) => s.id === id);
  assert.ok(found, `step ${id} is in the report`);
  return found;
}

export function problems(report: DoctorReport): DoctorProblem[] {
  return report.diagnoses.map((d) => d.problem);
}

export function errors(report: DoctorReport): DoctorProblem[] {
  return report.diagnoses.filter((d) => d.severity === 'error').map((d) => d.problem);
}

/** What the transcript shows we sent: lines starting with `> ` (any connection). */
export function sent(report: DoctorReport): string[] {
  return report.transcript.filter((l) => /(^|\] )> /.test(l)).map((l) => l.replace(/^\[[^\]]+\] /, '').slice(2));
}

export function assertNoPassword(report: DoctorReport, password: string): void {
  assert.ok(!JSON.stringify(report).includes(password), 'the password appears nowhere in the report');
}
