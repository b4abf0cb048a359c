/** TLS 1.3 and TLS 1.2 each on their own connection, and what comparing them says about TLS 1.3 tickets. */
import type { TLSSocket } from 'node:tls';
import { t } from '../../../common/i18n/t';
import type { DoctorTlsVersionResult } from '../../../common/models/doctor';
import { describePeerCertificate } from '../../ftps/certificate';
import { diagnosis } from '../diagnoses';
import { ControlConnection, asProbeError, plainNumber, replyLine, showable } from '../ftp-probe';
import { TLS_VERSION_ORDER, type DoctorRun, type Mutable } from '../run';
import { listOnce, succeeded } from './data-connections';

export async function versionProbe(run: DoctorRun, version: 'TLSv1.3' | 'TLSv1.2'): Promise<void> {
  const id = version === 'TLSv1.3' ? 'tls13' : 'tls12';
  if (run.acceptedFingerprint === null) {
    run.skip(id, t('doctorSteps.tlsVersion.notReached'));
    return;
  }
  const result: Mutable<DoctorTlsVersionResult> = { version, supported: false, cipher: null, listingWorked: null, dataSessionReused: null, handshakeMs: null, listingMs: null };
  const label = version === 'TLSv1.3' ? 'TLS 1.3' : 'TLS 1.2';
  const log = (line: string) => run.log(`[${label}] ${line}`);
  await run.step(id, async (s) => {
    const raw = await run.openTcp(run.address, run.target.port, run.timeoutMs, null);
    const control = new ControlConnection(raw, run.charset, log, run.tracker);
    try {
      if (run.target.mode === 'explicit') {
        const greeting = await control.nextReply(run.timeoutMs);
        if (greeting.code !== 220) {
          s.status = 'warning';
          s.summary = t('doctorSteps.tlsVersion.turnedAway', { reply: replyLine(greeting) });
          return;
        }
        const auth = await control.command('AUTH TLS', run.timeoutMs);
        if (auth.code !== 234) {
          s.status = 'warning';
          s.summary = t('doctorSteps.tlsVersion.authTls', { reply: replyLine(auth) });
          return;
        }
      }
      let socket: TLSSocket;
      try {
        const upgraded = await control.upgradeToTls(run.tlsSettings(version), run.timeoutMs);
        socket = upgraded.socket;
        result.handshakeMs = Math.round(upgraded.ms * 10) / 10;
      } catch (err) {
        const error = asProbeError(err);
        s.details.push(showable(error.message));
        if (error.code === 'ETIMEDOUT') throw error;
        s.status = version === 'TLSv1.3' ? 'warning' : 'ok';
        s.summary = t('doctorSteps.tlsVersion.notOffered', { reason: showable(error.message, 120) });
        run.diagnose(version === 'TLSv1.3' ? 'tls13-unsupported' : 'tls12-unsupported', id, { detail: showable(error.message, 120) });
        return;
      }
      result.supported = true;
      result.cipher = socket.getCipher()?.standardName ?? null;
      const presented = describePeerCertificate(socket)?.fingerprintSha256 ?? '';
      if (presented !== run.acceptedFingerprint) {
        s.status = 'failed';
        s.summary = t('doctorSteps.tlsVersion.otherCertificate');
        run.diagnose('certificate-changed', id, { detail: t('doctorSteps.tlsVersion.expectedPresented', { expected: String(run.acceptedFingerprint), presented }) });
        return;
      }
      if (TLS_VERSION_ORDER.indexOf(version) < TLS_VERSION_ORDER.indexOf(run.target.minTlsVersion)) {
        // Below the site's minimum: the user name and password never travel over it, not even for a
        // test. That the server offers it is all this probe learns.
        const minimum = run.target.minTlsVersion.replace('TLSv', 'TLS ');
        s.summary = t('doctorSteps.tlsVersion.belowMinimum', { label, cipher: String(result.cipher), minimum });
        return;
      }
      if (run.target.mode === 'implicit') {
        const greeting = await control.nextReply(run.timeoutMs);
        if (greeting.code !== 220) {
          s.status = 'warning';
          s.summary = t('doctorSteps.tlsVersion.turnedAwayAfter', { label, cipher: String(result.cipher), reply: replyLine(greeting) });
          return;
        }
      }
      let reply = await control.command(`USER ${run.target.user || 'anonymous'}`, run.timeoutMs);
      if (reply.code === 331 || reply.code === 332) reply = await control.command(`PASS ${run.options.password}`, run.timeoutMs, 'PASS ********');
      if (reply.code !== 230 && reply.code !== 202) {
        s.status = 'warning';
        s.summary = t('doctorSteps.tlsVersion.loginRefused', { label, cipher: String(result.cipher), reply: replyLine(reply) });
        return;
      }
      await control.command('PBSZ 0', run.timeoutMs);
      await control.command('PROT P', run.timeoutMs);
      if (run.options.remoteDir) await control.command(`CWD ${run.options.remoteDir}`, run.timeoutMs);
      const method = run.comparisonMethod;
      if (method !== null) {
        const outcome = await listOnce(run, control, method, 'latest', version);
        result.listingMs = Math.round(outcome.ms * 10) / 10;
        result.listingWorked = succeeded(outcome);
        result.dataSessionReused = outcome.data.sessionReused;
        if (!result.listingWorked) {
          s.status = 'failed';
          s.summary = t('doctorSteps.tlsVersion.listingFailed', { label, cipher: String(result.cipher), reply: outcome.final ? replyLine(outcome.final) : t('doctorSteps.noAnswer') });
          s.details.push(t('doctorSteps.tlsVersion.dataSession', { resumed: outcome.data.sessionReused ? 'yes' : 'no' }));
          return;
        }
      }
      const handshake = plainNumber(Math.round(result.handshakeMs ?? 0));
      s.summary =
        result.listingMs === null
          ? t('doctorSteps.tlsVersion.handshakeOnly', { cipher: String(result.cipher), handshake })
          : t('doctorSteps.tlsVersion.withListing', {
              cipher: String(result.cipher),
              handshake,
              listing: plainNumber(Math.round(result.listingMs)),
              session: result.dataSessionReused === null ? 'unencrypted' : result.dataSessionReused ? 'resumed' : 'notResumed',
            });
    } finally {
      await control.quit(Math.min(run.timeoutMs, 3000)).catch(() => undefined);
      run.facts.tlsVersions = [...run.facts.tlsVersions, result];
    }
  });
}

/**
 * TLS 1.3 against TLS 1.2: a reuse failure on a TLS 1.3 main connection that TLS 1.2 does not have is a
 * TLS 1.3 ticket problem; so, more mildly, is a TLS 1.3 data connection that is not resumed where TLS 1.2 is.
 */
export function refineTls13(run: DoctorRun): void {
  const v13 = run.facts.tlsVersions.find((v) => v.version === 'TLSv1.3');
  const v12 = run.facts.tlsVersions.find((v) => v.version === 'TLSv1.2');
  const index = run.diagnoses.findIndex((d) => d.problem === 'session-reuse-failed');
  if (index >= 0 && run.facts.tlsVersion === 'TLSv1.3' && v12?.listingWorked === true) {
    run.diagnoses.splice(index, 1, diagnosis('tls13-tickets', 'tls13', run.context({ dataFailed: true, ...(run.reuseRefusal === null ? {} : { detail: run.reuseRefusal }) })));
    return;
  }
  if (v13?.listingWorked === true && v13.dataSessionReused === false && v12?.dataSessionReused === true && run.dataProtected) {
    run.diagnose('tls13-tickets', 'tls13', { dataFailed: false });
  }
}
