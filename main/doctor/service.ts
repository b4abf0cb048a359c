import { t } from '../../common/i18n/t';
import { DOCTOR_STEP_IDS, type DoctorReport, type DoctorRequest, type DoctorStep, type DoctorStepEvent, type DoctorStepId } from '../../common/models/doctor';
import type { ConnectionTarget } from '../../common/models/site';
import type { SiteProfile } from '../../common/models/site-profile';
import { WharfError } from '../core/errors';
import type { CertificateQuestion, TrustDecision, TrustStoreLike } from '../ftps/session';
import type { ConnectivitySources, SiteConnectivity } from '../sites/site-connectivity';
import { connectionForSite, connectionForUrl } from '../connections/connection-rule';
import type { SessionConnection } from '../connections/session-connection';
import { runDoctor, type DoctorOptions } from './doctor';

/** What the doctor service needs of the app: the site store, pins, a way to ask, and where steps go. */
export interface DoctorServiceDeps {
  readonly sites: {
    get(id: string): Promise<SiteProfile>;
    getPassword(id: string): Promise<string | null>;
  };
  readonly trustStore?: TrustStoreLike;
  /** Asks the user about an untrusted certificate (the app's QuestionBroker); default: reject, stop before login. */
  readonly decideTrust?: (question: CertificateQuestion) => Promise<TrustDecision>;
  /** Each step as it starts and ends, for the `doctorStep` event. */
  readonly onStep?: (event: DoctorStepEvent) => void;
  /** default: runDoctor (tests may pass other timeouts through `options`) */
  readonly options?: Partial<Pick<DoctorOptions, 'timeoutMs' | 'greetingTimeoutMs' | 'dataTimeoutMs'>>;
  /** Client certificates and proxies (#18): a saved site's, or the app-wide proxy for typed fields. */
  readonly connectivity?: ConnectivitySources;
}

/**
 * "Test connection" for the site manager: runs the doctor against a saved site (password from the keychain
 * unless given) or the fields of a site being edited. Resolves with the report; a server that fails is a
 * report with verdict `failed`, not an error. Errors are only for requests that cannot run (unknown site,
 * no password). A run started with a runId can be cancelled by it (`cancel`).
 */
export class DoctorService {
  /** Runs that can still be cancelled, by the renderer's runId. */
  private readonly running = new Map<string, AbortController>();

  constructor(private readonly deps: DoctorServiceDeps) {}

  async run(request: DoctorRequest): Promise<DoctorReport> {
    const runId = request.runId;
    const controller = new AbortController();
    if (runId !== undefined) {
      // Two runs under one id could not be told apart by their step events or cancelled separately.
      if (this.running.has(runId)) throw new WharfError('invalid-input', t('transfers.doctorRunDuplicate'), { detail: { reason: 'duplicate-run', runId } });
      this.running.set(runId, controller);
    }
    try {
      const { target, password, allowPlain, remoteDir, reach } = await this.resolve(request);
      // Cancelled while the site and its password were looked up: nothing was tried, so there is no report.
      if (controller.signal.aborted) throw new WharfError('cancelled', t('transfers.doctorCancelledEarly'));
      const progress = new StepTracker(controller.signal);
      const report = await runDoctor({
        target,
        password,
        allowPlain,
        ...reach,
        ...(remoteDir ? { remoteDir } : {}),
        ...(this.deps.trustStore ? { trustStore: this.deps.trustStore } : {}),
        ...(this.deps.decideTrust ? { decideTrust: this.deps.decideTrust } : {}),
        onStep: (step) => {
          progress.see(step);
          if (runId !== undefined) this.deps.onStep?.({ runId, step });
        },
        signal: controller.signal,
        ...this.deps.options,
      });
      const cancelledAt = progress.cancelledAt;
      return cancelledAt === null ? report : { ...report, cancelledAt };
    } finally {
      if (runId !== undefined && this.running.get(runId) === controller) this.running.delete(runId);
    }
  }

  /**
   * Cancels the run started with this runId: the doctor closes its connections and `run` resolves with the
   * report so far. An unknown id (the run ended a moment ago) is not an error: there is nothing left to stop.
   */
  cancel(runId: string): void {
    this.running.get(runId)?.abort();
  }

  private async resolve(request: DoctorRequest): Promise<{ target: ConnectionTarget; password: string; allowPlain: boolean; remoteDir: string; reach: SiteConnectivity }> {
    const { connectivity } = this.deps;
    if (request.kind === 'site') {
      const site = await this.deps.sites.get(request.siteId);
      const { options } = await connectionForSite(site, { typed: request.password, getPassword: (id) => this.deps.sites.getPassword(id), connectivity });
      return { ...reachOf(options), target: options.target, password: options.password, allowPlain: options.allowPlain === true, remoteDir: site.remoteDir };
    }
    const { options } = await connectionForUrl(
      { ...request, dataMode: 'passive', allowClearData: request.allowClearData === true },
      { siteKey: 'doctor', typed: request.password, connectivity },
    );
    return { ...reachOf(options), target: options.target, password: options.password, allowPlain: options.allowPlain === true, remoteDir: request.remoteDir ?? '' };
  }
}

/** The client certificate and proxy of a connection, as the doctor takes them. */
function reachOf(options: SessionConnection['options']): { reach: SiteConnectivity } {
  return { reach: { proxy: options.proxy ?? null, ...(options.clientCertificate ? { clientCertificate: options.clientCertificate } : {}) } };
}

/** Which step a run was at when it was cancelled, from the steps as they start and end. */
class StepTracker {
  private current: DoctorStepId | null = null;
  private atAbort: DoctorStepId | null = null;
  private readonly reached = new Set<DoctorStepId>();

  constructor(private readonly signal: AbortSignal) {
    // Registered before the doctor's own listener, so the step is read before the abort ends it.
    signal.addEventListener('abort', () => {
      this.atAbort = this.current ?? DOCTOR_STEP_IDS.find((id) => !this.reached.has(id)) ?? null;
    }, { once: true });
  }

  see(step: DoctorStep): void {
    this.reached.add(step.id);
    if (step.status === 'running') this.current = step.id;
    else if (step.id === this.current) this.current = null;
  }

  /**
   * The step that was running when the run was cancelled or, when the cancel fell between two steps, the
   * first one not reached; null when the run was not cancelled or had already reached every step.
   */
  get cancelledAt(): DoctorStepId | null {
    return this.signal.aborted ? this.atAbort : null;
  }
}
