import { t } from '../../common/i18n/t';
import type { DoctorDiagnosis, DoctorProblem, DoctorSeverity, DoctorStepId } from '../../common/models/doctor';
import { PROTOCOL_NAMES, type FtpsMode } from '../../common/models/site';
import { ALLOW_CLEAR_DATA_LABEL } from '../../common/models/site-profile';

/** What a diagnosis can refer to; each problem uses the fields it needs. Server text must already be showable. */
export interface ProblemContext {
  readonly host: string;
  readonly port: number;
  readonly mode: FtpsMode;
  /** The server's reply or the error, as one line. */
  readonly detail?: string;
  /** The address a PASV reply named. */
  readonly announced?: string;
  /** Passive ports the server named. */
  readonly ports?: readonly number[];
  /** Why a certificate is not trusted, in words (from the engine's explainVerificationError). */
  readonly reason?: string;
  /** The user accepted an untrusted certificate for this run. */
  readonly accepted?: boolean;
  /** Whether the passive connection was refused or timed out. */
  readonly blocked?: 'refused' | 'timeout';
  /** Whether an active-mode listing worked (tried only when passive failed). */
  readonly activeWorked?: boolean | null;
  /** Whether EPSV worked (for the PASV findings). */
  readonly epsvWorked?: boolean;
  /** For tls13-tickets: whether data connections failed (error) or only went without resumption (info). */
  readonly dataFailed?: boolean;
  /** For data-protection-refused: the server also refused an unencrypted data connection, with this reply. */
  readonly dataReply?: string;
  /** For data-protection-refused: the site allows unencrypted file data (else Wharf refuses the server). */
  readonly clearDataAllowed?: boolean;
  /** For not-ftp: what the port seems to speak. */
  readonly protocol?: 'SSH' | 'HTTP' | 'TLS' | 'unknown';
}

function portRange(ports: readonly number[] | undefined): string {
  const sorted = [...new Set(ports ?? [])].sort((a, b) => a - b);
  return t('doctor.passivePorts', { count: sorted.length, ports: sorted.join(', ') });
}

type Text = { severity: DoctorSeverity; title: string; explanation: string; fixes: string[] };

