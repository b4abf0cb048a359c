import { connect as netConnect, type Socket } from 'node:net';

/**
 * A download's destination that takes its bytes straight out of the data connection's read buffer, one buffer
 * reused for every read (`onread` of node:net), instead of a new 64 KiB buffer per read pushed through the
 * socket's stream. Those buffers, a gigabyte of them per gigabyte, cost more than the transfer itself: the
 * memory freed by the garbage collector goes back to the system and comes back as fresh pages, a page fault
 * each (2-3 s of kernel time per GiB here, against 0.3 s for curl; see docs/BENCHMARKS.md, sixth round).
 */
export interface DirectReadSink {
  /**
   * Takes `bytes` before it returns: they are a view of a buffer the next read overwrites. True: the next read
   * may come now; false: reading stops until the sink calls `resume` (once).
   */
  takeFrom(bytes: Buffer, resume: () => void): boolean;
}

export function isDirectReadSink(destination: unknown): destination is DirectReadSink {
  return typeof (destination as Partial<DirectReadSink> | null)?.takeFrom === 'function';
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
  const buffer = spareReadBuffers.pop() ?? Buffer.allocUnsafeSlow(READ_BUFFER_BYTES);
  let socket: Socket | null = null;
  const resume = (): void => {
    socket?.resume();
  };
  socket = netConnect({
    host,
    port,
    onread: {
      buffer,
      callback: (length: number, read: Uint8Array): boolean => {
        if (!sink.takeFrom((read as Buffer).subarray(0, length), resume)) socket?.pause();
        return true;
      },
    },
  });
  socket.once('close', () => {
    if (spareReadBuffers.length < SPARE_READ_BUFFERS) spareReadBuffers.push(buffer);
  });
  return socket;
}
