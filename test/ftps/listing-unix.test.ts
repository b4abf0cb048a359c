import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RemoteEntry } from '../../common/models';
import {
  parseDosLine,
  parseListing,
  parseMlsdLine,
  parseMlsdListing,
  parseMlstFacts,
  parseUnixLine,
} from '../../main/ftps/listing';

// Table-driven after basic-ftp's test/parseListSpec.js. Lines are shaped the way each server prints
// them (vsftpd ls.c: links padded to 4, ids to 8, size to 8; proftpd mod_ls; pure-ftpd; IIS).

const NOW = new Date('2024-06-15T12:00:00Z');

function entry(fields: Partial<RemoteEntry> & { name: string }): RemoteEntry {
  return {
    type: 'file',
    size: 0,
    modifiedAt: null,
    permissions: null,
    owner: null,
    group: null,
    linkTarget: null,
    ...fields,
  };
}

interface Case {
  readonly title: string;
  readonly list: string;
  readonly format?: 'mlsd' | 'list';
  readonly offset?: number;
  readonly now?: Date;
  readonly exp: readonly RemoteEntry[];
}

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

const dosCases: readonly Case[] = [
  {
    title: 'IIS with two-digit years and AM/PM',
    list: '12-05-96  05:03PM       <DIR>          myDir\r\n11-14-97  04:21PM                  953 MYFILE.INI\r\n',
    exp: [
      entry({ name: 'myDir', type: 'directory', modifiedAt: '1996-12-05T17:03:00.000Z' }),
      entry({ name: 'MYFILE.INI', size: 953, modifiedAt: '1997-11-14T16:21:00.000Z' }),
    ],
  },
  {
    title: 'IIS two-digit years after 2000, 12 AM is midnight and 12 PM noon',
    list: '01-16-20  12:04AM                 1024 midnight.log\r\n01-16-20  12:04PM                 1024 noon.log',
    exp: [
      entry({ name: 'midnight.log', size: 1024, modifiedAt: '2020-01-16T00:04:00.000Z' }),
      entry({ name: 'noon.log', size: 1024, modifiedAt: '2020-01-16T12:04:00.000Z' }),
    ],
  },
  {
    title: 'IIS with four-digit years',
    list: '01-16-2020  03:04PM       <DIR>          Program Files\r\n02-29-2024  11:59AM           1073741824 big.bin',
    exp: [
      entry({ name: 'Program Files', type: 'directory', modifiedAt: '2020-01-16T15:04:00.000Z' }),
      entry({ name: 'big.bin', size: 1073741824, modifiedAt: '2024-02-29T11:59:00.000Z' }),
    ],
  },
  {
    title: 'a 24-hour DOS variant',
    list: '06-10-2024  14:22       <DIR>          folder\r\n06-10-2024  09:05                 12 file.txt',
    exp: [
      entry({ name: 'folder', type: 'directory', modifiedAt: '2024-06-10T14:22:00.000Z' }),
      entry({ name: 'file.txt', size: 12, modifiedAt: '2024-06-10T09:05:00.000Z' }),
    ],
  },
  {
    title: 'a space before AM/PM, ISO dates and sizes with thousands separators',
    list: '06-10-24  02:22 PM       <DIR>          spaced\r\n2024-06-10  14:22   1,234,567 grouped.zip',
    exp: [
      entry({ name: 'spaced', type: 'directory', modifiedAt: '2024-06-10T14:22:00.000Z' }),
      entry({ name: 'grouped.zip', size: 1234567, modifiedAt: '2024-06-10T14:22:00.000Z' }),
    ],
  },
  {
    title: 'IIS names with spaces; leading spaces survive in the fixed IIS column',
    list: '06-10-24  02:22PM       <DIR>            two leading\r\n06-10-24  02:22PM                   12  one leading.txt\r\n06-10-24  02:22PM                   12 a  b.txt',
    exp: [
      entry({ name: '  two leading', type: 'directory', modifiedAt: '2024-06-10T14:22:00.000Z' }),
      entry({ name: ' one leading.txt', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z' }),
      entry({ name: 'a  b.txt', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z' }),
    ],
  },
  {
    title: 'DOS . and .. are dropped',
    list: '06-10-24  02:22PM       <DIR>          .\r\n06-10-24  02:22PM       <DIR>          ..\r\n06-10-24  02:22PM       <DIR>          real',
    exp: [entry({ name: 'real', type: 'directory', modifiedAt: '2024-06-10T14:22:00.000Z' })],
  },
  {
    title: 'DOS times are server-local and shifted by the site offset',
    offset: 60,
    list: '01-01-24  12:30AM                 5 new-year.txt',
    exp: [entry({ name: 'new-year.txt', size: 5, modifiedAt: '2023-12-31T23:30:00.000Z' })],
  },
  {
    title: 'a day-first date is recognised when the first number cannot be a month',
    list: '16-01-20  03:04PM                 5 european.txt',
    exp: [entry({ name: 'european.txt', size: 5, modifiedAt: '2020-01-16T15:04:00.000Z' })],
  },
];

const mlsdCases: readonly Case[] = [
  {
    title: 'proftpd facts: modify, perm, size, type, unique, UNIX.group(name), UNIX.mode, UNIX.owner(name)',
    format: 'mlsd',
    list: [
      'modify=20240610142200;perm=flcdmpe;type=cdir;unique=803U2;UNIX.group=1000;UNIX.groupname=users;UNIX.mode=0755;UNIX.owner=1000;UNIX.ownername=alice; .',
      'modify=20240610142200;perm=flcdmpe;type=pdir;unique=803U1;UNIX.group=0;UNIX.groupname=root;UNIX.mode=0755;UNIX.owner=0;UNIX.ownername=root; ..',
      'modify=20240610142200;perm=adfrw;size=1234;type=file;unique=803U1234;UNIX.group=1000;UNIX.groupname=users;UNIX.mode=0644;UNIX.owner=1000;UNIX.ownername=alice; report 2024.pdf',
      'modify=20240101000000;perm=flcdmpe;type=dir;unique=803U99;UNIX.group=1000;UNIX.groupname=users;UNIX.mode=02775;UNIX.owner=1000;UNIX.ownername=alice; shared',
    ].join('\r\n'),
    exp: [
      entry({ name: 'report 2024.pdf', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--', owner: 'alice', group: 'users' }),
      entry({ name: 'shared', type: 'directory', modifiedAt: '2024-01-01T00:00:00.000Z', permissions: 'rwxrwsr-x', owner: 'alice', group: 'users' }),
    ],
  },
  {
    title: 'pure-ftpd facts: sizd for folders, UNIX.uid and UNIX.gid',
    format: 'mlsd',
    list: [
      'type=cdir;sizd=4096;modify=20240610142200;UNIX.mode=0755;UNIX.uid=1000;UNIX.gid=1000;unique=803g2; .',
      'type=file;size=42;modify=20240610142200;UNIX.mode=0600;UNIX.uid=1000;UNIX.gid=100;unique=803g10; secret.key',
      'type=dir;sizd=4096;modify=20240609080000;UNIX.mode=0755;UNIX.uid=1000;UNIX.gid=100;unique=803g11; photos',
    ].join('\r\n'),
    exp: [
      entry({ name: 'secret.key', size: 42, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-------', owner: '1000', group: '100' }),
      entry({ name: 'photos', type: 'directory', size: 4096, modifiedAt: '2024-06-09T08:00:00.000Z', permissions: 'rwxr-xr-x', owner: '1000', group: '100' }),
    ],
  },
  {
    title: 'symlinks as OS.unix=slink:<target> (pure-ftpd, proftpd UseSlink), also with spaces and an empty target',
    format: 'mlsd',
    list: [
      'type=OS.unix=slink:/srv/data/v1;size=12;modify=20240610142200;UNIX.mode=0777; current',
      'modify=20240610142200;perm=adfrw;size=9;type=OS.unix=slink:../my docs;unique=803U5; docs',
      'type=OS.unix=slink:; dangling',
    ].join('\r\n'),
    exp: [
      entry({ name: 'current', type: 'symlink', size: 12, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxrwxrwx', linkTarget: '/srv/data/v1' }),
      entry({ name: 'docs', type: 'symlink', size: 9, modifiedAt: '2024-06-10T14:22:00.000Z', linkTarget: '../my docs' }),
      entry({ name: 'dangling', type: 'symlink' }),
    ],
  },
  {
    title: 'glFTPd spells it OS.Unix-slink',
    format: 'mlsd',
    list: 'type=OS.Unix-slink:/site/incoming;size=0;modify=20240610142200;UNIX.mode=0777;UNIX.owner=glftpd;UNIX.group=glftpd; incoming',
    exp: [entry({ name: 'incoming', type: 'symlink', modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rwxrwxrwx', owner: 'glftpd', group: 'glftpd', linkTarget: '/site/incoming' })],
  },
  {
    title: 'OS.unix=symlink takes its target from the entry with the same unique fact (RFC 3659 errata 1500)',
    format: 'mlsd',
    list: 'type=OS.unix=symlink;unique=1234; link\ntype=file;unique=1; other\ntype=file;unique=1234; /actual/target',
    exp: [
      entry({ name: 'link', type: 'symlink', linkTarget: '/actual/target' }),
      entry({ name: 'other' }),
    ],
  },
  {
    title: 'OS.unix=symlink with its target inside the folder keeps both',
    format: 'mlsd',
    list: 'type=OS.unix=symlink;unique=7; link\ntype=file;unique=7; target',
    exp: [
      entry({ name: 'link', type: 'symlink', linkTarget: 'target' }),
      entry({ name: 'target' }),
    ],
  },
  {
    title: 'a name with "/" that is not a symlink target is kept for the name checks',
    format: 'mlsd',
    list: 'type=file;size=1; ../../escape',
    exp: [entry({ name: '../../escape', size: 1 })],
  },
  {
    title: 'IIS and FileZilla Server: milliseconds, perm fact ignored as permissions',
    format: 'mlsd',
    list: 'type=file;size=24;modify=20250628164658.025;perm=rw; awesome.txt\r\ntype=dir;modify=20250628164658.5;perm=el; folder',
    exp: [
      entry({ name: 'awesome.txt', size: 24, modifiedAt: '2025-06-28T16:46:58.025Z' }),
      entry({ name: 'folder', type: 'directory', modifiedAt: '2025-06-28T16:46:58.500Z' }),
    ],
  },
  {
    title: 'fact names in any case, unknown facts ignored, unknown types unknown',
    format: 'mlsd',
    list: 'SiZe=11;tYpe=FILE;MoDIfy=20181025120459;uNIx.MOde=0755;x.custom=1;media-type=text/plain; file one\r\ntype=OS.unix=chr-1/3; null',
    exp: [
      entry({ name: 'file one', size: 11, modifiedAt: '2018-10-25T12:04:59.000Z', permissions: 'rwxr-xr-x' }),
      entry({ name: 'null', type: 'unknown' }),
    ],
  },
  {
    title: 'names keep leading and trailing spaces and may contain "; " and "="',
    format: 'mlsd',
    list: 'type=file;size=1;  leading\r\ntype=file;size=2; trailing \r\ntype=file;size=3; a; b=c.txt',
    exp: [
      entry({ name: ' leading', size: 1 }),
      entry({ name: 'trailing ', size: 2 }),
      entry({ name: 'a; b=c.txt', size: 3 }),
    ],
  },
  {
    title: 'a line with no facts is a bare name; a server that drops the final ";" still parses',
    format: 'mlsd',
    list: ' bare\r\ntype=file;size=5 no-final-semicolon',
    exp: [entry({ name: 'bare', type: 'unknown' }), entry({ name: 'no-final-semicolon', size: 5 })],
  },
  {
    title: 'malformed times and sizes become null and 0; the MLSD time ignores the site offset (UTC by RFC 3659)',
    format: 'mlsd',
    offset: 120,
    list: 'type=file;size=abc;modify=2024; bad\r\ntype=file;size=-1;modify=20240230120000; feb30\r\ntype=file;size=1;modify=20240610142200; utc',
    exp: [
      entry({ name: 'bad' }),
      entry({ name: 'feb30' }),
      entry({ name: 'utc', size: 1, modifiedAt: '2024-06-10T14:22:00.000Z' }),
    ],
  },
  {
    title: 'type=dir named . or .. is dropped too (basic-ftp issue 99)',
    format: 'mlsd',
    list: 'type=dir; .\r\ntype=dir; ..\r\ntype=dir; kept',
    exp: [entry({ name: 'kept', type: 'directory' })],
  },
  {
    title: 'an MLSD listing is recognised without a format',
    list: 'type=file;size=3;modify=20240610142200; auto.txt\r\n',
    exp: [entry({ name: 'auto.txt', size: 3, modifiedAt: '2024-06-10T14:22:00.000Z' })],
  },
  {
    title: 'UNIX.mode with setuid and sticky bits; a non-octal mode is ignored',
    format: 'mlsd',
    list: 'type=file;UNIX.mode=4755; su\r\ntype=dir;UNIX.mode=1777; tmp\r\ntype=file;UNIX.mode=0x1ff; hex',
    exp: [
      entry({ name: 'su', permissions: 'rwsr-xr-x' }),
      entry({ name: 'tmp', type: 'directory', permissions: 'rwxrwxrwt' }),
      entry({ name: 'hex' }),
    ],
  },
];

function run(c: Case): RemoteEntry[] {
  return parseListing(c.list, { format: c.format, timezoneOffsetMinutes: c.offset ?? 0, now: c.now ?? NOW });
}

for (const c of unixCases) test(`Unix: ${c.title}`, () => assert.deepEqual(run(c), c.exp));
for (const c of dosCases) test(`DOS/IIS: ${c.title}`, () => assert.deepEqual(run(c), c.exp));
for (const c of mlsdCases) test(`MLSD: ${c.title}`, () => assert.deepEqual(run(c), c.exp));

test('a Unix listing parses the same with format "list" and without a format', () => {
  for (const c of unixCases) {
    if (c.format !== undefined) continue;
    assert.deepEqual(parseListing(c.list, { format: 'list', timezoneOffsetMinutes: c.offset ?? 0, now: c.now ?? NOW }), c.exp, c.title);
  }
});

test('an empty listing, or one with only blanks and total, has no entries', () => {
  for (const text of ['', '  \r\n  \r\n      \r\n  ', '  \r\ntotal 0\r\n      \r\n  ']) {
    assert.deepEqual(parseListing(text, { timezoneOffsetMinutes: 0, now: NOW }), []);
    assert.deepEqual(parseListing(text, { format: 'mlsd', timezoneOffsetMinutes: 0, now: NOW }), []);
  }
});

test('unreadable lines are reported through onSkippedLine; ., .., cdir and total are not', () => {
  const skipped: string[] = [];
  const onSkippedLine = (line: string): void => void skipped.push(line);
  parseListing('total 4\r\ndrwxr-xr-x 2 a b 4096 Jun 10 14:22 .\r\nnot a listing line\r\n-rw-r--r-- 1 a b 1 Jun 10 14:22 ok', {
    format: 'list', timezoneOffsetMinutes: 0, now: NOW, onSkippedLine,
  });
  parseListing('type=cdir; .\r\nno-space-at-all\r\ntype=file; ', { format: 'mlsd', timezoneOffsetMinutes: 0, now: NOW, onSkippedLine });
  assert.deepEqual(skipped, ['not a listing line', 'no-space-at-all', 'type=file; ']);
});

test('the MLSD listing parser resolves symlinks the same as parseListing', () => {
  const text = 'type=OS.unix=symlink;unique=9; l\r\ntype=dir;unique=9; /elsewhere';
  assert.deepEqual(parseMlsdListing(text), [entry({ name: 'l', type: 'symlink', linkTarget: '/elsewhere' })]);
});

test('line parsers accept one trailing line ending and return null for . and ..', () => {
  const options = { timezoneOffsetMinutes: 0, now: NOW };
  assert.equal(parseUnixLine('-rw-r--r-- 1 a b 1 Jun 10 14:22 x\r\n', options)?.name, 'x');
  assert.equal(parseUnixLine('drwxr-xr-x 1 a b 1 Jun 10 14:22 ..', options), null);
  assert.equal(parseDosLine('06-10-24  02:22PM                   12 x.txt\n', options)?.name, 'x.txt');
  assert.equal(parseDosLine('06-10-24  02:22PM       <DIR>          .', options), null);
  assert.equal(parseMlsdLine('type=file;size=1; x\r')?.name, 'x');
  assert.equal(parseMlsdLine('type=pdir; ..'), null);
  assert.equal(parseMlsdLine('type=file;size=1; two\nlines'), null);
});

test('parseDosLine rejects Unix lines and parseUnixLine rejects DOS lines', () => {
  const options = { timezoneOffsetMinutes: 0, now: NOW };
  assert.equal(parseDosLine('-rw-r--r-- 1 a b 1 Jun 10 14:22 x', options), null);
  assert.equal(parseUnixLine('06-10-24  02:22PM       <DIR>          dir', options), null);
});

test('an invalid now or offset gives no date rather than throwing', () => {
  const entries = parseListing('-rw-r--r-- 1 a b 1 Jun 10 14:22 x\r\n-rw-r--r-- 1 a b 1 Jun 10  2020 y', {
    timezoneOffsetMinutes: Number.NaN,
    now: new Date(Number.NaN),
  });
  assert.deepEqual(entries.map((e) => e.modifiedAt), [null, '2020-06-10T00:00:00.000Z']);
  const huge = parseListing('-rw-r--r-- 1 a b 1 Jun 10  2020 z', { timezoneOffsetMinutes: 1e15, now: NOW });
  assert.equal(huge[0]?.modifiedAt, null);
});

interface MlstCase {
  readonly title: string;
  readonly line: string;
  readonly exp: ReturnType<typeof parseMlstFacts>;
}

const mlstCases: readonly MlstCase[] = [
  {
    title: 'proftpd MLST fact line with its leading space',
    line: ' modify=20240610142200;perm=adfrw;size=1234;type=file;unique=803U1234;UNIX.group=1000;UNIX.groupname=users;UNIX.mode=0644;UNIX.owner=1000;UNIX.ownername=alice; /home/alice/report 2024.pdf',
    exp: {
      pathname: '/home/alice/report 2024.pdf', type: 'file', size: 1234, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: 'rw-r--r--',
      owner: 'alice', group: 'users', linkTarget: null, perm: 'adfrw', unique: '803U1234',
    },
  },
  {
    title: 'pure-ftpd MLST of a folder (sizd), trimmed by the caller',
    line: 'type=dir;sizd=4096;modify=20240609080000;UNIX.mode=0755;UNIX.uid=1000;UNIX.gid=100;unique=803g11; /photos',
    exp: {
      pathname: '/photos', type: 'directory', size: 4096, modifiedAt: '2024-06-09T08:00:00.000Z', permissions: 'rwxr-xr-x',
      owner: '1000', group: '100', linkTarget: null, perm: null, unique: '803g11',
    },
  },
  {
    title: 'MLST . on proftpd answers type=cdir, which is a directory here',
    line: ' modify=20240610142200;perm=flcdmpe;type=cdir;unique=803U2; /home/alice',
    exp: {
      pathname: '/home/alice', type: 'directory', size: null, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: null,
      owner: null, group: null, linkTarget: null, perm: 'flcdmpe', unique: '803U2',
    },
  },
  {
    title: 'the whole multi-line 250 reply: the fact line is found',
    line: '250-Start of list for /pub/x\r\n type=file;size=12;modify=20240101120000.5; /pub/x\r\n250 End of list',
    exp: {
      pathname: '/pub/x', type: 'file', size: 12, modifiedAt: '2024-01-01T12:00:00.500Z', permissions: null,
      owner: null, group: null, linkTarget: null, perm: null, unique: null,
    },
  },
  {
    title: 'a symlink MLST',
    line: ' type=OS.unix=slink:/srv/v1;modify=20240610142200; /srv/current',
    exp: {
      pathname: '/srv/current', type: 'symlink', size: null, modifiedAt: '2024-06-10T14:22:00.000Z', permissions: null,
      owner: null, group: null, linkTarget: '/srv/v1', perm: null, unique: null,
    },
  },
];

for (const c of mlstCases) test(`MLST: ${c.title}`, () => assert.deepEqual(parseMlstFacts(c.line), c.exp));

test('MLST: lines without facts or without a path give null', () => {
  for (const line of ['', ' ', ' /no/facts', '250 Requested file action okay', 'type=file;size=1;', 'type=file; ', 'size=1; a\rb']) {
    assert.equal(parseMlstFacts(line), null, JSON.stringify(line));
  }
});
