import type { DoctorReport, DoctorRequest, DoctorStepEvent } from '../../common/models/doctor';
import { defaultPortFor, type ConnectionTarget } from '../../common/models/site';
import { toConnectionTarget, type SiteProfile } from '../../common/models/site-profile';
import { WharfError } from '../ftps/errors';
import type { CertificateQuestion, TrustDecision, TrustStoreLike } from '../ftps/session';
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
}

/**
 * "Test connection" for the site manager: runs the doctor against a saved site (password from the keychain
 * unless given) or the fields of a site being edited. Resolves with the report; a server that fails is a
 * report with verdict `failed`, not an error. Errors are only for requests that cannot run (unknown site,
 * no password).
 */
export class DoctorService {
  constructor(private readonly deps: DoctorServiceDeps) {}

  async run(request: DoctorRequest): Promise<DoctorReport> {
    const { target, password, allowPlain, remoteDir } = await this.resolve(request);
    const runId = request.runId;
    return runDoctor({
      target,
      password,
      allowPlain,
      ...(remoteDir ? { remoteDir } : {}),
      ...(this.deps.trustStore ? { trustStore: this.deps.trustStore } : {}),
      ...(this.deps.decideTrust ? { decideTrust: this.deps.decideTrust } : {}),
      ...(runId && this.deps.onStep ? { onStep: (step) => this.deps.onStep?.({ runId, step }) } : {}),
      ...this.deps.options,
    });
  }

  private async resolve(request: DoctorRequest): Promise<{ target: ConnectionTarget; password: string; allowPlain: boolean; remoteDir: string }> {
    if (request.kind === 'site') {
      const site = await this.deps.sites.get(request.siteId);
      let password = request.password ?? null;
      if (password === null && site.passwordStorage === 'keychain') password = await this.deps.sites.getPassword(site.id);
      if (password === null) {
        if (site.user !== '' && site.user.toLowerCase() !== 'anonymous') {
          throw new WharfError('invalid-input', `Enter the password for ${site.name}: it is not saved.`, { detail: { reason: 'password-required', siteId: site.id } });
        }
        password = '';
      }
      return { target: toConnectionTarget(site), password, allowPlain: site.protocol === 'plain', remoteDir: site.remoteDir };
    }
    const mode = request.mode ?? 'explicit';
    return {
      target: {
        host: request.host,
        port: request.port ?? defaultPortFor(mode),
        mode,
        user: request.user,
        dataMode: 'passive',
        minTlsVersion: request.minTlsVersion ?? 'TLSv1.2',
        timezoneOffsetMinutes: 0,
        encoding: 'utf8',
      },
      password: request.password,
      allowPlain: request.allowPlain === true,
      remoteDir: request.remoteDir ?? '',
    };
  }
}
