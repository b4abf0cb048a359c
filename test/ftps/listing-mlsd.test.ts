/** MLSD listings and MLST fact lines (RFC 3659, main/ftps/listing-mlsd.ts) as proftpd, pure-ftpd and others send them. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMlsdListing, parseMlstFacts } from '../../main/ftps/listing';
import { entry, parseCase, type Case } from './listing-support';

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

for (const c of mlsdCases) test(`MLSD: ${c.title}`, () => assert.deepEqual(parseCase(c), c.exp));

test('the MLSD listing parser resolves symlinks the same as parseListing', () => {
  const text = 'type=OS.unix=symlink;unique=9; l\r\ntype=dir;unique=9; /elsewhere';
  assert.deepEqual(parseMlsdListing(text), [entry({ name: 'l', type: 'symlink', linkTarget: '/elsewhere' })]);
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
