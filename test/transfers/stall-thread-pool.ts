/** For tests of the download sink: holding Node's I/O threads, so that its positional writes wait until released. */
import { execFileSync } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';

let stalls = 0;

/**
 * Holds every thread of Node's pool in the open of a FIFO nobody writes to yet (in `dir`): writes queued meanwhile
 * wait behind them. The returned function opens the other ends, lets the threads go and resolves once they are free.
 */
export function stallThreadPool(dir: string): () => Promise<void> {
  const fifos = Array.from({ length: Number(process.env.UV_THREADPOOL_SIZE ?? 4) }, (_, i) => join(dir, `stall-${process.pid}-${++stalls}-${i}`));
  const readers = fifos.map((fifo) => {
    execFileSync('mkfifo', [fifo]);
    return open(fifo, 'r');
  });
  return async () => {
    for (const fifo of fifos) closeSync(openSync(fifo, 'w'));
    for (const reader of readers) await (await reader).close();
  };
}
