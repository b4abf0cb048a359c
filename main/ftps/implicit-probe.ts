import * as tls from 'node:tls';

/**
 * How long a server may stay silent after the TCP connection before we check whether it waits for a TLS
 * handshake (implicit FTPS) instead of greeting; the doctor waits as long (its --greeting-timeout).
 */
export const IMPLICIT_CHECK_AFTER_MS = 5_000;

/**
 * True when a fresh connection to host:port completes a TLS handshake: the server speaks implicit FTPS
 * there, and an explicit-FTPS or plain client would wait its whole timeout for a greeting that never
 * comes. Nothing but a ClientHello is sent; the certificate is not judged (the real connection does that).
 */
export function speaksImplicitTls(host: string, port: number, options: tls.ConnectionOptions, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tls.connect({ ...options, host, port, rejectUnauthorized: false });
    const done = (answer: boolean) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    socket.once('secureConnect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('close', () => done(false));
  });
}
