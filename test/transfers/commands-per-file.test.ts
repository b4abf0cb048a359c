/**
 * Control round trips per small file, read from the command log against the real servers (commands sent together
 * before a reply was read are one): on a real link each costs 20-150 ms, more than all the CPU a file costs. A folder of files goes up and comes back down on
 * one connection; what each file costs is the commands after the session's first file (login, FEAT, the first
 * folder and the one-time probes are the session's, not the file's).
 *
 * Expected per file: a download is EPSV + RETR (the size from the listing), plus MDTM where the listing is LIST
 * (vsftpd: its times are local and to the minute), sent with the EPSV in one round trip, plus HASH where the server has one (proftpd) to verify. An upload is EPSV +
 * STOR to the temporary name, SIZE and HASH (where there is one, its algorithm chosen once per session) to verify, the time (MFMT, SITE UTIME, or vsftpd's MDTM with a
 * time, read back only once per session), RNFR + RNTO; the time and the rename in one round trip, in one write with
 * the next file's EPSV and STOR where a next file follows on the connection. Where the size alone verifies (no
 * HASH), the SIZE too goes in one write with the next file's EPSV and STOR, and the time and rename, once the size
 * was read right, with the file after that: two round trips per file.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { LogLine } from '../../common/models';
import { useFleet, type ServerName } from '../servers/fleet';
import { commandsSent, openSession, testBytes } from '../ftps/support';
import { openLoggedQueue } from './logged-queue';
import { newServerKnowledge } from '../../main/ftps/server-knowledge';

const fleet = await useFleet();
const work = mkdtempSync(join(tmpdir(), 'wharf-commands-per-file-'));
after(() => rmSync(work, { recursive: true, force: true }));
let counter = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++counter}`;
const FILES = ['f1', 'f2', 'f3', 'f4', 'f5'];

/** The verb of a command, with a time argument shown as `<time>` (MDTM and MFMT carry one). */
function verb(command: string): string {
  const [name = '', first = ''] = command.split(' ');
  return /^\d{14}$/.test(first) ? `${name} <time>` : name;
}

/**
 * The commands of one file, grouped by round trip: the commands sent together before the next reply was read.
 * From the first command naming `file` on (with the EPSV right before it), up to the first naming the next file;
 * commands of the next file written together with the file's last ones are shown in its last round trip as `next X`.
 */
function roundTripsOfFile(log: readonly LogLine[], file: string, next: string | null): string[][] {
  const lines = log.filter((l) => l.direction === 'command' || l.direction === 'reply');
  const names = (l: LogLine, f: string) => l.direction === 'command' && new RegExp(`/${f}(\\.wharf-part)?$`).test(l.text);
  const startOf = (f: string) => {
    const at = lines.findIndex((l) => names(l, f));
    // EPSV names no file: it belongs to the transfer command after it (sent with it, or its reply in between).
    const epsv = [at - 1, at - 2].find((i) => lines[i]?.direction === 'command' && lines[i]?.text === 'EPSV');
    return epsv ?? at;
  };
  const end = next === null ? lines.length : startOf(next);
  const own = lines.slice(startOf(file), end);
  const trips: string[][] = [];
  let previous: LogLine['direction'] | null = null;
  for (const line of own) {
    if (line.direction === 'command') {
      if (previous !== 'command') trips.push([]);
      trips.at(-1)?.push(verb(line.text));
    }
    previous = line.direction;
  }
  for (let at = end; previous === 'command' && lines[at]?.direction === 'command'; at++) trips.at(-1)?.push(`next ${verb(lines[at]?.text ?? '')}`);
  return trips;
}

