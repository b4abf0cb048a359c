import * as tls from 'node:tls';

/**
 * How long a server may stay silent after the TCP connection before we check whether it waits for a TLS
 * handshake (implicit FTPS) instead of greeting. FTP servers greet at once; one slow to greet (reverse DNS)
 * costs only the check's second connection, which it answers in plain text.
 */
export const IMPLICIT_CHECK_AFTER_MS = 1_000;

/**
 * True when the first bytes a server sends are a TLS record (handshake, alert, change-cipher-spec or
 * application data, then major version 3) rather than an FTP greeting, which starts with a digit. The
 * socket may already decode to text: bytes below 0x80 are the same characters in UTF-8 and Latin-1.
 */
export function startsWithTlsRecord(chunk: Buffer | string): boolean {
  const at = (i: number) => (typeof chunk === 'string' ? chunk.charCodeAt(i) : chunk[i]);
  const type = at(0);
  return type !== undefined && type >= 0x14 && type <= 0x17 && at(1) === 0x03;
}

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
