/*
 * TLS on a data connection: resuming the control connection's session, checking the certificate where it did not
 * resume, and the end of the connection held until the handshake (and through a proxy the session ticket) is done.
 */
import { connect as tlsConnect, type TLSSocket } from 'node:tls';
import type { Duplex } from 'node:stream';
import type { FTPContext } from 'basic-ftp';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import type { DataConnectionContext } from './data-connection';
import { readDirect } from './direct-read';

/**
 * Wraps a data connection in TLS, resuming the control connection's session (vsftpd's
 * require_ssl_reuse and proftpd refuse a new one: "522 SSL connection failed: session reuse required").
 * A data connection that did not resume must present the certificate accepted on the control connection.
 */
export function secureDataSocket(ftp: FTPContext, context: DataConnectionContext, socket: Duplex): TLSSocket {
  const control = ftp.socket as TLSSocket;
  const tlsSocket = tlsConnect({
    ...context.tlsOptions(),
    socket,
    rejectUnauthorized: false,
    session: ftp.tlsSessionStore ?? control.getSession(),
  });
  // A download's bytes, decrypted, go straight to its destination (see DirectReadSink), set before any can arrive.
  const sink = context.directReadSink?.() ?? null;
  if (sink) readDirect(tlsSocket, sink);
  // TLS 1.3 tickets are single-use: keep the newest for the next data connection.
  tlsSocket.on('session', (session: Buffer) => {
    ftp.tlsSessionStore = session;
  });
  tlsSocket.once('secureConnect', () => {
    const reused = tlsSocket.isSessionReused();
    const accepted = context.acceptedFingerprint();
    if (!reused && accepted !== null) {
      const presented = tlsSocket.getPeerCertificate().fingerprint256;
      if (presented !== accepted) {
        tlsSocket.destroy(
          new WharfError('tls-changed', t('errors.dataCertificateDiffers'), {
            detail: { expected: accepted, presented: presented ?? '' },
          }),
        );
        return;
      }
    }
    context.onDataTlsEstablished(reused, tlsSocket.getProtocol());
  });
  endAfterHandshake(tlsSocket, context.viaProxy !== undefined);
  return tlsSocket;
}

/**
 * Holds back the end of a protected data connection until its TLS handshake is done and written out.
 * Ended mid-handshake, Node's TLSSocket sends a bare TCP FIN (OpenSSL refuses SSL_shutdown during a
 * handshake, so no close_notify) and the server's SSL_accept fails: "unexpected eof while reading", alert
 * decode_error; vsftpd then writes "500 OOPS" in clear on the control connection. An empty upload ends that
 * early: basic-ftp waits for 'secureConnect' only while getCipher() is undefined, but a socket offering a
 * session to resume reports that session's cipher before the handshake; in active mode nothing waits at all.
 * Ending in the same event-loop turn as 'secureConnect' is no better: Node marks the write of our last
 * handshake flight as done only in an immediate, and a shutdown before that drops the close_notify.
 *
 * Through a proxy, a TLS 1.3 connection also waits for the server's session ticket (bounded by a few handshake
 * times, for servers that send none). The server sends it after reading our Finished, so it can reach the proxy
 * after our upload's end. tinyproxy 1.11 closes both sides of the tunnel as soon as we half-close; bytes that
 * then arrive from the server make the proxy's kernel reset the server's side, dropping what the proxy had not
 * yet delivered: vsftpd saw the upload cut ("426 Failure reading network stream") in 3-7% of 1 MiB uploads,
 * with every byte sent (seen with tcpdump inside the proxy's namespace). Once the ticket has passed the proxy
 * nothing more comes from the server until it reads our close_notify.
 */
function endAfterHandshake(socket: TLSSocket, waitForTicket: boolean): void {
  let ready = false;
  let pendingFinal: (() => void) | null = null;
  const release = () => {
    if (ready) return;
    ready = true;
    pendingFinal?.();
  };
  const startedAt = performance.now();
  const ticket = waitForTicket ? new Promise<void>((resolve) => socket.once('session', () => resolve())) : null;
  socket.once('secureConnect', () => {
    setImmediate(() => {
      if (!ticket || socket.getProtocol() !== 'TLSv1.3') {
        release();
        return;
      }
      const handshakeMs = performance.now() - startedAt;
      const timer = setTimeout(release, Math.min(TICKET_WAIT_CAP_MS, TICKET_WAIT_FLOOR_MS + 3 * handshakeMs));
      timer.unref();
      void ticket.then(() => {
        clearTimeout(timer);
        // The other tickets of the same flight arrive in the same read.
        setImmediate(release);
      });
    });
  });
  const final = socket._final.bind(socket);
  socket._final = (callback) => {
    if (ready || socket.destroyed) final(callback);
    else pendingFinal = () => final(callback);
  };
}

/** How long an upload's end waits, at least and at most, for a TLS 1.3 session ticket when going through a proxy. */
const TICKET_WAIT_FLOOR_MS = 50;
const TICKET_WAIT_CAP_MS = 2000;
