/**
 * The progress line (main/cli/progress.ts) on a terminal that gives no width: a pseudo-terminal without a size
 * (util-linux `script` run from a pipe, some CI runners) says 0 columns. The line is drawn and cleared 80 wide
 * then; a width of 0 made the clearing throw ("Invalid count value: -1"), failing a finished `wharf get`.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ProgressLine } from '../../main/cli/progress';

/** A terminal stream of `columns` columns that records what is written to it. */
function terminal(columns: number | undefined): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = [];
  const stream = { columns, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
  return { stream, written };
}

for (const columns of [0, undefined]) {
  test(`a terminal of ${String(columns)} columns: the line is drawn and cleared 80 columns wide`, () => {
    const { stream, written } = terminal(columns);
    const line = new ProgressLine(stream, true);
    line.update('4 segments', 5, 10);
    line.finish();
    assert.equal(written.length, 2);
    assert.match(written[0] ?? '', /^\r\[#+\.+\] {2}50% /);
    assert.equal(written[0]?.length, 80, 'a carriage return and 79 columns');
    assert.equal(written[1], `\r${' '.repeat(79)}\r`);
  });
}

test('a terminal of 40 columns: the line is cut to 39', () => {
  const { stream, written } = terminal(40);
  const line = new ProgressLine(stream, true);
  line.update('4 segments', 5, 10);
  line.finish();
  assert.equal(written[0]?.length, 40);
  assert.equal(written[1], `\r${' '.repeat(39)}\r`);
});
