import { createReadStream } from 'node:fs';
import { createStreamingHash, type StreamingHash } from './streaming-hash';
import type { ServerHash } from './transfer-session';

/** Hashes a local file with the algorithm the server used, to compare with its HASH, XSHA256, XSHA1, XMD5 or XCRC reply. */
export async function hashLocalFile(path: string, algorithm: ServerHash['algorithm']): Promise<string> {
  const hash = createStreamingHash(algorithm);
  await feedFilePrefix(path, Number.POSITIVE_INFINITY, hash);
  return hash.digest();
}

/** Feeds a file's first `end` bytes (all of it for Infinity) into a hash: what a resumed download already has. */
export async function feedFilePrefix(path: string, end: number, hash: StreamingHash): Promise<void> {
  if (end <= 0) return;
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024, ...(Number.isFinite(end) ? { end: end - 1 } : {}) });
  for await (const chunk of stream) hash.update(chunk as Buffer);
}

/** Compares hex digests as servers write them: any case, CRC32 with or without leading zeros. */
export function sameDigest(algorithm: ServerHash['algorithm'], a: string, b: string): boolean {
  if (algorithm === 'CRC32') return Number.parseInt(a, 16) === Number.parseInt(b, 16);
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
