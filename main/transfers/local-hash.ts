import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { crc32 } from 'node:zlib';
import type { ServerHash } from './transfer-session';

const NODE_HASH_NAMES: Record<Exclude<ServerHash['algorithm'], 'CRC32'>, string> = {
  'SHA-256': 'sha256',
  'SHA-1': 'sha1',
  MD5: 'md5',
};

/** Hashes a local file with the algorithm the server used, to compare with its HASH, XSHA256, XSHA1, XMD5 or XCRC reply. */
export async function hashLocalFile(path: string, algorithm: ServerHash['algorithm']): Promise<string> {
  const stream = createReadStream(path, { highWaterMark: 1024 * 1024 });
  if (algorithm === 'CRC32') {
    let value = 0;
    for await (const chunk of stream) value = crc32(chunk as Buffer, value);
    return value.toString(16).padStart(8, '0');
  }
  const hash = createHash(NODE_HASH_NAMES[algorithm]);
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Compares hex digests as servers write them: any case, CRC32 with or without leading zeros. */
export function sameDigest(algorithm: ServerHash['algorithm'], a: string, b: string): boolean {
  if (algorithm === 'CRC32') return Number.parseInt(a, 16) === Number.parseInt(b, 16);
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
