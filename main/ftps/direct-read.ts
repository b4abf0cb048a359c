import { connect as netConnect, Socket } from 'node:net';

/**
 * A download's destination that takes its bytes straight out of the data connection's read buffer, one buffer
 * reused for every read (`onread` of node:net), instead of a new buffer per read (64 KiB plain, 16 KiB per TLS
 * record) pushed through the socket's stream. Those buffers, a gigabyte of them per gigabyte, cost more than the
 * transfer itself: the memory freed by the garbage collector goes back to the system and comes back as fresh
 * pages, a page fault each (2-3 s of CPU per GiB here, against 0.3 s for curl; docs/BENCHMARKS.md, sixth round).
 * A sink that names where each read lands (ReadTargetSink, a FileSink) gets its bytes without even that copy.
 */
export interface DirectReadSink {
  /**
   * Takes `bytes` before it returns: they are a view of a buffer the next read overwrites. True: the next read
   * may come now; false: reading stops until the sink calls `resume` (once).
   */
  takeFrom(bytes: Buffer, resume: () => void): boolean;
  /** Optional: the sink names where each read lands, so that nothing copies the bytes again (see ReadTargetSink). */
  readTarget?: ReadTargetSink['readTarget'];
}

/**
 * A sink that gives the reader the very memory each read lands in (the free end of the batch it writes to disk next),
 * instead of having the bytes copied there from a read buffer: one copy of every byte fewer.
 */
export interface ReadTargetSink extends DirectReadSink {
  /**
   * Where the next read lands: a view the reader writes at most its length into, any time until `tookInto` (or, for a
   * reader that is torn down, until `readerClosed`). The sink must not hand its memory to anyone else meanwhile.
   */
  readTarget(): Buffer;
  /** `length` bytes landed at the start of the last `readTarget()` view. The same answer as takeFrom's. */
  tookInto(length: number, resume: () => void): boolean;
  /** The reader is closed: it writes into no target any more, so their memory may serve elsewhere. */
  readerClosed(): void;
}

export function isDirectReadSink(destination: unknown): destination is DirectReadSink {
  return typeof (destination as Partial<DirectReadSink> | null)?.takeFrom === 'function';
}

function isReadTargetSink(sink: DirectReadSink): sink is ReadTargetSink {
  const candidate = sink as Partial<ReadTargetSink>;
  return typeof candidate.readTarget === 'function' && typeof candidate.tookInto === 'function' && typeof candidate.readerClosed === 'function';
}

/** One read takes what the kernel has, up to this: fewer reads than libuv's 64 KiB, and no larger gain above. */
const READ_BUFFER_BYTES = 256 * 1024;
/** Read buffers of closed data connections kept for the next ones (a queue runs a few connections at a time). */
const SPARE_READ_BUFFERS = 8;
const spareReadBuffers: Buffer[] = [];

/**
 * Connects a plain (unprotected) passive data connection whose bytes go straight to `sink` (see DirectReadSink).
 * The socket's stream still ends, fails and closes as any socket's does, so basic-ftp's pipeline to the sink
 * ends it as before; it only carries no data. A stopped sink pauses the socket, which is what basic-ftp's
 * watchdog reads as "waiting for us", not as a stalled server.
 */
export function connectDirect(host: string, port: number, sink: DirectReadSink): Socket {
  let socket: Socket | null = null;
  if (isReadTargetSink(sink)) {
    socket = netConnect({ host, port, onread: { buffer: () => sink.readTarget(), callback: readInPlace(sink, () => socket) } });
    whenClosed(socket, () => sink.readerClosed());
    return socket;
  }
  const buffer = takeReadBuffer();
  socket = netConnect({ host, port, onread: { buffer, callback: readInto(sink, () => socket) } });
  returnOnClose(socket, buffer);
  return socket;
}

/**
 * The same for a socket already connected: a protected data connection, whose TLS starts over a socket connected
 * before, an active-mode connection the server made to us, or a passive one through a proxy. Node takes `onread`
 * only when it makes the TCP connection itself, so it is set up as node:net does for `onread` (the keys it keeps the
 * buffer and callback under, found on a socket made with `onread`, and the handle's useUserBuffer). False, nothing
 * changed, where this Node has neither, or where the socket holds bytes read already (a proxy's reply may bring the
 * server's first bytes): those would reach the sink after the ones read next. The socket then streams its bytes.
 */
