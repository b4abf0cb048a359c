/** DOS/IIS listings (main/ftps/listing-dos.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entry, parseCase, type Case } from './listing-support';

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

for (const c of dosCases) test(`DOS/IIS: ${c.title}`, () => assert.deepEqual(parseCase(c), c.exp));