/**
 * Per server, each file's round trips: which commands go out together. EPSV goes with the transfer command
 * (once EPSV has worked in the session); SIZE with HASH (once OPTS HASH chose the algorithm). After a verified
 * size (and hash), the time and the rename go in one round trip, together with the next file's EPSV and STOR
 * (not for the last file): RNTO is never sent before the size is known to be right. Where the size alone verifies,
 * a file's write after its STOR carries the previous file's time and rename, its own SIZE and the next file's EPSV
 * and STOR (`upload`, from the third file on: the first two have no earlier rename to carry); the last file's SIZE
 * goes alone with the previous rename, then its own rename alone (`uploadLast`). The names are checked apart.
 */
const EXPECTED: Record<string, { download: string[][]; upload: string[][]; uploadLast?: string[][] }> = {
  'vsftpd-explicit': {
    download: [['MDTM', 'EPSV', 'RETR']],
    upload: [['EPSV', 'STOR'], ['MDTM <time>', 'RNFR', 'RNTO', 'SIZE', 'next EPSV', 'next STOR']],
    uploadLast: [['EPSV', 'STOR'], ['MDTM <time>', 'RNFR', 'RNTO', 'SIZE'], ['MDTM <time>', 'RNFR', 'RNTO']],
  },
  'proftpd-explicit': {
    download: [['EPSV', 'RETR'], ['HASH']],
    upload: [['EPSV', 'STOR'], ['SIZE', 'HASH'], ['MFMT <time>', 'RNFR', 'RNTO', 'next EPSV', 'next STOR']],
  },
  'pureftpd-explicit': {
    download: [['EPSV', 'RETR']],
    upload: [['EPSV', 'STOR'], ['MFMT <time>', 'RNFR', 'RNTO', 'SIZE', 'next EPSV', 'next STOR']],
    uploadLast: [['EPSV', 'STOR'], ['MFMT <time>', 'RNFR', 'RNTO', 'SIZE'], ['MFMT <time>', 'RNFR', 'RNTO']],
  },
};

const described = (trips: string[][]) => trips.map((trip) => trip.join('+')).join(' ');

/**
 * Each file's SIZE (of its temporary name) comes after its STOR, and its RNFR after that SIZE's reply was read: in a
 * later write (a command before it in the log that is a reply), never in the same one.
 */
function assertSizeBeforeRename(log: readonly LogLine[], remote: string): void {
  const lines = log.filter((l) => l.direction === 'command' || l.direction === 'reply');
  const at = (text: string) => lines.findIndex((l) => l.direction === 'command' && l.text === text);
  for (const file of FILES) {
    const temporary = `${remote}/${file}.wharf-part`;
    const [stored, size, rename] = [at(`STOR ${temporary}`), at(`SIZE ${temporary}`), at(`RNFR ${temporary}`)];
    const shown = commandsSent(log).join(' | ');
    assert.ok(stored >= 0 && size > stored && rename > size, `${file}: STOR, SIZE, RNFR in that order: ${shown}`);
    assert.ok(lines.slice(size, rename).some((l) => l.direction === 'reply'), `${file}: RNFR in a later write than SIZE: ${shown}`);
  }
}