export function readDirect(socket: Socket, sink: DirectReadSink): boolean {
  const handle = (socket as unknown as { _handle?: { useUserBuffer?: (buffer: Uint8Array) => void } | null })._handle;
  if (userBufferKeys === null || typeof handle?.useUserBuffer !== 'function' || socket.readableLength > 0) return false;
  if (isReadTargetSink(sink)) {
    const first = sink.readTarget();
    Object.assign(socket, { [userBufferKeys.buffer]: first, [userBufferKeys.callback]: readInPlace(sink, () => socket), [userBufferKeys.generator]: () => sink.readTarget() });
    handle.useUserBuffer(first);
    whenClosed(socket, () => sink.readerClosed());
    return true;
  }
  const buffer = takeReadBuffer();
  Object.assign(socket, { [userBufferKeys.buffer]: buffer, [userBufferKeys.callback]: readInto(sink, () => socket), [userBufferKeys.generator]: null });
  handle.useUserBuffer(buffer);
  returnOnClose(socket, buffer);
  return true;
}

/** Whether `socket`'s reads go straight to a sink (readDirect, connectDirect): its stream then carries no data, only its end. */
export function readsDirectly(socket: unknown): boolean {
  return userBufferKeys !== null && Buffer.isBuffer((socket as Record<symbol, unknown> | null)?.[userBufferKeys.buffer]);
}

function readInto(sink: DirectReadSink, socket: () => Socket | null): (length: number, read: Uint8Array) => boolean {
  const resume = (): void => {
    socket()?.resume();
  };
  return (length, read) => {
    if (!sink.takeFrom((read as Buffer).subarray(0, length), resume)) socket()?.pause();
    return true;
  };
}

/** node:net asks for the next target (the generator) right after this callback: the bytes are already where they belong. */
function readInPlace(sink: ReadTargetSink, socket: () => Socket | null): (length: number) => boolean {
  const resume = (): void => {
    socket()?.resume();
  };
  return (length) => {
    if (!sink.tookInto(length, resume)) socket()?.pause();
    return true;
  };
}

function takeReadBuffer(): Buffer {
  return spareReadBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
}

function returnOnClose(socket: Socket, buffer: Buffer): void {
  whenClosed(socket, () => {
    if (spareReadBuffers.length < SPARE_READ_BUFFERS) spareReadBuffers.push(buffer);
  });
}

/**
 * Runs `closed` once the socket has closed (its handle released: nothing reads into our memory any more). Not a
 * 'close' listener: basic-ftp retires a data socket with `removeAllListeners()` before destroying it, which dropped
 * such a listener, so a sink never heard its reader close and a read buffer never came back to the spares.
 */
function whenClosed(socket: Socket, closed: () => void): void {
  const emit = socket.emit;
  let done = false;
  socket.emit = function emitAndNoteClose(this: Socket, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'close' && !done) {
      done = true;
      closed();
    }
    return Reflect.apply(emit, this, [event, ...args]) as boolean;
  } as Socket['emit'];
}

/** Where node:net keeps an `onread` socket's buffer, callback and buffer generator; null where it does not say. */
const userBufferKeys = findUserBufferKeys();

function findUserBufferKeys(): { buffer: symbol; callback: symbol; generator: symbol } | null {
  const probe = new Socket({ onread: { buffer: Buffer.alloc(1), callback: () => true } });
  const keys = Object.getOwnPropertySymbols(probe);
  const named = (name: string) => keys.find((key) => key.description === name);
  const [buffer, callback, generator] = [named('kBuffer'), named('kBufferCb'), named('kBufferGen')];
  const recognised = buffer !== undefined && callback !== undefined && generator !== undefined && Buffer.isBuffer((probe as unknown as Record<symbol, unknown>)[buffer]);
  probe.destroy();
  return recognised ? { buffer, callback, generator } : null;
}
