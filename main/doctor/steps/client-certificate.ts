/** The client-certificate step: whether the server asks for one, and whether it accepts what it got. */
import type { TLSSocket } from 'node:tls';
import { t } from '../../../common/i18n/t';
import { ControlConnection, asProbeError, replyLine, showable } from '../ftp-probe';
import { type DoctorRun } from '../run';

/**
 * Whether the server asked for a client certificate (OpenSSL fills the shared signature algorithms on the
 * client only from a CertificateRequest) and, when it did, whether it accepts the connection: a server that
 * requires one lets the TLS 1.3 handshake finish and then sends an alert, which a NOOP brings out.
 */
export async function clientCertificateStep(run: DoctorRun, control: ControlConnection): Promise<boolean> {
  const subject = run.options.clientCertificate?.subject ?? null;
  let usable = true;
  await run.step('client-certificate', async (s) => {
    const socket = control.activeSocket as TLSSocket;
    const requested = socket.getSharedSigalgs().length > 0;
    if (!requested) {
      s.summary = subject ? t('doctorSteps.clientCertificate.notRequestedWith', { subject }) : t('doctorSteps.clientCertificate.notRequested');
      return;
    }
    try {
      const reply = await control.command('NOOP', run.timeoutMs);
      s.details.push(`NOOP: ${replyLine(reply)}`);
    } catch (err) {
      const message = showable(asProbeError(err).message);
      usable = false;
      s.status = 'failed';
      if (subject) {
        s.summary = t('doctorSteps.clientCertificate.refused', { subject, reason: message });
        run.diagnose('client-certificate-refused', 'client-certificate', { detail: message });
      } else {
        s.summary = t('doctorSteps.clientCertificate.requiredMissing', { reason: message });
        run.diagnose('client-certificate-required', 'client-certificate', { detail: message });
      }
      return;
    }
    s.summary = subject ? t('doctorSteps.clientCertificate.accepted', { subject }) : t('doctorSteps.clientCertificate.optional');
  });
  return usable;
}
