import { createHash } from 'node:crypto';
import type { ServerHash } from './transfer-session';

const NODE_HASH_NAMES: Record<Exclude<ServerHash['algorithm'], 'CRC32'>, string> = {
  'SHA-256': 'sha256',
  'SHA-1': 'sha1',
  MD5: 'md5',
};

/** A digest fed chunk by chunk, in the algorithm a server names in its HASH/XSHA/XMD5/XCRC reply. */
export interface StreamingHash {
  readonly algorithm: ServerHash['algorithm'];
  update(chunk: Uint8Array): void;
  /** Lowercase hex; CRC32 as 8 digits. */
  digest(): string;
}

export function createStreamingHash(algorithm: ServerHash['algorithm']): StreamingHash {
  if (algorithm === 'CRC32') {
    // zlib loads only for the servers that offer CRC32 alone: every `wharf get` would otherwise pay for it at start.
    const { crc32 } = process.getBuiltinModule('node:zlib');
    let value = 0;
    return {
      algorithm,
      update: (chunk) => {
        value = crc32(chunk, value);
      },
      digest: () => value.toString(16).padStart(8, '0'),
    };
  }
  const hash = createHash(NODE_HASH_NAMES[algorithm]);
  return { algorithm, update: (chunk) => hash.update(chunk), digest: () => hash.digest('hex') };
}
