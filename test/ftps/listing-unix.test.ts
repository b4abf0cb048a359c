/** Unix `ls -l` listings (main/ftps/listing-unix.ts) as vsftpd, proftpd, pure-ftpd and others print them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseListing } from '../../main/ftps/listing';
import { entry, NOW, parseCase, type Case } from './listing-support';

// Table-driven after basic-ftp's test/parseListSpec.js. Lines are shaped the way each server prints
// them (vsftpd ls.c: links padded to 4, ids to 8, size to 8; proftpd mod_ls; pure-ftpd; IIS).

const unixCases: readonly Case[] = [
  {
    title: 'vsftpd with numeric ids (its default) lists a file, a folder and skips . and ..',
    list: [
      'drwxr-xr-x    3 1000     1000         4096 Jun 10 14:22 .',
      'drwxr-xr-x    5 0        0            4096 Jan 05  2023 ..',
      '-rw-r--r--    1 1000     1000         1234 Jun 10 14:22 file.txt',
      'drwxr-xr-x    2 1000     1000         4096 Jun 01 09:05 sub',
    ].join('\r\n'),
    exp: [
      entry({ name: 'file.txt', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: '1000', group: '1000' }),
      entry({ name: 'sub', type: 'directory', size: 4096, modifiedAt: '2024-06-01T09:05:00.000Z', permissions: 'rwxr-xr-x', owner: '1000', group: '1000' }),
    ],
  },
  {
    title: 'vsftpd prints an old file with its year, two spaces before it',
    list: '-rw-------    1 1001     1001          487 Feb 25  2019 package.json',
    exp: [entry({ name: 'package.json', size: 487, modifiedAt: '2019-02-25T00:00:00.000Z', permissions: 'rw-------', owner: '1001', group: '1001' })],
  },
  {
    title: 'vsftpd symlink keeps its target',
    list: 'lrwxrwxrwx    1 0        0               7 Jan 05  2023 current -> v1.2.3',
    exp: [entry({ name: 'current', type: 'symlink', size: 7, modifiedAt: '2023-01-05T00:00:00.000Z', permissions: 'rwxrwxrwx', owner: '0', group: '0', linkTarget: 'v1.2.3' })],
  },
  {
    title: 'vsftpd with hide_ids shows ftp as owner and group',
    list: '-rw-r--r--    1 ftp      ftp        104857 Mar 03 08:00 backup.tar.gz',
    exp: [entry({ name: 'backup.tar.gz', size: 104857, modifiedAt: '2024-03-03T08:00:00.000Z', permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' })],
  },
  {
    title: 'proftpd pads the day with a space and uses names',
    list: 'total 16\r\n-rw-r--r--   1 alice    users        1234 Jun  2 14:22 report 2024.pdf\r\ndrwxr-x---   2 alice    users        4096 Mar  4  2022 archive\r\n',
    exp: [
      entry({ name: 'report 2024.pdf', size: 1234, modifiedAt: '2024-06-02T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'alice', group: 'users' }),
      entry({ name: 'archive', type: 'directory', size: 4096, modifiedAt: '2022-03-04T00:00:00.000Z', permissions: 'rwxr-x---', owner: 'alice', group: 'users' }),
    ],
  },
  {
    title: 'pure-ftpd wide columns and a file over 4 GiB',
    list: '-rw-r--r--    1 alice      users      5368709120 Apr 30 23:59 disk.img',
    exp: [entry({ name: 'disk.img', size: 5368709120, modifiedAt: '2024-04-30T23:59:00.000Z', permissions: 'rw-r--r--', owner: 'alice', group: 'users' })],
  },
  {
    title: 'FileZilla Server (Windows) imitates ls with single spaces',
    list: 'drwxr-xr-x 1 ftp ftp              0 Jun 14 18:00 Uploads\r\n-rw-r--r-- 1 ftp ftp             42 Jun 14 18:01 readme.txt',
    exp: [
      entry({ name: 'Uploads', type: 'directory', modifiedAt: '2024-06-14T18:00:00.000Z', permissions: 'rwxr-xr-x', owner: 'ftp', group: 'ftp' }),
      entry({ name: 'readme.txt', size: 42, modifiedAt: '2024-06-14T18:01:00.000Z', permissions: 'rw-r--r--', owner: 'ftp', group: 'ftp' }),
    ],
  },
  {
    title: 'busybox ftpd lists numeric ids',
    list: '-rw-r--r--    1 0        0             1234 Jun 10 14:22 log.txt',
    exp: [entry({ name: 'log.txt', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: '0', group: '0' })],
  },
  {
    title: 'a server without a group column (numeric owner)',
    list: '-rw-r--r--   1 1001          487 Feb 25 19:03 package.json',
    exp: [entry({ name: 'package.json', size: 487, modifiedAt: '2024-02-25T19:03:00.000Z', permissions: 'rw-r--r--', owner: '1001' })],
  },
  {
    title: 'a server without a group column (named owner)',
    list: '-rw-r--r--   1 root         1234 Jun 10 14:22 file',
    exp: [entry({ name: 'file', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root' })],
  },
  {
    title: 'a server without a link count',
    list: '-rw-r--r-- owner group 1234 Jun 10 14:22 file',
    exp: [entry({ name: 'file', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'owner', group: 'group' })],
  },
  {
    title: 'a server without owner and group',
    list: 'drwxr-xr-x   2        4096 Jun 10 14:22 only-links',
    exp: [entry({ name: 'only-links', type: 'directory', size: 4096, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxr-xr-x' })],
  },
  {
    title: 'character device with major, minor instead of a size is unknown, size 0',
    list: 'crw-rw-rw-   1 root     root       1,   3 Jan  5  2023 null',
    exp: [entry({ name: 'null', type: 'unknown', modifiedAt: '2023-01-05T00:00:00.000Z', permissions: 'rw-rw-rw-', owner: 'root', group: 'root' })],
  },
  {
    title: 'block device with major,minor in one token',
    list: 'brw-rw----   1 root     disk       8,0 Jun 12 07:00 sda',
    exp: [entry({ name: 'sda', type: 'unknown', modifiedAt: '2024-06-12T07:00:00.000Z', permissions: 'rw-rw----', owner: 'root', group: 'disk' })],
  },
  {
    title: 'named pipe and socket are unknown',
    list: 'prw-r--r--   1 root root 0 Jun 12 07:00 fifo\r\nsrwxrwxrwx   1 root root 0 Jun 12 07:00 sock',
    exp: [
      entry({ name: 'fifo', type: 'unknown', modifiedAt: '2024-06-12T07:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'sock', type: 'unknown', modifiedAt: '2024-06-12T07:00:00.000Z', permissions: 'rwxrwxrwx', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'names with inner, leading and trailing spaces are kept exactly',
    list: [
      '-rw-r--r--   1 root root 12 Jun 10 14:22 two  spaces',
      '-rw-r--r--   1 root root 12 Jun 10 14:22  leading',
      '-rw-r--r--   1 root root 12 Jun 10 14:22 trailing  ',
      '-rw-r--r--   1 root root 12 Jan  5  2023   year then leading',
    ].join('\n'),
    exp: [
      entry({ name: 'two  spaces', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: ' leading', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'trailing  ', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: '  year then leading', size: 12, modifiedAt: '2023-01-05T00:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'a name that itself looks like a size and a date',
    list: '-rw-r--r-- 1 root root 12 Jun 10 14:22 99 Jan 1 2020 notes',
    exp: [entry({ name: '99 Jan 1 2020 notes', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'an owner called Jan is not mistaken for a month',
    list: '-rw-r--r-- 1 jan staff 12 Jun 10 14:22 cv.pdf',
    exp: [entry({ name: 'cv.pdf', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'jan', group: 'staff' })],
  },
  {
    title: 'a symlink whose target has spaces and arrows splits at the first arrow',
    list: 'lrwxrwxrwx 1 root root 20 Jun 10 14:22 my link -> ../a b -> c',
    exp: [entry({ name: 'my link', type: 'symlink', size: 20, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxrwxrwx', owner: 'root', group: 'root', linkTarget: '../a b -> c' })],
  },
  {
    title: 'a symlink without an arrow (server hides targets) has no target',
    list: 'lrwxrwxrwx 1 root root 20 Jun 10 14:22 hidden-target',
    exp: [entry({ name: 'hidden-target', type: 'symlink', size: 20, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxrwxrwx', owner: 'root', group: 'root' })],
  },
  {
    title: 'an arrow in a regular file name is part of the name',
    list: '-rw-r--r-- 1 root root 1 Jun 10 14:22 a -> b.txt',
    exp: [entry({ name: 'a -> b.txt', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'ACL marks after the permissions: + (POSIX ACL), . (SELinux), @ (macOS)',
    list: [
      '-rw-r--r--+  1 patrick  staff   1057 Dec 11  2023 acl.txt',
      '-rw-r--r--.  1 root     root      10 Jun 10 14:22 selinux.txt',
      'drwxr-xr-x@  5 patrick  staff    170 Jun 10 14:22 xattr',
    ].join('\n'),
    exp: [
      entry({ name: 'acl.txt', size: 1057, modifiedAt: '2023-12-11T00:00:00.000Z', permissions: 'rw-r--r--', owner: 'patrick', group: 'staff' }),
      entry({ name: 'selinux.txt', size: 10, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'xattr', type: 'directory', size: 170, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxr-xr-x', owner: 'patrick', group: 'staff' }),
    ],
  },
  {
    title: 'setuid, setgid and sticky letters are kept',
    list: '-rwsr-xr-x 1 root root 1 Jun 10 14:22 su\r\n-rwSr-Sr-T 1 root root 1 Jun 10 14:22 odd\r\ndrwxrwxrwt 1 root root 1 Jun 10 14:22 tmp',
    exp: [
      entry({ name: 'su', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwsr-xr-x', owner: 'root', group: 'root' }),
      entry({ name: 'odd', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwSr-Sr-T', owner: 'root', group: 'root' }),
      entry({ name: 'tmp', type: 'directory', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxrwxrwt', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'a server printing eight permission letters (basic-ftp issue 193)',
    list: 'drw-r--rw   1     root     root         0 Apr 21 19:31 Directory1',
    exp: [entry({ name: 'Directory1', type: 'directory', modifiedAt: '2024-04-21T19:31:00.000Z', permissions: 'rw-r--rw-', owner: 'root', group: 'root' })],
  },
  {
    title: 'ls -i and ls -s numbers before the type letter, and leading blanks',
    list: '  1234567 -rw-r--r-- 1 root root 12 Jun 10 14:22 inode\r\n 8 4 -rw-r--r-- 1 root root 12 Jun 10 14:22 inode-and-blocks\r\n    -rw-r--r-- 1 root root 12 Jun 10 14:22 indented',
    exp: [
      entry({ name: 'inode', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'inode-and-blocks', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'indented', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'long-iso dates (ls --time-style=long-iso)',
    list: '-rw-r--r-- 1 root root 1234 2024-05-01 13:45 iso.txt',
    exp: [entry({ name: 'iso.txt', size: 1234, modifiedAt: '2024-05-01T13:45:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'full-iso dates carry their own zone, which wins over the site offset',
    list: '-rw-r--r-- 1 root root 1234 2024-05-01 13:45:30.123456789 +0200 full.txt',
    offset: -300,
    exp: [entry({ name: 'full.txt', size: 1234, modifiedAt: '2024-05-01T11:45:30.123Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'day before month (some European locales)',
    list: '-rw-r--r-- 1 root root 1234 10 Jun 14:22 de.txt\r\n-rw-r--r-- 1 root root 1234 3 Mar  2021 old.txt',
    exp: [
      entry({ name: 'de.txt', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'old.txt', size: 1234, modifiedAt: '2021-03-03T00:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'German and French month names; an unknown one keeps the entry with no date',
    list: '-rw-r--r-- 1 root root 1 Mär 10  2023 maerz\r\n-rw-r--r-- 1 root root 1 déc. 24  2022 noel\r\n-rw-r--r-- 1 root root 1 sty 10  2023 polish',
    exp: [
      entry({ name: 'maerz', size: 1, modifiedAt: '2023-03-10T00:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'noel', size: 1, modifiedAt: '2022-12-24T00:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'polish', size: 1, permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'a time of day more than six months ahead of now is last year',
    list: '-rw-r--r-- 1 root root 1 Dec 20 10:00 december\r\n-rw-r--r-- 1 root root 1 Jun 20 10:00 five-days-ahead\r\n-rw-r--r-- 1 root root 1 Jan  2 10:00 january',
    exp: [
      entry({ name: 'december', size: 1, modifiedAt: '2023-12-20T10:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'five-days-ahead', size: 1, modifiedAt: '2024-06-20T10:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'january', size: 1, modifiedAt: '2024-01-02T10:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'the year is resolved in the server\'s time zone around New Year',
    // 23:30 UTC on 31 Dec is already 1 Jan 00:30 on a server one hour ahead.
    now: new Date('2023-12-31T23:30:00Z'),
    offset: 60,
    list: '-rw-r--r-- 1 root root 1 Jan  1 00:10 new-year\r\n-rw-r--r-- 1 root root 1 Dec 31 23:50 old-year',
    exp: [
      entry({ name: 'new-year', size: 1, modifiedAt: '2023-12-31T23:10:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'old-year', size: 1, modifiedAt: '2023-12-31T22:50:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'Feb 29 of a leap year',
    now: new Date('2024-03-10T00:00:00Z'),
    list: '-rw-r--r-- 1 root root 1 Feb 29 12:00 leap',
    exp: [entry({ name: 'leap', size: 1, modifiedAt: '2024-02-29T12:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'the site offset shifts server-local times to UTC (server on CEST, +120)',
    offset: 120,
    list: '-rw-r--r-- 1 root root 1 Jun 10 14:22 local\r\n-rw-r--r-- 1 root root 1 Jan  5  2023 midnight',
    exp: [
      entry({ name: 'local', size: 1, modifiedAt: '2024-06-10T12:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'midnight', size: 1, modifiedAt: '2023-01-04T22:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'a negative offset (server on EST, -300)',
    offset: -300,
    list: '-rw-r--r-- 1 root root 1 Jun 10 22:00 evening',
    exp: [entry({ name: 'evening', size: 1, modifiedAt: '2024-06-11T03:00:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'an impossible date keeps the entry with no date',
    list: '-rw-r--r-- 1 root root 1 Feb 31  2023 nope\r\n-rw-r--r-- 1 root root 1 Jun 10 25:61 bad-clock',
    exp: [
      entry({ name: 'nope', size: 1, permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'bad-clock', size: 1, permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'total lines (also GNU ls in German), blank lines and bare LF endings',
    list: 'total 112\n\ninsgesamt 8\n   \n-rw-r--r-- 1 root root 1 Jun 10 14:22 only\n\n',
    exp: [entry({ name: 'only', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'unreadable lines are skipped, the rest kept',
    list: 'garbage line\r\n-rw-r--r-- 1 root root 1 Jun 10 14:22 good\r\nxrw-r--r-- 1 root root 1 Jun 10 14:22 bad-type\r\n-rw-r--r-- 1 root root 1 Jun 10 14:22',
    exp: [entry({ name: 'good', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'a line with a bare CR inside is skipped: its name cannot be trusted',
    list: '-rw-r--r-- 1 root root 1 Jun 10 14:22 evil\rname\r\n-rw-r--r-- 1 root root 1 Jun 10 14:22 fine',
    exp: [entry({ name: 'fine', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'hostile names are parsed as they are, for the name checks to report',
    list: '-rw-r--r-- 1 root root 1 Jun 10 14:22 ../../etc/passwd\r\n-rw-r--r-- 1 root root 1 Jun 10 14:22 a\\b',
    exp: [
      entry({ name: '../../etc/passwd', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
      entry({ name: 'a\\b', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' }),
    ],
  },
  {
    title: 'an absurd size (more digits than any disk) becomes 0 instead of Infinity',
    list: `-rw-r--r-- 1 root root ${'9'.repeat(400)} Jun 10 14:22 huge`,
    exp: [entry({ name: 'huge', modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'a tab between fields (some embedded servers)',
    list: '-rw-r--r--\t1\troot\troot\t12\tJun 10 14:22 tabbed',
    exp: [entry({ name: 'tabbed', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
  {
    title: 'names in UTF-8 scripts',
    list: '-rw-r--r-- 1 root root 3 Jun 10 14:22 résumé 履歴書.txt',
    exp: [entry({ name: 'résumé 履歴書.txt', size: 3, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'root', group: 'root' })],
  },
];

for (const c of unixCases) test(`Unix: ${c.title}`, () => assert.deepEqual(parseCase(c), c.exp));

test('a Unix listing parses the same with format "list" and without a format', () => {
  for (const c of unixCases) {
    if (c.format !== undefined) continue;
    assert.deepEqual(parseListing(c.list, { format: 'list', timezoneOffsetMinutes: c.offset ?? 0, now: c.now ?? NOW }), c.exp, c.title);
  }
});
