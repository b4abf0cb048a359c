import type { Client } from 'basic-ftp';

/* Server-side file hashes: HASH (draft-bryan-ftpext-hash) and the older XSHA256/XSHA1/XMD5/XCRC, chosen from FEAT. */

/** A hash the server computed, named as in the HASH command (draft-bryan-ftpext-hash). */
export interface RemoteHash {
  readonly algorithm: 'SHA-256' | 'SHA-1' | 'MD5' | 'CRC32';
  readonly hex: string;
}

/** The final line of a reply: proftpd's mod_digest answers HASH with `213-Computing SHA-256 digest` first. */
function finalReplyLine(message: string): string {
  const lines = message.split(/\r?\n/).filter((l) => l.trim() !== '');
  return lines[lines.length - 1] ?? '';
}

/**
 * The hash in a HASH reply, `213 SHA-256 0-1048576 <hex> <path>` (draft-bryan-ftpext-hash), read by its
 * position: the range before it holds byte counts, and one of 8 digits or more also looks like hex.
 */
export function hashFromHashReply(message: string): string | null {
  const match = /^213 \S+ \d+-\d+ ([0-9a-f]{8,128})(?: |$)/i.exec(finalReplyLine(message));
  return match ? (match[1] as string).toLowerCase() : null;
}

/** The hash commands older than HASH, in order of preference, with the algorithm each computes. */
const LEGACY_HASH_COMMANDS = [
  ['XSHA256', 'SHA-256'],
  ['XSHA1', 'SHA-1'],
  ['XMD5', 'MD5'],
  ['XCRC', 'CRC32'],
] as const;

/** The hash in an XSHA256/XSHA1/XMD5/XCRC reply: `213 <hex>`, where some servers add the path after it. */
export function hashFromLegacyReply(message: string): string | null {
  const match = /^213 ([0-9a-f]{8,128})(?: |$)/i.exec(finalReplyLine(message));
  return match ? (match[1] as string).toLowerCase() : null;
}

/**
 * The algorithm `hashOverControl()` asks the server for first, from FEAT; null when the server offers none (vsftpd).
 */
export function hashAlgorithmFor(features: ReadonlyMap<string, string>): RemoteHash['algorithm'] | null {
  return offeredHashAlgorithm(features) ?? LEGACY_HASH_COMMANDS.find(([command]) => features.has(command))?.[1] ?? null;
}

/** The best algorithm FEAT's HASH line offers, if any. */
function offeredHashAlgorithm(features: ReadonlyMap<string, string>): RemoteHash['algorithm'] | null {
  const hashFeature = features.get('HASH');
  if (hashFeature === undefined) return null;
  const offered = hashFeature.split(';').map((a) => a.replace('*', '').trim().toUpperCase());
  return (['SHA-256', 'SHA-1', 'MD5', 'CRC32'] as const).find((a) => offered.includes(a)) ?? null;
}

/** The algorithm OPTS HASH chose per control connection: it holds until the connection ends, so once per file was one round trip too many. */
const algorithmSelectedOn = new WeakMap<object, RemoteHash['algorithm']>();

/**
 * The HASH command for `wirePath` when nothing needs asking first on this connection (FEAT offers HASH and OPTS
 * HASH already chose its algorithm), so it may go out in one write with other commands; else null.
 */
export function readyHashCommand(client: Client, features: ReadonlyMap<string, string>, wirePath: string): { command: string; algorithm: RemoteHash['algorithm'] } | null {
  const algorithm = offeredHashAlgorithm(features);
  if (algorithm === null || algorithmSelectedOn.get(client.ftp.socket) !== algorithm) return null;
  return { command: `HASH ${wirePath}`, algorithm };
}

/**
 * Asks the server for a file's hash: HASH (SHA-256, SHA-1, MD5, CRC32 in that order of preference), else
 * the legacy commands FEAT lists; null when none answers. `wirePath` is already checked and encoded.
 */
export async function hashOverControl(client: Client, features: ReadonlyMap<string, string>, wirePath: string): Promise<RemoteHash | null> {
  const algorithm = offeredHashAlgorithm(features);
  if (algorithm) {
    const control = client.ftp.socket;
    if (algorithmSelectedOn.get(control) !== algorithm) {
      await client.send(`OPTS HASH ${algorithm}`);
      algorithmSelectedOn.set(control, algorithm);
    }
    const reply = await client.send(`HASH ${wirePath}`);
    const hex = hashFromHashReply(reply.message);
    if (hex) return { algorithm, hex };
  }
  for (const [command, legacyAlgorithm] of LEGACY_HASH_COMMANDS) {
    if (!features.has(command)) continue;
    const reply = await client.sendIgnoringError(`${command} ${wirePath}`);
    const hex = hashFromLegacyReply(reply.message);
    if (reply.code === 213 && hex) return { algorithm: legacyAlgorithm, hex };
  }
  return null;
}
