/** pure-ftpd's user database (its config is its command line, in prepare.ts). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { passwordFor, serversDir } from './specs';
import { run } from './shell';
import { type UserIds } from './users';
import { type Layout } from './work-dir';

/**
 * pure-ftpd reads its user from its own database (same system uid/gid, home = this run's root), so its root
 * does not depend on /etc/passwd either. The password is a SHA-512 crypt(3) hash: cheap to check per login.
 */
export async function writePureDb(layout: Layout, user: string, ids: UserIds, root: string): Promise<string> {
  const passwdFile = join(layout.conf, 'pureftpd.passwd');
  const pdb = join(layout.conf, 'pureftpd.pdb');
  const hash = (await run('openssl', ['passwd', '-6', '-stdin'], { input: `${passwordFor(user)}\n` })).stdout.trim();
  // account:password:uid:gid:gecos:home (with /./ = chroot there):... (pure-pw's 18 fields)
  const fields = [user, hash, String(ids.uid), String(ids.gid), '', `${root}/./`, '', '', '', '', '', '', '', '', '', '', '', ''];
  writeFileSync(passwdFile, `${fields.join(':')}\n`, { mode: 0o600 });
  await run(join(serversDir(), 'pure-ftpd/usr/bin/pure-pw'), ['mkdb', pdb, '-f', passwdFile]);
  return pdb;
}
