import { Duplex } from 'node:stream';
import type { Server, Socket } from 'node:net';
import { t } from '../../common/i18n/t';
import { WharfError } from '../core/errors';
import { normalizeAddress } from './net-address';
import { readDirect, readsDirectly, type DirectReadSink } from './direct-read';

/**
 * A data socket whose connection has not arrived yet (active mode). Writes are buffered and reads wait
 * until the server connects; only a connection from the server's own address is accepted, so nobody
 * else can slip into the transfer. Every other connection, and one never claimed, is destroyed.
 */
export class PendingDataSocket extends Duplex {
  private socket: Duplex | null = null;
  /** The server's connection, while it waits for the transfer command to be accepted (protected data only). */
  private accepted: Socket | null = null;
  private tlsAllowed: boolean;
  private readonly queued: { chunk: Buffer; callback: (err?: Error | null) => void }[] = [];
  private finalCallback: ((err?: Error | null) => void) | null = null;
  private readonly waitTimer: NodeJS.Timeout;
  /** The attached socket when its reads go straight to a download's sink (direct-read.ts): it counts them. */
  private direct: Duplex | null = null;
  private streamedBytes = 0;
  bytesWritten = 0;

  constructor(
    private readonly listener: Server,
    expectedPeer: string,
    timeoutMs: number,
    warn: (text: string) => void,
    private readonly secure: ((accepted: Socket) => Duplex) | null,
    /** A plain connection's reads go here directly (a TLS one's: `secure` sets that up). */
    private readonly directSink: DirectReadSink | null = null,
  ) {
    super();
    this.tlsAllowed = secure === null;
    this.waitTimer = setTimeout(
      () => this.destroy(new WharfError('data-channel', t('errors.activeNotOpened'))),
      timeoutMs > 0 ? timeoutMs : 30_000,
    );
    this.waitTimer.unref();
    listener.on('connection', (socket: Socket) => {
      if (this.destroyed || this.accepted !== null || this.socket !== null || normalizeAddress(socket.remoteAddress ?? '') !== expectedPeer) {
        warn(`Refused a data connection from ${socket.remoteAddress ?? 'unknown'}: not the server, or not expected`);
        socket.destroy();
        return;
      }
      clearTimeout(this.waitTimer);
      this.listener.close();
      this.remote = { address: socket.remoteAddress, port: socket.remotePort, family: socket.remoteFamily };
      this.accepted = socket;
      socket.setNoDelay(true); // see attachDataSocket
      // Until it is attached, an error on it ends the stand-in (and so the transfer) rather than going unheard.
      socket.once('error', (err) => this.destroy(err));
      // Before it can read anything: the connection event comes in the turn the connection was accepted.
      if (this.directSink !== null && this.secure === null) readDirect(socket, this.directSink);
      this.attachWhenReady();
    });
  }

  /** The server accepted the transfer command: TLS may start on its connection. */
  allowTls(): void {
    this.tlsAllowed = true;
    this.attachWhenReady();
  }

  private attachWhenReady(): void {
    const accepted = this.accepted;
    if (accepted === null || !this.tlsAllowed || this.destroyed) return;
    this.accepted = null;
    this.attach(this.secure ? this.secure(accepted) : accepted);
  }

  private remote: { address?: string | undefined; port?: number | undefined; family?: string | undefined } = {};

  get remoteAddress(): string | undefined {
    return this.remote.address;
  }

  get remotePort(): number | undefined {
    return this.remote.port;
  }

  get remoteFamily(): string | undefined {
    return this.remote.family;
  }

  /** What basic-ftp's progress reads: bytes this stand-in passed on, or those its socket handed to a sink directly. */
  get bytesRead(): number {
    return this.streamedBytes + ((this.direct as Socket | null)?.bytesRead ?? 0);
  }

  /** basic-ftp sets timeouts on data sockets; its transfer watchdog does the real stall detection. */
  setTimeout(_ms: number): this {
    return this;
  }

  private attach(socket: Duplex): void {
    this.socket = socket;
    if (readsDirectly(socket)) this.direct = socket;
    // On a socket that reads directly this only starts the flow that brings its 'end': no data comes this way.
    socket.on('data', (chunk: Buffer) => {
      this.streamedBytes += chunk.length;
      if (!this.push(chunk)) socket.pause();
    });
    socket.on('end', () => this.push(null));
    socket.on('error', (err) => this.destroy(err));
    for (const { chunk, callback } of this.queued.splice(0)) this.writeToSocket(chunk, callback);
    if (this.finalCallback) socket.end(this.finalCallback);
  }

  private writeToSocket(chunk: Buffer, callback: (err?: Error | null) => void): void {
    this.bytesWritten += chunk.length;
    this.socket?.write(chunk, callback);
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (err?: Error | null) => void): void {
    if (this.socket) this.writeToSocket(chunk, callback);
    else this.queued.push({ chunk, callback });
  }

  override _final(callback: (err?: Error | null) => void): void {
    if (this.socket) this.socket.end(callback);
    else this.finalCallback = callback;
  }

  override _read(): void {
    // A direct socket is paused and resumed by its sink alone.
    if (this.direct === null) this.socket?.resume();
  }

  override _destroy(err: Error | null, callback: (err?: Error | null) => void): void {
    clearTimeout(this.waitTimer);
    this.listener.close();
    this.accepted?.destroy();
    this.socket?.destroy();
    callback(err);
  }
}
