import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { ConnectionTarget, LogLine } from '../../common/models';
import { FtpsSession, type SessionOptions, type TrustStoreLike } from '../../main/ftps/session';
import type { FleetInfo, ServerInfo } from '../servers/fleet';

/** The servers every engine scenario runs against: each FTPS flavour and plain FTP. */
export const MAIN_SERVERS = [
  'vsftpd-explicit', 'vsftpd-implicit', 'proftpd-explicit', 'proftpd-implicit', 'pureftpd-explicit', 'vsftpd-plain',
  'pyftpdlib-explicit', 'pyftpdlib-implicit', 'pyftpdlib-iis',
] as const;

/** The connection target for a fleet server (or any server reached the same way), with per-test overrides. */
export function targetFor(server: { readonly host: string; readonly port: number; readonly mode: ServerInfo['mode']; readonly user: string }, overrides: Partial<ConnectionTarget> = {}): ConnectionTarget {
  return {
    host: server.host,
    port: server.port,
    mode: server.mode,
    user: server.user,
    dataMode: 'passive',
    minTlsVersion: 'TLSv1.2',
    timezoneOffsetMinutes: 0,
    encoding: 'utf8',
    ...overrides,
  };
}

/** Opens a session that trusts the fleet's CA, recording the command log. */
export async function openSession(
  fleet: FleetInfo,
  server: ServerInfo,
  options: Partial<SessionOptions> & { targetOverrides?: Partial<ConnectionTarget> } = {},
): Promise<{ session: FtpsSession; log: LogLine[] }> {
  const log: LogLine[] = [];
  const { targetOverrides, ...rest } = options;
  const session = await FtpsSession.open({
    target: targetFor(server, targetOverrides),
    password: server.password,
    allowPlain: server.mode === 'plain',
    extraCaPem: [fleet.caCertPem],
    keepAliveIntervalMs: 0,
    timeoutMs: 10_000,
    onLog: (line) => log.push(line),
    ...rest,
  });
  return { session, log };
}

/** An in-memory pin store with the engine's TrustStoreLike shape. */
export class MemoryTrustStore implements TrustStoreLike {
  readonly pins = new Map<string, { fingerprintSha256: string; subject: string }>();
  async get(host: string, port: number) {
    return this.pins.get(`${host}:${port}`) ?? null;
  }
  async pin(entry: { host: string; port: number; fingerprintSha256: string; subject: string }) {
    this.pins.set(`${entry.host}:${entry.port}`, { fingerprintSha256: entry.fingerprintSha256, subject: entry.subject });
  }
}

/** SHA-256 of a local file, hex. */
export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** Deterministic pseudo-random bytes, so a corrupted byte anywhere changes the hash. */
export function testBytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

/** The commands we sent, as logged (PASS masked). */
export function commandsSent(log: readonly LogLine[]): string[] {
  return log.filter((l) => l.direction === 'command').map((l) => l.text);
}

/**
 * The RETRs of `remotePath` in a log of several connections, and the REST offset (past 0) each was sent after
 * on its own connection: how a segmented download fetched its ranges.
 */
export function retrievalsOf(log: readonly LogLine[], remotePath: string): { rest: number[]; retr: number } {
  const lastRest = new Map<string, number>();
  const rest: number[] = [];
  let retr = 0;
  for (const line of log) {
    if (line.direction !== 'command') continue;
    const offset = /^REST (\d+)$/.exec(line.text);
    if (offset) lastRest.set(line.connectionId, Number(offset[1]));
    else if (line.text === `RETR ${remotePath}`) {
      retr += 1;
      const at = lastRest.get(line.connectionId) ?? 0;
      if (at > 0) rest.push(at);
    }
    if (line.text.startsWith('RETR ')) lastRest.delete(line.connectionId);
  }
  return { rest, retr };
}

/** A remote file's bytes, downloaded on `session` into memory. */
export async function downloadBytes(session: FtpsSession, path: string, startAt = 0): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write: (chunk: Buffer, _encoding, done) => {
      chunks.push(chunk);
      done();
    },
  });
  await session.download(path, sink, startAt > 0 ? { startAt } : {});
  return Buffer.concat(chunks);
}
