/**
 * pipeData, the data path of a file's transfer (transfer-task.ts) in place of `stream.pipeline`: it must end the same
 * ways pipeline does for two streams, since the queue's retries and the error mapping read how a transfer ended.
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { PassThrough, Readable, Writable } from 'node:stream';
import { test } from 'node:test';
import { pipeData } from '../../main/ftps/transfer-task';

/** A stream's 'close' (events.once would reject on the 'error' before it). */
function closed(stream: Readable | Writable): Promise<void> {
  return new Promise((resolve) => stream.once('close', () => resolve()));
}

/** A destination that keeps what it is given. */
function collector(): { sink: Writable; chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  return { sink, chunks };
}

test('every byte reaches the destination, and done is called once, after it has finished', async () => {
  const source = Readable.from([Buffer.from('abc'), Buffer.from('def')]);
  const { sink, chunks } = collector();
  const calls: (Error | undefined)[] = [];
  pipeData(source, sink, (error) => calls.push(error));
  // 'close' comes after 'finish': by then done has been called, and only once.
  await once(sink, 'close');
  assert.deepEqual(calls, [undefined]);
  assert.equal(Buffer.concat(chunks).toString(), 'abcdef');
});

test('a source closed before its end fails as a premature close, and the destination is torn down with it', async () => {
  const source = new PassThrough();
  const { sink } = collector();
  const calls: (Error | undefined)[] = [];
  pipeData(source, sink, (error) => calls.push(error));
  source.write('part of it');
  source.destroy();
  await once(source, 'close');
  // pipeData's own 'close' listener came first: the outcome is known by now.
  assert.equal(calls.length, 1);
  assert.equal((calls[0] as NodeJS.ErrnoException | undefined)?.code, 'ERR_STREAM_PREMATURE_CLOSE');
  assert.equal(sink.destroyed, true);
  assert.equal(sink.writableFinished, false);
});

test('a destination that fails stops the source with its error, which is what done gets', async () => {
  const source = new PassThrough();
  const failing = new Writable({
    write(_chunk, _encoding, done) {
      done(new Error('disk full'));
    },
  });
  const calls: (Error | undefined)[] = [];
  pipeData(source, failing, (error) => calls.push(error));
  source.write('x');
  await closed(source);
  assert.deepEqual(calls.map((error) => error?.message), ['disk full']);
  assert.equal(source.destroyed, true);
});

test('a source that already failed before the pipe was made is reported, not waited for', async () => {
  const source = new PassThrough();
  source.on('error', () => undefined);
  source.destroy(new Error('reset by peer'));
  await closed(source);
  const { sink } = collector();
  const outcome = new Promise<Error | undefined>((resolve) => pipeData(source, sink, resolve));
  assert.equal((await outcome)?.message, 'reset by peer');
  assert.equal(sink.destroyed, true);
});
