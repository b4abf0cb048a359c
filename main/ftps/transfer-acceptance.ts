/*
 * A data connection and the server's answer to its transfer command: when a protected data connection starts its
 * TLS handshake, and what happens to an error of the data connection that comes before that answer.
 */
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import type { FTPContext } from 'basic-ftp';
import type { DataConnectionContext } from './data-connection';
import { secureDataSocket } from './data-tls';

/**
 * What waits for the server to accept a transfer command, one prepared data connection at a time (the next
 * prepare replaces an unused one): the TLS start of a protected data connection, and an error of the data
 * connection that came before the server's answer.
 */
export class TransferAcceptance {
  private start: (() => void) | null = null;
  private answered = false;
  private heldError: (() => void) | null = null;

  /** A new data connection: nothing answered, nothing held. */
  clear(): void {
    this.start = null;
    this.answered = false;
    this.heldError = null;
  }

  set(start: () => void): void {
    this.start = start;
  }

  /**
   * Reports a data-connection error now if the server already accepted the transfer command, else once it does.
   * Refused (4xx/5xx), the transfer fails with the server's reply instead, and basic-ftp drops the data
   * connection with its listeners: the held report is never made.
   */
  reportError(report: () => void): void {
    if (this.answered) report();
    else this.heldError ??= report;
  }

  /** The server accepted the transfer command: a held error ends the transfer, else TLS may start. */
  run(): void {
    this.answered = true;
    const start = this.start;
    const heldError = this.heldError;
    this.start = null;
    this.heldError = null;
    if (heldError) heldError();
    else start?.();
  }
}

/**
 * When a protected data connection starts TLS. `accepted`: once the server accepts the transfer command (its 1xx),
 * for a data connection opened before the command was sent or in another write than its EPSV: a server may reset
 * a data connection that speaks before its command arrived (pyftpdlib does: "ECONNRESET"); FileZilla, lftp and
 * Python's ftplib wait the same way. `connected`: as soon as the TCP connection is made, for one whose transfer
 * command went in the same TLS record as its EPSV: the server read the command with the EPSV, before it could name
 * the port, so it had the command before the connection could exist. That saves the wait for the 1xx, a round
 * trip per transfer on a real link (the server sends it only once the connection is made).
 */
export type TlsStart = 'accepted' | 'connected';

/**
 * Hands a data socket (connected, or still connecting when the transfer command is already on its way) to basic-ftp;
 * when data is protected, TLS starts over it as `tlsStart` says. Its errors wait for the server's answer either way.
 */
export function attachDataSocket(ftp: FTPContext, context: DataConnectionContext, acceptance: TransferAcceptance, raw: Socket, tlsStart: TlsStart): void {
  // No Nagle: an upload's last partial segment and its close_notify would each wait for the acknowledgement of what
  // went before (the TLS Finished, the data), a round trip each on a real link, and the server's 226 with them.
  raw.setNoDelay(true);
  holdErrorsUntilAccepted(raw, acceptance, () => {
    ftp.dataSocket = raw;
  });
  if (!context.isDataProtected()) return;
  const start = () => {
    if (ftp.dataSocket !== raw) return; // closed or replaced meanwhile
    const secured = secureDataSocket(ftp, context, raw);
    holdErrorsUntilAccepted(secured, acceptance, () => replaceDataSocket(ftp, secured));
  };
  // Now, also over a socket still connecting: its TLS socket sends the hello once it is connected, and is the data
  // socket before the server's 150 can arrive (on loopback that can come before our side sees the connection made).
  if (tlsStart === 'accepted') acceptance.set(start);
  else start();
}

const DATA_SOCKET_FAILURES = ['error', 'close'] as const;

/**
 * Routes the failure listeners basic-ftp puts on a data socket (`attach`) through `acceptance`: a data-connection
 * error before the server answered the transfer command waits for that answer. proftpd refuses a RETR or STOR it
 * may not serve (550 Permission denied) and resets the passive connection it had accepted, often before its
 * reply arrives; reported at once, the reset ended the session as "connection lost", the queue retried it, and
 * the server's refusal was never read. A refusal is the transfer's error, whatever the data socket does: also
 * when TLS already started over it (TlsStart `connected`), whose handshake then fails with the reset.
 */
function holdErrorsUntilAccepted(socket: Socket, acceptance: TransferAcceptance, attach: () => void): void {
  const before = new Map(DATA_SOCKET_FAILURES.map((event) => [event, socket.listeners(event)]));
  attach();
  for (const event of DATA_SOCKET_FAILURES) {
    const known = before.get(event) ?? [];
    for (const listener of socket.listeners(event).filter((l) => !known.includes(l))) {
      socket.removeListener(event, listener as (...args: unknown[]) => void);
      socket.once(event, (...args: unknown[]) => {
        const report = () => (listener as (...a: unknown[]) => void).apply(socket, args);
        // A close without an error is no failure: nothing to hold.
        if (event === 'close' && args[0] !== true) report();
        else acceptance.reportError(report);
      });
    }
  }
  // While an error is held, a second one must not be thrown for want of a listener.
  socket.on('error', () => undefined);
}

/** Swaps the data socket for the TLS socket over it without the setter closing the raw socket underneath. */
function replaceDataSocket(ftp: FTPContext, secured: TLSSocket): void {
  (ftp as unknown as { _dataSocket: Socket | undefined })._dataSocket = undefined;
  ftp.dataSocket = secured;
}