describe('control commands per small file, on one connection', () => {
  for (const [name, expected] of Object.entries(EXPECTED) as [ServerName, (typeof EXPECTED)[string]][]) {
    test(`${name}: upload ${described(expected.upload)}; download ${described(expected.download)}`, async () => {
      const server = fleet.servers[name];
      const log: LogLine[] = [];
      const queue = await openLoggedQueue(fleet, server, log);
      const source = join(work, unique('up'));
      mkdirSync(source);
      for (const [i, file] of FILES.entries()) writeFileSync(join(source, file), testBytes(4096, i + 1));
      const remote = `/${unique('files')}`;
      const { session: browse } = await openSession(fleet, server);
      try {
        await queue.add({ direction: 'upload', siteKey: name, localPath: source, remotePath: remote, kind: 'directory', uploadViaTemporaryName: true });
        await queue.whenSettled();
        const uploaded = [...log];
        log.length = 0;
        const target = join(work, unique('down'));
        await queue.add({ direction: 'download', siteKey: name, localPath: target, remotePath: remote, kind: 'directory', listingSession: browse });
        await queue.whenSettled();
        const downloaded = [...log];
        assert.ok(queue.getSnapshot().items.every((item) => item.state === 'done'));
        // The time asked with the transfer (vsftpd: MDTM beside EPSV) is the one the copy keeps, to the second.
        const seconds = (path: string) => Math.floor(statSync(path).mtimeMs / 1000);
        for (const file of FILES) assert.equal(seconds(join(target, file)), seconds(join(server.root, remote, file)), `${file} keeps the server's time`);

        const order = (commands: string[]) => FILES.filter((f) => commands.some((c) => c.endsWith(`/${f}`))).sort((a, b) => commands.findIndex((c) => c.includes(`/${a}`)) - commands.findIndex((c) => c.includes(`/${b}`)));
        for (const [direction, lines] of [['upload', uploaded], ['download', downloaded]] as const) {
          const commands = commandsSent(lines);
          const files = order(commands);
          assert.equal(files.length, FILES.length, commands.join(' | '));
          // The first file also pays the session's one-time probes; every later one only its own commands (an
          // upload verified by its size alone: from the third file on, see EXPECTED).
          const from = direction === 'upload' && expected.uploadLast ? 2 : 1;
          for (let i = from; i < files.length; i++) {
            const own = roundTripsOfFile(lines, files[i] as string, files[i + 1] ?? null);
            // The last file has no next one to share its last write with.
            const last = i === files.length - 1;
            const wanted = direction === 'upload' && last && expected.uploadLast
              ? expected.uploadLast
              : expected[direction].map((trip) => trip.filter((command) => !(last && command.startsWith('next '))));
            assert.deepEqual(own, wanted, `${direction} of ${files[i]}: ${commands.join(' | ')}`);
          }
          if (direction === 'upload' && expected.uploadLast) assertSizeBeforeRename(lines, remote);
        }
      } finally {
        await queue.stop();
        await browse.close();
      }
    });
  }
});

describe("a site's next connection pays nothing on its first file for what an earlier one learned", () => {
  for (const name of ['vsftpd-explicit', 'pureftpd-explicit'] as const) {
    test(`${name}: EPSV with STOR, the time trusted, from the first file`, async () => {
      const server = fleet.servers[name];
      const known = newServerKnowledge();
      const source = join(work, unique('known'));
      mkdirSync(source);
      for (const [i, file] of FILES.entries()) writeFileSync(join(source, file), testBytes(4096, i + 11));
      const remote = `/${unique('known')}`;
      // The first connection learns (EPSV works; vsftpd: an MDTM with a time sets it, read back once).
      const first = await openLoggedQueue(fleet, server, [], known);
      try {
        await first.add({ direction: 'upload', siteKey: name, localPath: join(source, 'f1'), remotePath: `${remote}/f1`, kind: 'file', uploadViaTemporaryName: true });
        await first.whenSettled();
      } finally {
        await first.stop();
      }
      assert.equal(known.passiveEpsvWorks, true);
      const log: LogLine[] = [];
      const second = await openLoggedQueue(fleet, server, log, known);
      try {
        for (const file of FILES.slice(1)) {
          await second.add({ direction: 'upload', siteKey: name, localPath: join(source, file), remotePath: `${remote}/${file}`, kind: 'file', uploadViaTemporaryName: true });
        }
        await second.whenSettled();
        assert.ok(second.getSnapshot().items.every((item) => item.state === 'done'));
      } finally {
        await second.stop();
      }
      const steady = EXPECTED[name]?.upload ?? [];
      // The second file on the new connection: the first carries no earlier rename where SIZE rides (see EXPECTED).
      assert.deepEqual(roundTripsOfFile(log, 'f3', 'f4'), steady, `the new connection's second file: ${commandsSent(log).join(' | ')}`);
    });
  }
});
