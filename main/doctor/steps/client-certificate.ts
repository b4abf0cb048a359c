/** The client-certificate step: whether the server asks for one, and whether it accepts what it got. */
import type { TLSSocket } from 'node:tls';
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
      s.summary = subject ? `${subject}, not requested: the server did not ask for one.` : 'Not requested: the server does not ask for a client certificate.';
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
        s.summary = `${subject}, sent: the server refused it (${message}).`;
        run.diagnose('client-certificate-refused', 'client-certificate', { detail: message });
      } else {
        s.summary = `Requested and required: this site has no client certificate, and the server refused the connection (${message}).`;
        run.diagnose('client-certificate-required', 'client-certificate', { detail: message });
      }
      return;
    }
    s.summary = subject ? `${subject}, sent: the server accepted it.` : 'Requested, none sent: the server accepts connections without one.';
  });
  return usable;
}
