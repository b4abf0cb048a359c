/** System users: one per server, shared by every fleet on the machine. */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { passwordFor } from './specs';
import { run } from './shell';

export interface UserIds { uid: number; gid: number; }

function readPasswd(): Map<string, { uid: number; gid: number; home: string }> {
  const users = new Map<string, { uid: number; gid: number; home: string }>();
  for (const line of readFileSync('/etc/passwd', 'utf8').split('\n')) {
    const f = line.split(':');
    if (f.length >= 7) users.set(f[0] as string, { uid: Number(f[2]), gid: Number(f[3]), home: f[5] as string });
  }
  return users;
}

/** useradd/usermod/chpasswd take a lock on /etc/passwd; another fleet starting at the same moment may hold it. */
async function runWithLockRetry(cmd: string, args: string[], input?: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await run(cmd, args, input === undefined ? {} : { input });
      return;
    } catch (err) {
      if (attempt >= 20 || !/lock/i.test(String(err))) throw err;
      await delay(100);
    }
  }
}

/**
 * The passwd home of every test user: a root-owned empty directory that no fleet ever deletes.
 *
 * Not the FTP root on purpose. The users are shared by every fleet on the machine (a test file run alone starts
 * its own fleet while `npm test` runs another), so a home pointing into one fleet's workDir breaks the others
 * when that workDir is deleted: vsftpd chdir()s to the passwd home before local_root and answers
 * "500 OOPS: cannot change directory:<home>" if it is gone. The FTP root comes from each server's config
 * instead (vsftpd local_root, proftpd DefaultRoot, pure-ftpd's own user database).
 */
function stableHome(): string {
  const dir = join(tmpdir(), 'wharf-ftp-test-home');
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  return dir;
}

/** A system login with this password (created if missing), for test programs that check logins against the system, such as dante. */
export async function ensureSystemLogin(user: string, password: string): Promise<void> {
  if (!readPasswd().has(user)) {
    try {
      await runWithLockRetry('useradd', ['-M', '-d', stableHome(), '-s', '/usr/sbin/nologin', '-U', '-c', 'Wharf test login', user]);
    } catch (err) {
      if (!readPasswd().has(user)) throw err;
    }
  }
  await runWithLockRetry('chpasswd', [], `${user}:${password}\n`);
}

/**
 * Creates the users that are missing (`useradd -M -d HOME -s /usr/sbin/nologin`), repoints a user whose home is
 * not the stable one, and (re)sets every password. Users are reused across runs and never deleted.
 */
export async function ensureUsers(users: string[]): Promise<Map<string, UserIds>> {
  const home = stableHome();
  const existing = readPasswd();
  for (const user of users) {
    const known = existing.get(user);
    if (!known) {
      try {
        await runWithLockRetry('useradd', ['-M', '-d', home, '-s', '/usr/sbin/nologin', '-U', '-c', 'Wharf FTP test user', user]);
      } catch (err) {
        // Another fleet may have created it a moment ago.
        if (!readPasswd().has(user)) throw err;
      }
    } else if (known.home !== home) {
      try {
        await runWithLockRetry('usermod', ['-d', home, user]);
      } catch (err) {
        // Only the existence of the passwd home matters (see stableHome).
        if (!existsSync(known.home)) throw err;
      }
    }
  }
  await runWithLockRetry('chpasswd', [], users.map((user) => `${user}:${passwordFor(user)}\n`).join(''));
  const after = readPasswd();
  const ids = new Map<string, UserIds>();
  for (const user of users) {
    const entry = after.get(user);
    if (!entry) throw new Error(`fleet: user ${user} missing after useradd`);
    ids.set(user, { uid: entry.uid, gid: entry.gid });
  }
  return ids;
}
