/** The certificate step: pinned, CA-valid, or asked about; nothing is sent after a refusal. */
import type { TLSSocket } from 'node:tls';
import { t } from '../../../common/i18n/t';
import type { CertificateInfo, CertificateTrust } from '../../../common/models/security';
import { describePeerCertificate, explainVerificationError, normalizeFingerprint } from '../../ftps/certificate';
import { ControlConnection } from '../ftp-probe';
import { type DoctorRun, type StepHandle } from '../run';

export async function certificateStep(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  let trusted = false;
  await run.step('certificate', async (s) => {
    const socket = control.activeSocket as TLSSocket;
    const certificate = describePeerCertificate(socket);
    if (certificate === null) {
      s.status = 'failed';
      s.summary = t('doctorSteps.certificate.none');
      run.diagnose('tls-handshake-failed', 'certificate', { detail: t('doctorSteps.certificate.noneDetail') });
      return;
    }
    run.facts.certificate = certificate;
    s.details.push(...certificateLines(certificate));
    const { host, port } = run.target;
    const presented = certificate.fingerprintSha256;
    const pinned = run.options.pinnedFingerprint
      ? normalizeFingerprint(run.options.pinnedFingerprint)
      : ((await run.options.trustStore?.get(host, port).catch(() => null))?.fingerprintSha256 ?? null);
    if (pinned !== null) {
      if (normalizeFingerprint(pinned) !== presented) {
        s.status = 'failed';
        s.summary = t('doctorSteps.certificate.differsFromPinned');
        run.diagnose('certificate-changed', 'certificate', { detail: t('doctorSteps.certificate.pinnedPresented', { pinned: normalizeFingerprint(pinned), presented }) });
        setTrust(run, 'untrusted');
        return;
      }
      trusted = accept(run, 'pinned', presented, s, t('doctorSteps.certificate.matchesPinned'));
      return;
    }
    if (socket.authorized) {
      trusted = accept(run, 'ca-valid', presented, s, t('doctorSteps.certificate.caValid', { issuer: certificate.issuer, host, date: certificate.validTo.slice(0, 10) }));
      return;
    }
    const reason = explainVerificationError(certificate, host);
    s.details.push(t('doctorSteps.certificate.notVerified', { reason }));
    if (run.options.insecure) {
      trusted = accept(run, 'accepted-once', presented, s, t('doctorSteps.certificate.acceptedInsecure', { reason }));
      s.status = 'warning';
      run.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
      return;
    }
    const decision = run.options.decideTrust ? await run.options.decideTrust({ host, port, certificate, reason }) : 'reject';
    if (decision === 'reject') {
      s.status = 'failed';
      s.summary = t('doctorSteps.certificate.rejected', { reason });
      setTrust(run, 'untrusted');
      run.diagnose('certificate-untrusted', 'certificate', { reason });
      return;
    }
    if (decision === 'always') {
      await run.options.trustStore?.pin({ host, port, fingerprintSha256: presented, subject: certificate.subject });
      trusted = accept(run, 'pinned', presented, s, t('doctorSteps.certificate.alwaysTrusted', { reason }));
      return;
    }
    trusted = accept(run, 'accepted-once', presented, s, t('doctorSteps.certificate.acceptedOnce', { reason }));
    s.status = 'warning';
    run.diagnose('certificate-untrusted', 'certificate', { reason, accepted: true });
  });
  return trusted;
}

function setTrust(run: DoctorRun, trust: CertificateTrust): void {
  run.facts.certificateTrust = trust;
}

function accept(run: DoctorRun, trust: CertificateTrust, fingerprint: string, s: StepHandle, summary: string): boolean {
  run.acceptedFingerprint = fingerprint;
  setTrust(run, trust);
  s.summary = summary;
  return true;
}

function certificateLines(c: CertificateInfo): string[] {
  return [
    t('doctorSteps.certificate.subject', { subject: c.subject }),
    t('doctorSteps.certificate.issuer', { issuer: c.issuer }),
    t('doctorSteps.certificate.validity', { from: c.validFrom, to: c.validTo }),
    t('doctorSteps.certificate.names', { names: c.subjectAltNames.join(', ') || t('doctorSteps.certificate.noNames') }),
    `SHA-256: ${c.fingerprintSha256}`,
  ];
}