/** The words for one problem. Pure: the same context and language always give the same text. */
export function describeProblem(problem: DoctorProblem, c: ProblemContext): Text {
  const where = `${c.host}:${c.port}`;
  const port = String(c.port);
  const detail = c.detail ? ` (${c.detail})` : '';
  const explicitName = PROTOCOL_NAMES.explicit;
  const implicitName = PROTOCOL_NAMES.implicit;
  switch (problem) {
    case 'dns-failed':
      return {
        severity: 'error',
        title: t('doctor.dnsFailed.title'),
        explanation: t('doctor.dnsFailed.explanation', { host: c.host, lookup: c.detail || 'none' }),
        fixes: [t('doctor.dnsFailed.fix1'), t('doctor.dnsFailed.fix2'), t('doctor.dnsFailed.fix3')],
      };
    case 'connect-refused':
      return {
        severity: 'error',
        title: t('doctor.connectRefused.title', { port }),
        explanation: t('doctor.connectRefused.explanation', { host: c.host, port }),
        fixes: [
          c.mode === 'implicit' ? t('doctor.connectRefused.fixPortImplicit') : t('doctor.connectRefused.fixPort'),
          t('doctor.connectRefused.fixRunning'),
          t('doctor.connectRefused.fixFirewall', { port }),
        ],
      };
    case 'connect-timeout':
      return {
        severity: 'error',
        title: t('doctor.connectTimeout.title', { where }),
        explanation: t('doctor.connectTimeout.explanation', { where, detail }),
        fixes: [t('doctor.connectTimeout.fix1'), t('doctor.connectTimeout.fix2', { port }), t('doctor.connectTimeout.fix3')],
      };
    case 'not-ftp':
      return {
        severity: 'error',
        title: t('doctor.notFtp.title', { port }),
        explanation:
          c.protocol === 'SSH'
            ? t('doctor.notFtp.explanationSsh', { port })
            : c.protocol === 'HTTP'
              ? t('doctor.notFtp.explanationHttp', { port })
              : t('doctor.notFtp.explanation', { detail }),
        fixes: c.protocol === 'SSH' ? [t('doctor.notFtp.fixSshFtps'), t('doctor.notFtp.fixSshOnly')] : [t('doctor.notFtp.fixPort')],
      };
    case 'server-closed':
      return {
        severity: 'error',
        title: t('doctor.serverClosed.title'),
        explanation: t('doctor.serverClosed.explanation', { detail }),
        fixes: [t('doctor.serverClosed.fix1'), t('doctor.serverClosed.fix2')],
      };
    case 'implicit-server-explicit-settings':
      return {
        severity: 'error',
        title: t('doctor.implicitServer.title'),
        explanation: t('doctor.implicitServer.explanation', { detail }),
        fixes: [t('doctor.implicitServer.fix1', { implicitName, port }), t('doctor.implicitServer.fix2', { explicitName })],
      };
    case 'explicit-server-implicit-settings':
      return {
        severity: 'error',
        title: t('doctor.explicitServer.title'),
        explanation: t('doctor.explicitServer.explanation', { detail }),
        fixes: [t('doctor.explicitServer.fix1', { explicitName, port }), t('doctor.explicitServer.fix2')],
      };
    case 'no-tls':
      return {
        severity: 'error',
        title: t('doctor.noTls.title'),
        explanation: t('doctor.noTls.explanation', { detail }),
        fixes: [t('doctor.noTls.fix1'), t('doctor.noTls.fix2')],
      };
    case 'tls-handshake-failed':
      return {
        severity: 'error',
        title: t('doctor.handshake.title'),
        explanation: t('doctor.handshake.explanation', { detail }),
        fixes: [/version|protocol/i.test(c.detail ?? '') ? t('doctor.handshake.fixOldVersions') : t('doctor.handshake.fixConfig'), t('doctor.handshake.fixMinimum')],
      };
    case 'certificate-untrusted': {
      const reason = c.reason ?? t('doctor.untrusted.unverified');
      return {
        severity: c.accepted ? 'warning' : 'error',
        title: c.accepted ? t('doctor.untrusted.titleAccepted') : t('doctor.untrusted.title'),
        explanation: c.accepted ? t('doctor.untrusted.explanationAccepted', { reason }) : t('doctor.untrusted.explanation', { reason }),
        fixes: certificateFixes(c.reason ?? ''),
      };
    }
    case 'certificate-changed':
      return {
        severity: 'error',
        title: t('doctor.changed.title'),
        explanation: t('doctor.changed.explanation', { where, detail }),
        fixes: [t('doctor.changed.fix1'), t('doctor.changed.fix2')],
      };
    case 'too-many-connections':
      return {
        severity: 'error',
        title: t('doctor.tooMany.title'),
        explanation: t('doctor.tooMany.explanation', { detail }),
        fixes: [t('doctor.tooMany.fix1'), t('doctor.tooMany.fix2'), t('doctor.tooMany.fix3')],
      };
    case 'login-refused':
      return {
        severity: 'error',
        title: t('doctor.loginRefused.title'),
        explanation: t('doctor.loginRefused.explanation', { detail }),
        fixes: [t('doctor.loginRefused.fix1'), t('doctor.loginRefused.fix2')],
      };
    case 'tls-required':
      return {
        severity: 'error',
        title: t('doctor.tlsRequired.title'),
        explanation: t('doctor.tlsRequired.explanation', { detail }),
        fixes: [t('doctor.tlsRequired.fix', { explicitName })],
      };
    case 'plain-ftp':
      return {
        severity: 'warning',
        title: t('doctor.plain.title'),
        explanation: t('doctor.plain.explanation'),
        fixes: [t('doctor.plain.fix', { explicitName })],
      };
    case 'data-protection-refused':
      if (c.dataReply !== undefined) {
        return {
          severity: 'error',
          title: t('doctor.protNeither.title'),
          explanation: t('doctor.protNeither.explanation', { detail, dataReply: c.dataReply }),
          fixes: [t('doctor.fix.allowProtP'), t('doctor.protNeither.fix2')],
        };
      }
      if (c.clearDataAllowed !== true) {
        return {
          severity: 'error',
          title: t('doctor.protRefused.title'),
          explanation: t('doctor.protRefused.explanation', { detail }),
          fixes: [t('doctor.fix.allowProtP'), t('doctor.protRefused.fix2', { setting: ALLOW_CLEAR_DATA_LABEL })],
        };
      }
      return {
        severity: 'warning',
        title: t('doctor.protAllowed.title'),
        explanation: t('doctor.protAllowed.explanation', { detail }),
        fixes: [t('doctor.fix.allowProtP'), t('doctor.protAllowed.fix2', { setting: ALLOW_CLEAR_DATA_LABEL })],
      };
    case 'epsv-unsupported':
      return { severity: 'info', title: t('doctor.epsv.title'), explanation: t('doctor.epsv.explanation', { detail }), fixes: [] };
    case 'passive-blocked':
      return {
        severity: 'error',
        title: t('doctor.passiveBlocked.title'),
        explanation: t('doctor.passiveBlocked.explanation', { ports: portRange(c.ports), blocked: c.blocked ?? 'refused' }),
        fixes: [
          t('doctor.fix.serverPassiveSettings'),
          t('doctor.fix.serverExternalAddress'),
          t('doctor.passiveBlocked.fixAlg'),
          c.activeWorked === true ? t('doctor.passiveBlocked.fixActiveWorked') : t('doctor.passiveBlocked.fixTryActive'),
        ],
      };
    case 'pasv-private-address':
      return {
        severity: 'warning',
        title: t('doctor.pasvPrivate.title', { announced: c.announced ?? '?' }),
        explanation: t('doctor.pasvPrivate.explanation', { announced: c.announced ?? t('doctor.pasvPrivate.someAddress'), host: c.host, epsv: c.epsvWorked ? 'yes' : 'no' }),
        fixes: [t('doctor.fix.serverExternalAddress'), t('doctor.pasvPrivate.fixClients')],
      };
    case 'pasv-foreign-address':
      return {
        severity: c.epsvWorked ? 'warning' : 'error',
        title: t('doctor.pasvForeign.title', { announced: c.announced ?? '?' }),
        explanation: t('doctor.pasvForeign.explanation', { announced: c.announced ?? t('doctor.pasvForeign.someAddress'), host: c.host, epsv: c.epsvWorked ? 'yes' : 'no' }),
        fixes: [t('doctor.pasvForeign.fixAddress'), c.epsvWorked ? t('doctor.pasvForeign.fixKeepEpsv') : t('doctor.pasvForeign.fixEnableEpsv')],
      };
    case 'session-reuse-required':
      return {
        severity: 'info',
        title: t('doctor.reuseRequired.title'),
        explanation: t('doctor.reuseRequired.explanation', { detail }),
        fixes: [t('doctor.fix.nothingInWharf'), t('doctor.reuseRequired.fixOthers')],
      };
    case 'session-reuse-failed':
      return {
        severity: 'error',
        title: t('doctor.reuseFailed.title'),
        explanation: t('doctor.reuseFailed.explanation', { detail }),
        fixes: [t('doctor.reuseFailed.fix1'), t('doctor.reuseFailed.fix2')],
      };
    case 'tls13-tickets':
      if (c.dataFailed === false) {
        return {
          severity: 'info',
          title: t('doctor.tls13NotResumed.title'),
          explanation: t('doctor.tls13NotResumed.explanation', { detail }),
          fixes: [t('doctor.tls13NotResumed.fix1'), t('doctor.fix.nothingInWharf')],
        };
      }
      return {
        severity: 'error',
        title: t('doctor.tls13Tickets.title'),
        explanation: t('doctor.tls13Tickets.explanation', { detail }),
        fixes: [t('doctor.tls13Tickets.fix1'), t('doctor.tls13Tickets.fix2')],
      };
    case 'tls13-single-use-tickets':
      return {
        severity: 'info',
        title: t('doctor.singleUse.title'),
        explanation: t('doctor.singleUse.explanation', { detail }),
        fixes: [t('doctor.fix.nothingInWharf'), t('doctor.singleUse.fix2')],
      };
    case 'tls13-unsupported':
      return { severity: 'info', title: t('doctor.noTls13.title'), explanation: t('doctor.noTls13.explanation', { detail }), fixes: [t('doctor.noTls13.fix')] };
    case 'tls12-unsupported':
      return { severity: 'info', title: t('doctor.noTls12.title'), explanation: t('doctor.noTls12.explanation', { detail }), fixes: [] };
    case 'listing-failed':
      return {
        severity: 'error',
        title: t('doctor.listingFailed.title'),
        explanation: t('doctor.listingFailed.explanation', { detail }),
        fixes: [t('doctor.listingFailed.fix1'), t('doctor.fix.askAdmin')],
      };
    case 'active-works':
      return { severity: 'info', title: t('doctor.activeWorks.title'), explanation: t('doctor.activeWorks.explanation'), fixes: [t('doctor.activeWorks.fix')] };
    case 'timeout':
      return { severity: 'error', title: t('doctor.timeout.title'), explanation: t('doctor.timeout.explanation', { detail }), fixes: [t('doctor.timeout.fix')] };
    case 'proxy-failed':
      return {
        severity: 'error',
        title: t('doctor.proxy.title'),
        explanation: c.detail ?? t('doctor.proxy.failed'),
        fixes: [t('doctor.proxy.fix1'), t('doctor.proxy.fix2', { where })],
      };
    case 'client-certificate-required':
      return {
        severity: 'error',
        title: t('doctor.clientCertRequired.title'),
        explanation: t('doctor.clientCertRequired.explanation', { detail }),
        fixes: [t('doctor.clientCertRequired.fix')],
      };
    case 'client-certificate-refused':
      return {
        severity: 'error',
        title: t('doctor.clientCertRefused.title'),
        explanation: t('doctor.clientCertRefused.explanation', { detail }),
        fixes: [t('doctor.clientCertRefused.fix1'), t('doctor.clientCertRefused.fix2')],
      };
    case 'unexpected':
      return { severity: 'error', title: t('doctor.unexpected.title'), explanation: t('doctor.unexpected.explanation', { detail }), fixes: [t('doctor.unexpected.fix')] };
  }
}

function certificateFixes(reason: string): string[] {
  if (/expired|not valid before/i.test(reason)) return [t('doctor.untrusted.fixRenew'), t('doctor.untrusted.fixClock')];
  if (/is for .*, not for/i.test(reason)) return [t('doctor.untrusted.fixHostName'), t('doctor.untrusted.fixAskForHost')];
  // Words for the window and the terminal alike: the GUI names no command-line flags (the CLI's --help lists --ca).
  if (/self-signed|authority this computer does not trust/i.test(reason)) return [t('doctor.untrusted.fixOwnCa'), t('doctor.untrusted.fixCompare')];
  return [t('doctor.untrusted.fixWhich')];
}

/** A full diagnosis for the report. */
export function diagnosis(problem: DoctorProblem, stepId: DoctorStepId, context: ProblemContext): DoctorDiagnosis {
  const text = describeProblem(problem, context);
  return { problem, stepId, ...text };
}
