// The benchmark's pure logic only: no servers, no timings (npm run bench measures; tests never do).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  correctness, formatMBps, formatRate, formatRatio, formatSeconds, formatSize, markdownTable, median, medianOfAll, medianOfGood, parseSize, ratio,
  type RunRecord,
} from './report';

test('sizes parse with binary units and print back', () => {
  assert.equal(parseSize('256M'), 256 * 1024 ** 2);
  assert.equal(parseSize('1G'), 1024 ** 3);
  assert.equal(parseSize('4k'), 4096);
  assert.equal(parseSize('64MiB'), 64 * 1024 ** 2);
  assert.equal(parseSize('1.5G'), 1.5 * 1024 ** 3);
  assert.equal(parseSize('4096'), 4096);
  assert.throws(() => parseSize('lots'), /not a size/);
  assert.throws(() => parseSize('0'), /more than 0/);
  assert.equal(formatSize(256 * 1024 ** 2), '256 MiB');
  assert.equal(formatSize(1024 ** 3), '1 GiB');
  assert.equal(formatSize(4096), '4 KiB');
  assert.equal(formatSize(1000), '1000 B');
});

test('median of odd and even counts, ignoring non-finite values', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(median([5, Number.NaN, Number.POSITIVE_INFINITY]), 5);
  assert.equal(median([]), null);
});

test('ratio is Wharf over the other client; missing or zero values give n/a', () => {
  assert.equal(ratio(2, 4), 0.5);
  assert.equal(formatRatio(ratio(3, 2)), '1.50×');
  assert.equal(ratio(null, 2), null);
  assert.equal(ratio(1, 0), null);
  assert.equal(formatRatio(null), 'n/a');
});

test('numbers are printed at a sensible precision', () => {
  assert.equal(formatSeconds(0.1234), '0.12 s');
  assert.equal(formatSeconds(12.345), '12.3 s');
  assert.equal(formatSeconds(123.4), '123 s');
  assert.equal(formatSeconds(null), 'n/a');
  assert.equal(formatMBps(256 * 1024 ** 2, 1), '268');
  assert.equal(formatMBps(1, null), 'n/a');
  assert.equal(formatRate(21.49), '21.5');
  assert.equal(formatRate(686.4), '686');
});

test('markdown tables escape pipes and align numeric columns to the right', () => {
  const table = markdownTable(['a', 'b'], [['x|y', '1'], ['z']], ['l', 'r']);
  assert.equal(table, ['| a | b |', '|---|---:|', '| x\\|y | 1 |', '| z |  |'].join('\n'));
});

const run = (seconds: number, good: number, problem = ''): RunRecord => ({ seconds, exitCode: problem ? 18 : 0, good, expected: 500, problem });

test('medians over good runs or all runs; correctness says which runs lost files', () => {
  const runs = [run(1, 500), run(3, 492, 'exit 18, 8 missing'), run(2, 500)];
  assert.equal(medianOfGood(runs), 1.5);
  assert.equal(medianOfAll(runs), 2);
  assert.equal(correctness(runs), '1/3 runs bad: 492 of 500 good; exit 18, 8 missing');
  assert.equal(correctness([run(1, 500), run(2, 500)]), 'ok');
  assert.equal(correctness([]), 'not run');
  assert.equal(medianOfGood([run(1, 3, 'x')]), null);
});
