/**
 * The digests a transfer feeds as its bytes pass (main/transfers/streaming-hash.ts), in each algorithm a server
 * may name, fed in pieces as a stream delivers them: the standard check values of "123456789".
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStreamingHash } from '../../main/transfers/streaming-hash';

test('each algorithm gives its check value for "123456789" fed in pieces', () => {
  const expected = {
    CRC32: 'cbf43926',
    MD5: '25f9e794323b453885f5181f1b624d0b',
    'SHA-1': 'f7c3bc1d808e04732adf679965ccc34ca7ae3441',
    'SHA-256': '15e2b0d3c33891ebb0f1ef609ec419420c20e320ce94c65fbc8c3312448eb225',
  } as const;
  for (const [algorithm, digest] of Object.entries(expected) as [keyof typeof expected, string][]) {
    const hash = createStreamingHash(algorithm);
    for (const piece of ['1234', '5', '6789']) hash.update(Buffer.from(piece));
    assert.equal(hash.digest(), digest, algorithm);
  }
});
