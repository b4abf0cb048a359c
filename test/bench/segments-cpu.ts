/**
 * Where a big download's time goes through the WAN proxy: one 256 MiB (default) file from one fleet server, fetched in
 * one stream and in N segments by Wharf and lftp, interleaved, with the CPU each part of the machine spent on it:
 * the client (user + sys of its process), the server (its listener, with the session processes it reaped) and the
 * proxy's relay processes, read from /proc before and after each run. A tool for docs/BENCHMARKS.md, not part of
 * the bench's runs.
 *
 *   node --import tsx test/bench/segments-cpu.ts SERVER [--size 256M] [--window 4M] [--runs 3] [--segments 4]
 *     [--wharf dist/cli/wharf.cjs] [--baseline PATH] [--handshake]
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, closeSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleet, type ServerName } from '../servers/fleet';
import { passivePortsOf } from '../faults/support';
import { startWanProxy } from './wan-proxy';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    size: { type: 'string', default: '256M' }, window: { type: 'string', default: '4M' }, runs: { type: 'string', default: '3' },
    segments: { type: 'string', default: '4' }, wharf: { type: 'string', default: 'dist/cli/wharf.cjs' }, baseline: { type: 'string' },
    handshake: { type: 'boolean', default: false },
  },
});
const sizeOf = (text: string) => Number.parseFloat(text) * ({ K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[text.slice(-1).toUpperCase()] ?? 1);
const serverName = (positionals[0] ?? 'vsftpd-explicit') as ServerName;
const size = sizeOf(values.size);
const segments = Number(values.segments);
const tick = 100; // USER_HZ

/** utime + stime + cutime + cstime of `pid`, seconds. */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i] ?? 0), 0) / tick;
  } catch {
    return 0;
  }
}

/** This process's children by what they run: the relays (wan-relay.ts) and the rest (the server's listener). */
function children(): { relays: number[]; servers: number[] } {
  const relays: number[] = [];
  const servers: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.split(') ')[1]?.split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      (cmdline.includes('wan-relay.ts') ? relays : servers).push(Number(entry));
    } catch {
      // Gone meanwhile.
    }
  }
  return { relays, servers };
}

const work = mkdtempSync(join(tmpdir(), 'wharf-segcpu-'));
chmodSync(work, 0o755); // the FTP users reach their roots under it
const fleet = await startFleet({ workDir: join(work, 'fleet'), only: [serverName], certAddresses: ['127.0.0.2'] });
try {
  const server = fleet.info.servers[serverName];
  const remoteFile = join(server.root, 'big.bin');
  const fd = openSync(remoteFile, 'w');
  const block = Buffer.alloc(1 << 20);
  for (let i = 0; i < block.length; i += 4) block.writeUInt32LE((i * 2654435761) >>> 0, i);
  const hash = createHash('sha256');
  for (let left = size; left > 0; left -= block.length) {
    const part = block.subarray(0, Math.min(block.length, left));
    block.writeUInt32LE(left, 0);
    writeSync(fd, part);
    hash.update(part);
  }
  closeSync(fd);
  const { uid, gid } = statSync(server.root);
  chownSync(remoteFile, uid, gid);
  const sha = hash.digest('hex');
  const proxy = await startWanProxy({ delayMs: 25, windowBytes: sizeOf(values.window), rateBytesPerSecond: null, handshake: values.handshake, upstreamHost: server.host, controlPort: server.port, passivePorts: passivePortsOf(fleet.info, serverName) });
  const out = join(work, 'out');
  mkdirSync(out);
  const lftp = (action: string) => ['-c', [
    `set ssl:ca-file "${fleet.info.caCertFile}"`, 'set ssl:verify-certificate yes', 'set ftp:ssl-force yes', 'set ftp:ssl-protect-data yes',
    'set ftp:ignore-pasv-address yes', 'set net:max-retries 1', 'set net:timeout 60', 'set xfer:clobber yes',
    `open -u "${server.user}","${server.password}" ftp://127.0.0.2:${proxy.controlPort}`, action,
  ].join('; ')];
  const url = `ftpes://${server.user}@127.0.0.2:${proxy.controlPort}/big.bin`;
  const wharf = (program: string, extra: string[]) => [resolve(program), 'get', url, join(out, 'big.bin'), '-q', '--ca', fleet.info.caCertFile, '--overwrite', 'overwrite', ...extra];
  const clients: [string, string, string[]][] = [
    ['wharf single', process.execPath, wharf(values.wharf, [])],
    [`wharf --segments ${segments}`, process.execPath, wharf(values.wharf, ['--segments', String(segments)])],
    ...(values.baseline ? [[`baseline --segments ${segments}`, process.execPath, wharf(values.baseline, ['--segments', String(segments)])] as [string, string, string[]]] : []),
    ['lftp get', 'lftp', lftp(`get /big.bin -o "${join(out, 'big.bin')}"`)],
    [`lftp pget -n ${segments}`, 'lftp', lftp(`pget -n ${segments} /big.bin -o "${join(out, 'big.bin')}"`)],
  ];
  console.log(`${serverName}, ${values.size}, window ${values.window}${values.handshake ? ', handshake modelled' : ''}, load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`);
  console.log('client | wall s | MB/s | client CPU s | server CPU s | relay CPU s | intact');
  for (let run = 0; run < Number(values.runs); run++) {
    for (const [name, cmd, args] of clients) {
      rmSync(join(out, 'big.bin'), { force: true });
      const before = children();
      const cpuBefore = { relays: before.relays.map(cpuOf).reduce((a, b) => a + b, 0), servers: before.servers.map(cpuOf).reduce((a, b) => a + b, 0) };
      const timed = spawnSync('/usr/bin/time', ['-f', '%e %U %S', cmd, ...args], { env: { ...process.env, WHARF_PASSWORD: server.password, LFTP_HOME: work }, encoding: 'utf8' });
      const [wall = 'NaN', user = '0', sys = '0'] = (timed.stderr.trim().split('\n').at(-1) ?? '').split(' ');
      // The server's session processes end (and are reaped, their CPU counted in the listener's) just after the client's.
      await new Promise((done) => setTimeout(done, 500));
      const after = children();
      const relays = after.relays.map(cpuOf).reduce((a, b) => a + b, 0) - cpuBefore.relays;
      const servers = after.servers.map(cpuOf).reduce((a, b) => a + b, 0) - cpuBefore.servers;
      let intact = false;
      try {
        intact = createHash('sha256').update(readFileSync(join(out, 'big.bin'))).digest('hex') === sha;
      } catch {
        intact = false;
      }
      const seconds = Number(wall);
      console.log(`${name} | ${seconds.toFixed(2)} | ${(size / 1e6 / seconds).toFixed(1)} | ${(Number(user) + Number(sys)).toFixed(2)} | ${servers.toFixed(2)} | ${relays.toFixed(2)} | ${intact ? 'yes' : `NO ${timed.status} ${timed.stderr.slice(0, 200)}`}`);
    }
  }
  await proxy.close();
} finally {
  await fleet.stop();
  rmSync(work, { recursive: true, force: true });
}
