/**
 * Control commands per small file, counted in the command log against the real servers: on a real link each is a
 * round trip (20-150 ms), more than all the CPU a file costs. A folder of files goes up and comes back down on
 * one connection; what each file costs is the commands after the session's first file (login, FEAT, the first
 * folder and the one-time probes are the session's, not the file's).
 *
 * Expected per file: a download is EPSV + RETR (the size from the listing), plus MDTM where the listing is LIST
 * (vsftpd: its times are local and to the minute), plus HASH where the server has one (proftpd) to verify. An upload is EPSV +
 * STOR to the temporary name, SIZE and HASH (where there is one, its algorithm chosen once per session) to verify, the time (MFMT, SITE UTIME, or vsftpd's MDTM with a
 * time, read back only once per session), RNFR + RNTO.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { TransferQueue } from '../../main/transfers/transfer-queue';
import { useFleet, type ServerName } from '../servers/fleet';
import { commandsSent, openSession, testBytes } from '../ftps/support';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-commands-per-file-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const FILES = ['f1', 'f2', 'f3', 'f4'];

/** The verb of each command, with a time argument shown as `<time>` (MDTM and MFMT carry one). */
function verbs(commands: readonly string[]): string[] {
  return commands.map((c) => {
    const [verb = '', first = ''] = c.split(' ');
    return /^\d{14}$/.test(first) ? `${verb} <time>` : verb;
  });
}

/** The commands sent from the first command naming `file` on, up to the first naming the next file. */
function commandsOfFile(commands: readonly string[], file: string, next: string | null): string[] {
  const names = (c: string, f: string) => new RegExp(`/${f}(\\.wharf-part)?$`).test(c);
  const start = commands.findIndex((c) => names(c, file));
  // EPSV names no file: it belongs to the transfer command right after it.
  const from = commands[start - 1] === 'EPSV' ? start - 1 : start;
  const nextAt = next === null ? commands.length : commands.findIndex((c) => names(c, next));
  const to = commands[nextAt - 1] === 'EPSV' ? nextAt - 1 : nextAt;
  return commands.slice(from, to);
}

const EXPECTED: Record<string, { download: string[]; upload: string[] }> = {
  'vsftpd-explicit': {
    download: ['MDTM', 'EPSV', 'RETR'],
    upload: ['EPSV', 'STOR', 'SIZE', 'MDTM <time>', 'RNFR', 'RNTO'],
  },
  'proftpd-explicit': {
    download: ['EPSV', 'RETR', 'HASH'],
    upload: ['EPSV', 'STOR', 'SIZE', 'HASH', 'MFMT <time>', 'RNFR', 'RNTO'],
  },
  'pureftpd-explicit': {
    download: ['EPSV', 'RETR'],
    upload: ['EPSV', 'STOR', 'SIZE', 'MFMT <time>', 'RNFR', 'RNTO'],
  },
};

describe('control commands per small file, on one connection', () => {
  for (const [name, expected] of Object.entries(EXPECTED) as [ServerName, { download: string[]; upload: string[] }][]) {
    test(`${name}: upload ${expected.upload.join(' ')}; download ${expected.download.join(' ')}`, async () => {
      const server = fleet.servers[name];
      const log: LogLine[] = [];
      const queue = await TransferQueue.open({
        openSession: async () => (await openSession(fleet, server, { onLog: (line) => log.push(line) })).session,
        stateFile: null,
        defaultOverwrite: 'overwrite',
        defaultConcurrency: 1,
        retry: { baseDelayMs: 50, maxDelayMs: 200, tooManyConnectionsDelayMs: 100 },
      });
      const source = join(work, unique('up'));
      mkdirSync(source);
      for (const [i, file] of FILES.entries()) writeFileSync(join(source, file), testBytes(4096, i + 1));
      const remote = `/${unique('files')}`;
      const { session: browse } = await openSession(fleet, server);
      try {
        await queue.add({ direction: 'upload', siteKey: name, localPath: source, remotePath: remote, kind: 'directory', uploadViaTemporaryName: true });
        await queue.whenSettled();
        const uploaded = commandsSent(log);
        log.length = 0;
        await queue.add({ direction: 'download', siteKey: name, localPath: join(work, unique('down')), remotePath: remote, kind: 'directory', listingSession: browse });
        await queue.whenSettled();
        const downloaded = commandsSent(log);
        assert.ok(queue.getSnapshot().items.every((item) => item.state === 'done'));

        const order = (commands: string[]) => FILES.filter((f) => commands.some((c) => c.endsWith(`/${f}`))).sort((a, b) => commands.findIndex((c) => c.includes(`/${a}`)) - commands.findIndex((c) => c.includes(`/${b}`)));
        for (const [direction, commands] of [['upload', uploaded], ['download', downloaded]] as const) {
          const files = order(commands);
          assert.equal(files.length, FILES.length, commands.join(' | '));
          // The first file also pays the session's one-time probes; every later one only its own commands.
          for (let i = 1; i < files.length; i++) {
            const own = verbs(commandsOfFile(commands, files[i] as string, files[i + 1] ?? null));
            assert.deepEqual(own, expected[direction], `${direction} of ${files[i]}: ${commands.join(' | ')}`);
          }
        }
      } finally {
        await queue.stop();
        await browse.close();
      }
    });
  }
});
