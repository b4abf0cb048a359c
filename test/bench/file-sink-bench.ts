/**
 * A micro-bench of the download data path's last stage (not run by `npm test`): one process serves N MiB over
 * TLS on loopback, this process receives them and hands the decrypted stream to a sink; the figure is this
 * process's CPU (process.cpuUsage: user + system, every thread) from connect to the last byte on disk, so a loaded
 * machine changes the wall time but hardly the CPU. Modes, interleaved per round:
 *   discard      a Writable that drops every chunk (the floor: TLS, socket reads, stream plumbing)
 *   write-stream fs.createWriteStream (what a plain client would do)
 *   sync-write   chunks copied into one --batch KiB buffer (default 1024), written with fs.writeSync when full (copy + write
 *                alone; compare --batch 256 and 1024 for the kernel's cost per write size)
 *   file-sink    main/transfers/file-sink.ts with a progress callback, as the transfer runner uses it
 *
 *   node --import tsx test/bench/file-sink-bench.ts [--mib 256] [--rounds 5] [--batch 1024] [--modes discard,write-stream,sync-write,file-sink]
 * Counting instructions instead of time (steadier on a loaded machine): start a server alone with
 * `--serve 1 --certs DIR` (DIR holding key.pem and cert.pem), then `perf stat -e instructions -- node --import tsx
 * test/bench/file-sink-bench.ts --port PORT --rounds 1 --modes file-sink`.
 */
import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, createWriteStream, mkdtempSync, openSync, writeSync, readFileSync, rmSync, statSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { connect, createServer, type TLSSocket } from 'node:tls';
import { parseArgs } from 'node:util';
import { FileSink } from '../../main/transfers/file-sink';

type Mode = 'discard' | 'write-stream' | 'file-sink' | 'sync-write';

function serve(mib: number, certDir: string): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x5a);
  const server = createServer({ key: readFileSync(join(certDir, 'key.pem')), cert: readFileSync(join(certDir, 'cert.pem')) }, (socket) => {
    let left = mib;
    const more = (): void => {
      while (left > 0) {
        left -= 1;
        if (!socket.write(chunk)) {
          socket.once('drain', more);
          return;
        }
      }
      socket.end();
    };
    more();
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    if (process.send) process.send({ port });
    else console.log(`serving ${mib} MiB on port ${port} (--port ${port} elsewhere: a client whose counters, perf stat say, leave the server out)`);
  });
}

async function receive(port: number, mode: Mode, path: string, batchBytes: number): Promise<NodeJS.CpuUsage> {
  const started = process.cpuUsage();
  const socket: TLSSocket = connect({ host: '127.0.0.1', port, rejectUnauthorized: false });
  await once(socket, 'secureConnect');
  if (mode === 'discard') {
    await pipeline(socket, new Writable({ write: (_chunk, _encoding, callback) => callback() }));
  } else if (mode === 'sync-write') {
    const fd = openSync(path, 'w');
    const batch = Buffer.allocUnsafeSlow(batchBytes);
    let filled = 0;
    const flush = (): void => {
      let done = 0;
      while (done < filled) done += writeSync(fd, batch, done, filled - done);
      filled = 0;
    };
    try {
      await pipeline(socket, new Writable({
        write: (chunk: Buffer, _encoding, callback) => {
          let offset = 0;
          while (offset < chunk.length) {
            const copied = chunk.copy(batch, filled, offset);
            offset += copied;
            filled += copied;
            if (filled === batch.length) flush();
          }
          callback();
        },
        final: (callback) => {
          flush();
          callback();
        },
      }));
    } finally {
      closeSync(fd);
    }
  } else if (mode === 'write-stream') {
    await pipeline(socket, createWriteStream(path));
  } else {
    const handle = await open(path, 'w');
    let bytes = 0;
    const sink = new FileSink({ handle, position: 0, onBytes: (n) => (bytes += n) });
    try {
      await pipeline(socket, sink);
    } finally {
      await handle.close();
    }
    if (bytes === 0) throw new Error('nothing arrived');
  }
  return process.cpuUsage(started);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      mib: { type: 'string', default: '256' },
      batch: { type: 'string', default: '1024' },
      rounds: { type: 'string', default: '5' },
      modes: { type: 'string', default: 'discard,write-stream,file-sink' },
      serve: { type: 'string' },
      certs: { type: 'string' },
      port: { type: 'string' },
    },
  });
  const mib = Number(values.mib);
  if (values.serve !== undefined) {
    serve(mib, values.certs ?? '');
    return;
  }
  const work = mkdtempSync(join(tmpdir(), 'wharf-sink-bench-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
      '-keyout', join(work, 'key.pem'), '-out', join(work, 'cert.pem')], { stdio: 'ignore' });
    const modes = values.modes.split(',') as Mode[];
    const results = new Map<Mode, number[]>(modes.map((m) => [m, []]));
    const userTimes = new Map<Mode, number[]>(modes.map((m) => [m, []]));
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const mode of round % 2 === 0 ? modes : [...modes].reverse()) {
        const server = values.port === undefined ? fork(import.meta.filename, ['--serve', '1', '--mib', String(mib), '--certs', work], { execArgv: ['--import', 'tsx'] }) : null;
        const [{ port }] = server ? ((await once(server, 'message')) as [{ port: number }]) : [{ port: Number(values.port) }];
        const path = join(work, 'out.bin');
        const cpu = await receive(port, mode, path, Number(values.batch) * 1024);
        if (statSync(path, { throwIfNoEntry: false })?.size !== (mode === 'discard' ? undefined : mib * 1024 * 1024)) {
          if (mode !== 'discard') throw new Error(`${mode}: wrong size`);
        }
        rmSync(path, { force: true });
        server?.kill();
        results.get(mode)?.push((cpu.user + cpu.system) / 1000);
        userTimes.get(mode)?.push(cpu.user / 1000);
      }
    }
    const median = (times: number[]): string => ([...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? 0).toFixed(0);
    for (const [mode, times] of results) {
      const user = userTimes.get(mode) ?? [];
      console.log(`${mode.padEnd(12)} ${mib} MiB: median CPU ${median(times)} ms, of it user ${median(user)} ms (runs, user+system: ${times.map((t) => t.toFixed(0)).join(' ')})`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
