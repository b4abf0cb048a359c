/** The connection doctor: "Test connection", its password question, cancel, run again, copy the report. */
import { t } from '../../common/i18n/t';
import type { QuickConnectFields } from '../../common/ipc/payloads';
import type { DoctorRequest, DoctorStepEvent } from '../../common/models/doctor';
import {
  applyStep,
  askPassword,
  doctorPlanFromQuickConnect,
  doctorReportText,
  failRun,
  finishRun,
  initialDoctor,
  requestCancel,
  startRun,
  withPassword,
  type DoctorPlan,
  type DoctorTarget,
} from '../state/doctor-model';
import { wharf } from './api';
import { dialogId, type DialogsController } from './dialogs';
import type { NoticesController } from './notices';
import type { Stores } from './stores';

/** Runs the doctor in main and shows its steps in the `doctor` store. */
export class DoctorController {
  /** What the doctor tests, password included: kept here, never in a store. */
  private target: DoctorTarget | null = null;
  private nextRun = 1;

  constructor(
    private readonly stores: Pick<Stores, 'doctor' | 'ui'>,
    private readonly notices: NoticesController,
    private readonly dialogs: DialogsController,
  ) {}

  /** A step of the running test ended (main's `doctorStep`). */
  onStep(event: DoctorStepEvent): void {
    this.stores.doctor.update((d) => (d.run ? { run: applyStep(d.run, event) } : d));
  }

  /** "Test connection" for the quick connect bar's fields; plain FTP first shows its warning. */
  testQuickConnect(fields: QuickConnectFields | null): void {
    if (!fields) return;
    if (fields.mode === 'plain' && fields.allowPlain !== true) {
      this.dialogs.open({ kind: 'plain-ftp', id: dialogId('plain'), fields, purpose: 'test' });
      return;
    }
    this.testConnection(doctorPlanFromQuickConnect(fields));
  }

  /** Opens the doctor's dialog and runs it (or first asks for the password the plan lacks). */
  testConnection(plan: DoctorPlan): void {
    this.target = plan.target;
    this.dialogs.open({ kind: 'doctor', id: 'doctor' });
    const runId = this.newRunId();
    if (plan.kind === 'ask-password') {
      this.stores.doctor.set({ run: askPassword(runId, plan.label, plan.reason) });
      return;
    }
    void this.run(runId, plan.label, plan.target);
  }

  /** Runs the doctor with the password typed in its dialog (used for this test only). */
  testWithPassword(password: string): void {
    const run = this.stores.doctor.get().run;
    if (!this.target || !run) return;
    this.target = withPassword(this.target, password);
    void this.run(this.newRunId(), run.label, this.target);
  }

  /** "Run again". */
  rerun(): void {
    const run = this.stores.doctor.get().run;
    if (!this.target || !run) return;
    void this.run(this.newRunId(), run.label, this.target);
  }

  /** "Cancel" while the doctor runs: main closes the run's connections and answers the report so far. */
  async cancel(): Promise<void> {
    const run = this.stores.doctor.get().run;
    if (!run || run.phase !== 'running' || run.cancelling) return;
    this.stores.doctor.update((d) => (d.run ? { run: requestCancel(d.run, run.runId) } : d));
    const result = await wharf().doctorCancel({ runId: run.runId });
    if (!result.ok) this.notices.report(result.error, t('rendererWords.context.cancelTest'));
  }

  /** Closes the doctor's dialog; a run still going is cancelled, so it holds no connection nobody watches. */
  close(): void {
    const run = this.stores.doctor.get().run;
    if (run?.phase === 'running') void wharf().doctorCancel({ runId: run.runId });
    this.dialogs.close('doctor');
    this.stores.doctor.set(initialDoctor);
    this.target = null;
  }

  /** Copies the report as text; the password is never in it. */
  async copyReport(): Promise<void> {
    const report = this.stores.doctor.get().run?.report;
    if (!report) return;
    const secret = this.target && 'password' in this.target ? (this.target.password ?? '') : '';
    const text = doctorReportText(report, secret ? [secret] : [], this.stores.ui.get().app?.version);
    const result = await wharf().clipboardWriteText({ text });
    if (!result.ok) return this.notices.report(result.error, t('rendererWords.context.copyReport'));
    this.notices.notify('success', t('notices.reportCopied.title'), t('notices.reportCopied.message'));
  }

  private newRunId(): string {
    return `doctor-${Date.now().toString(36)}-${this.nextRun++}`;
  }

  private async run(runId: string, label: string, target: DoctorTarget): Promise<void> {
    this.stores.doctor.set({ run: startRun(runId, label) });
    const request = { ...target, runId } as DoctorRequest;
    const result = await wharf().doctorRun(request);
    this.stores.doctor.update((d) => {
      if (!d.run) return d;
      return { run: result.ok ? finishRun(d.run, runId, result.value) : failRun(d.run, runId, result.error) };
    });
  }
}
