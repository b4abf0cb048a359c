/** The fleet's working directory: claimed by one fleet at a time, and its layout. */
import { chmodSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

export interface Layout { workDir: string; certs: string; homes: string; conf: string; logs: string; empty: string; }

/** workDirs claimed by fleets of this process. */
const claimedDirs = new Set<string>();

/**
 * Writes workDir/fleet.pid, refusing a workDir whose fleet is still running: starting would wipe the homes and
 * configs under a live fleet (two `npm test` runs in one checkout, say). A pid file of a dead process is stale.
 */
export function claimWorkDir(abs: string): void {
  mkdirSync(abs, { recursive: true });
  const lockFile = join(abs, 'fleet.pid');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(lockFile, `${process.pid}\n`, { flag: 'wx' });
      claimedDirs.add(abs);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(readFileSync(lockFile, 'utf8').trim());
    let alive: boolean;
    if (owner === process.pid) {
      alive = claimedDirs.has(abs);
    } else {
      try {
        process.kill(owner, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) throw new Error(`fleet: ${abs} is in use by the fleet of process ${owner}; stop that fleet or use another workDir`);
    rmSync(lockFile, { force: true });
  }
  throw new Error(`fleet: could not claim ${abs}`);
}

export function releaseWorkDir(abs: string): void {
  claimedDirs.delete(abs);
  rmSync(join(abs, 'fleet.pid'), { force: true });
}

export function makeLayout(workDir: string): Layout {
  const abs = resolve(workDir);
  const layout: Layout = {
    workDir: abs, certs: join(abs, 'certs'), homes: join(abs, 'homes'), conf: join(abs, 'conf'), logs: join(abs, 'logs'), empty: join(abs, 'empty'),
  };
  mkdirSync(abs, { recursive: true });
  // vsftpd enters local_root as the FTP user: every directory above the roots must be searchable by others, or
  // each login fails with "500 OOPS: cannot change directory:<root>". workDir is ours to fix; its parents are not.
  chmodSync(abs, statSync(abs).mode | 0o111);
  for (let dir = dirname(abs); ; dir = dirname(dir)) {
    if ((statSync(dir).mode & 0o001) === 0) {
      throw new Error(`fleet: ${dir} is not searchable by other users (mode ${(statSync(dir).mode & 0o777).toString(8)}): the FTP users cannot reach their roots under ${abs}; chmod o+x it or use another workDir`);
    }
    if (dir === dirname(dir)) break;
  }
  // Only what the fleet owns is wiped: workDir itself may hold other things.
  for (const dir of [layout.certs, layout.homes, layout.conf, layout.logs, layout.empty]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir);
    chmodSync(dir, 0o755); // whatever the umask
  }
  return layout;
}
