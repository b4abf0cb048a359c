/*
 * The connection doctor: the order of its steps. The framework (state, step runner, report) is in ./run.ts,
 * each step in ./steps/.
 */
import type { Socket } from 'node:net';
import { t } from '../../common/i18n/t';
import type { DoctorReport } from '../../common/models/doctor';
import { ControlConnection } from './ftp-probe';
import { Cancelled, DoctorRun, type DoctorOptions } from './run';
import { certificateStep } from './steps/certificate';
import { clientCertificateStep } from './steps/client-certificate';
import { connectStep, resolveStep } from './steps/connect';
import { dataSteps } from './steps/data-channel';
import { explicitStart, implicitStart } from './steps/greeting-tls';
import { loginStep, protectionStep } from './steps/login';
import { proxyStep } from './steps/proxy';
import { refineTls13, versionProbe } from './steps/tls-versions';

export type { DoctorOptions } from './run';

async function execute(run: DoctorRun): Promise<void> {
  try {
    await steps(run);
  } catch (err) {
    if (!(err instanceof Cancelled)) throw err;
  } finally {
    run.tracker.destroyAll();
  }
}

/** The steps in order; each returns whether the run can go on. */
async function steps(run: DoctorRun): Promise<void> {
  const { mode } = run.target;
  if (mode === 'plain' && !run.options.allowPlain) {
    await run.step('resolve', async (s) => {
      s.status = 'failed';
      s.summary = t('doctorSteps.resolve.plainNotAllowed');
    });
    run.diagnose('plain-ftp', 'resolve');
    return;
  }
  const { proxy } = run.options;
  let raw: Socket | null;
  if (proxy) {
    await run.step('resolve', async (s) => {
      s.summary = t('doctorSteps.resolve.byProxy', { host: run.target.host });
    });
    raw = await proxyStep(run, proxy);
  } else {
    const addresses = await resolveStep(run);
    if (!addresses) return;
    run.skip('proxy', t('doctorSteps.proxy.none'));
    raw = await connectStep(run, addresses);
  }
  if (!raw) return;
  const control = new ControlConnection(raw, run.charset, (line) => run.log(line), run.tracker);

  const secured = mode === 'implicit' ? await implicitStart(run, control) : await explicitStart(run, control);
  if (!secured) return;
  if (mode !== 'plain' && !(await certificateStep(run, control))) return;
  if (mode !== 'plain' && !(await clientCertificateStep(run, control))) return;
  if (mode === 'plain') run.skip('client-certificate', t('doctorSteps.plainNoTls'));
  if (!(await loginStep(run, control))) return;
  await protectionStep(run, control);
  await dataSteps(run, control);
  await control.quit(Math.min(run.timeoutMs, 3000));
  if (mode === 'plain') {
    run.skip('tls13', t('doctorSteps.plainNoTls'));
    run.skip('tls12', t('doctorSteps.plainNoTls'));
  } else {
    await versionProbe(run, 'TLSv1.3');
    await versionProbe(run, 'TLSv1.2');
    refineTls13(run);
  }
}

/**
 * Runs the connection doctor: every step one by one, each with its result and time, then diagnoses with
 * fixes. Never throws for a network or server problem (that is what the report is for); the password
 * never appears in the report.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const run = new DoctorRun(options);
  await execute(run);
  return run.report();
}
