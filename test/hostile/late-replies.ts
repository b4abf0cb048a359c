/**
 * Late replies: a scripted server writes a reply about an earlier data connection ("226 Transfer complete.",
 * "426 ...", "150 ...") just before its answer to a command, as pyftpdlib and others do after a data connection
 * closes unused. A session must still match every command with its own reply. Shared by the property test and
 * `npm run reliability` (the "late replies" row).
 */
import { PassThrough, Readable } from 'node:stream';
import fc from 'fast-check';
import { FtpsSession } from '../../main/ftps/session';
import type { ScenarioFigures } from '../faults/support';
import { targetFor } from '../ftps/support';
import { startHostileServer, unixLine } from './hostile-server';

export type Operation = 'list' | 'list-missing' | 'pwd' | 'size' | 'mkdir' | 'get' | 'put';

export const LATE_REPLIES = ['226 Transfer complete.', '426 Connection closed; transfer aborted.', '150 Opening data connection.', '225 Data connection open; no transfer in progress.'] as const;

/**
 * Transfer commands: a late reply before their answer arrives between the EPSV reply (229) and the transfer's
 * own 150. A late 150 there would be indistinguishable from the transfer's own, so only completion and abort
 * replies are injected at that point.
 */
const TRANSFER_VERBS = new Set(['LIST', 'NLST', 'MLSD', 'RETR', 'STOR', 'APPE', 'STOU']);

export interface LateReplyCase {
  readonly operations: readonly Operation[];
  /** Command indexes (the server's count of command lines) before whose answer a late reply is written. */
  readonly injections: ReadonlyMap<number, string>;
}

export const lateReplyCase: fc.Arbitrary<LateReplyCase> = fc.record({
  operations: fc.array(fc.constantFrom<Operation>('list', 'list-missing', 'pwd', 'size', 'mkdir', 'get', 'put'), { minLength: 1, maxLength: 8 }),
  injections: fc.array(fc.tuple(fc.nat(60), fc.constantFrom(...LATE_REPLIES)), { maxLength: 12 }).map((pairs) => new Map(pairs)),
});

const FILE = Buffer.from('twelve bytes');

/** Runs the operations against a server injecting the late replies; returns what went out of step (empty: none) and how many late replies were written. */
export async function runLateReplyCase(c: LateReplyCase): Promise<{ desynchronised: string[]; injected: number }> {
  let injected = 0;
  const server = await startHostileServer({
    mode: 'plain',
    listing: (path) => (path === '/dir' ? Buffer.concat([unixLine('a.txt', { size: 12 }), unixLine('sub', { directory: true })]) : null),
    file: (path) => (path === '/dir/a.txt' ? FILE : null),
    lateReply: (index, verb) => {
      const wanted = c.injections.get(index) ?? null;
      const text = wanted !== null && TRANSFER_VERBS.has(verb) && wanted.startsWith('1') ? null : wanted;
      if (text !== null) injected += 1;
      return text;
    },
  });
  const desynchronised: string[] = [];
  let session: FtpsSession | null = null;
  try {
    session = await FtpsSession.open({
      target: targetFor({ host: '127.0.0.1', port: server.port, mode: 'plain', user: 'late' }),
      password: 'irrelevant', allowPlain: true, keepAliveIntervalMs: 0, timeoutMs: 5_000,
    });
    for (const [i, op] of c.operations.entries()) {
      const what = `operation ${i} (${op})`;
      try {
        switch (op) {
          case 'list': {
            const names = (await session.list('/dir')).map((e) => e.name).sort().join(',');
            if (names !== 'a.txt,sub') desynchronised.push(`${what}: listed ${JSON.stringify(names)}`);
            break;
          }
          case 'list-missing': {
            const outcome = await session.list('/missing').then(() => 'listed', (err: unknown) => (err instanceof Error ? err.message : String(err)));
            if (!/550/.test(outcome)) desynchronised.push(`${what}: ${outcome}`);
            break;
          }
          case 'pwd': {
            const pwd = await session.pwd();
            if (pwd !== '/') desynchronised.push(`${what}: ${pwd}`);
            break;
          }
          case 'size': {
            const size = await session.size('/dir/a.txt');
            if (size !== FILE.length) desynchronised.push(`${what}: ${size}`);
            break;
          }
          case 'mkdir':
            await session.mkdir('/made');
            break;
          case 'get': {
            const sink = new PassThrough();
            const received: Buffer[] = [];
            sink.on('data', (chunk: Buffer) => received.push(chunk));
            await session.download('/dir/a.txt', sink);
            if (!Buffer.concat(received).equals(FILE)) desynchronised.push(`${what}: downloaded ${JSON.stringify(Buffer.concat(received).toString())}`);
            break;
          }
          case 'put':
            await session.upload(Readable.from([FILE]), '/dir/up.txt');
            break;
        }
      } catch (err) {
        desynchronised.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  } catch (err) {
    desynchronised.push(`login: ${err instanceof Error ? err.message : String(err)}`);
  } finally {
    await session?.close().catch(() => undefined);
    await server.close();
  }
  return { desynchronised, injected };
}

/**
 * The "late replies" row of `npm run reliability`: seeded cases, each operation counted as a run; a problem per
 * desynchronised command (must be none).
 */
export async function runLateRepliesFigures(seed: number, runs: number): Promise<ScenarioFigures & { readonly problems: readonly string[] }> {
  const problems: string[] = [];
  let operations = 0;
  let injected = 0;
  for (const c of fc.sample(lateReplyCase, { seed, numRuns: runs })) {
    const result = await runLateReplyCase(c);
    operations += c.operations.length;
    injected += result.injected;
    problems.push(...result.desynchronised.map((d) => `desynchronised command: ${d}`));
  }
  return {
    scenario: 'Late replies: a 226/426/225/150 about an earlier data connection before the answer to another command, or between EPSV\'s 229 and a transfer\'s 150',
    transfersRun: operations, faultsInjected: injected, completed: operations - problems.length, bytesVerified: 0, lostOrCorrupted: 0, credentialsInClear: 0,
    notes: `${problems.length} desynchronised commands in ${runs} sessions (listings, refused listings, downloads, uploads, PWD, SIZE, MKD); operations counted as transfers`,
    problems,
  };
}
