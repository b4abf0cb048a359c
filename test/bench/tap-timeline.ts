/**
 * Per-file timelines through the WAN proxy's tap (WHARF_WAN_TAP, wan-relay.ts), for one client and one server: the
 * fleet's server behind the bench's proxy, N small files, one connection (or --parallel); prints the median time per file (between
 * consecutive data connections) and the chunks of one data connection in steady state beside the control
 * connection's, each in round trips from that data connection's start. A tool for reading what waits for what
 * (docs/BENCHMARKS.md), not part of the bench's runs.
 *
 *   node --import tsx test/bench/tap-timeline.ts CLIENT DIRECTION SERVER [--files 20] [--parallel 1] [--handshake] [--wharf PATH]
 *   CLIENT: wharf | lftp; DIRECTION: down | up; SERVER: vsftpd-explicit | pureftpd-explicit | ...
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startFleet, writeServerFile, type ServerName } from '../servers/fleet';
import { passivePortsOf } from '../faults/support';
import { startWanProxy } from './wan-proxy';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { files: { type: 'string', default: '20' }, parallel: { type: 'string', default: '1' }, handshake: { type: 'boolean', default: false }, wharf: { type: 'string', default: 'dist/cli/wharf.cjs' }, delay: { type: 'string', default: '25' } },
});
const [client = 'wharf', direction = 'down', serverName = 'vsftpd-explicit'] = positionals;
const files = Number(values.files);
const delayMs = Number(values.delay);
const rtt = 2 * delayMs;
const work = mkdtempSync(join(tmpdir(), 'wharf-tap-'));
chmodSync(work, 0o755); // the FTP users reach their roots under it
const tapFile = join(work, 'tap.log');
process.env.WHARF_WAN_TAP = tapFile;
const fleet = await startFleet({ workDir: join(work, 'fleet'), only: [serverName as ServerName], certAddresses: ['127.0.0.2'] });
try {
  const server = fleet.info.servers[serverName as ServerName];
  const proxy = await startWanProxy({ delayMs, windowBytes: 4 << 20, rateBytesPerSecond: null, handshake: values.handshake, upstreamHost: server.host, controlPort: server.port, passivePorts: passivePortsOf(fleet.info, serverName as ServerName) });
  const local = join(work, 'local');
  mkdirSync(local);
  const payload = (i: number) => Buffer.alloc(4096, i);
  if (direction === 'down') for (let i = 0; i < files; i++) writeServerFile(server, `/tap/f${String(i).padStart(3, '0')}`, payload(i));
  else for (let i = 0; i < files; i++) writeFileSync(join(local, `f${String(i).padStart(3, '0')}`), payload(i));
  const target = direction === 'down' ? join(work, 'down') : '/tap';
  let cmd: string;
  let args: string[];
  if (client === 'wharf') {
    const url = `ftpes://${server.user}@127.0.0.2:${proxy.controlPort}/tap`;
    cmd = process.execPath;
    args = [resolve(values.wharf), direction === 'down' ? 'get' : 'put', '-r', ...(direction === 'down' ? [url, target] : [local, url]), '--parallel', values.parallel, '-q', '--ca', fleet.info.caCertFile];
  } else {
    const script = join(work, 'script.lftp');
    writeFileSync(script, [
      `set ssl:ca-file "${fleet.info.caCertFile}"`, 'set ssl:verify-certificate yes', 'set ftp:ssl-force yes', 'set ftp:ssl-protect-data yes', 'set ftp:ssl-protect-list yes',
      'set ftp:ignore-pasv-address yes', 'set net:max-retries 1', 'set xfer:clobber yes',
      `open -u "${server.user}","${server.password}" ftp://127.0.0.2:${proxy.controlPort}`,
      direction === 'down' ? `mirror --parallel=${values.parallel} /tap "${target}"` : `mirror -R --parallel=${values.parallel} "${local}" /tap`,
    ].join('\n'));
    cmd = 'lftp';
    args = ['-f', script];
  }
  const started = Date.now();
  const run = spawnSync(cmd, args, { env: { ...process.env, WHARF_PASSWORD: server.password, LFTP_HOME: work }, encoding: 'utf8' });
  const wall = (Date.now() - started) / 1000;
  await proxy.close();
  if (run.status !== 0) console.log(`exit ${run.status}: ${run.stderr}`);
  const got = direction === 'down' ? readdirSync(target).length : readdirSync(join(server.root, 'tap')).filter((n) => /^f\d+$/.test(n)).length;
  // The tap: "time conn dir bytes"; connection names "pid.n:port"; the control port is the first connection's.
  const lines = readFileSync(tapFile, 'utf8').trim().split('\n').map((l) => {
    const [time, conn, dir, bytes] = l.split(' ');
    return { time: Number(time), conn: conn as string, dir: dir as string, bytes: bytes as string };
  });
  const portOf = (conn: string) => conn.split(':')[1];
  const controlPort = portOf(lines[0]?.conn ?? '');
  const opens = lines.filter((l) => l.bytes === '0' && l.dir === 'c>s');
  const data = opens.filter((l) => portOf(l.conn) !== controlPort);
  const gaps = data.slice(1).map((l, i) => l.time - (data[i]?.time ?? 0)).sort((a, b) => a - b);
  const median = gaps[Math.floor(gaps.length / 2)] ?? NaN;
  const controlWrites = lines.filter((l) => portOf(l.conn) === controlPort && l.dir === 'c>s' && l.bytes !== '0' && l.bytes !== 'FIN').length;
  console.log(`control connections' writes: ${controlWrites} (${(controlWrites / files).toFixed(2)} per file)`);
  console.log(`${client} ${direction} ${serverName}${values.handshake ? ' (handshake modelled)' : ''}: ${got}/${files} files, ${wall.toFixed(2)} s, ${data.length} data connections, median per file ${median.toFixed(0)} ms = ${(median / rtt).toFixed(2)} RTT`);
  const pick = data[Math.floor(data.length / 2)];
  if (pick) {
    const next = data[Math.floor(data.length / 2) + 1];
    const from = pick.time - rtt * 1.5;
    const to = next ? next.time : pick.time + 10 * rtt;
    for (const l of lines) {
      if (l.time < from || l.time > to) continue;
      const who = l.conn === pick.conn ? 'DATA' : portOf(l.conn) === controlPort ? 'ctrl' : `other ${l.conn}`;
      console.log(`${((l.time - pick.time) / rtt).toFixed(2).padStart(6)} RTT  ${who.padEnd(5)} ${l.dir} ${l.bytes}`);
    }
  }
} finally {
  await fleet.stop();
  rmSync(work, { recursive: true, force: true });
}
