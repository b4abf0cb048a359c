/**
 * WinSCP's stored-password obfuscation (source/core/Security.cpp, "PWALG_SIMPLE"): not encryption, a
 * reversible scrambling keyed with the site's user name + host name. Each byte b is written as two
 * upper-case hex digits of (~b ^ 0xA3). The layout is: flag 0xFF, a version byte (0: one length byte,
 * 2: two length bytes, 1: "external", i.e. protected by WinSCP's master password), the length, a shift
 * count N, N random bytes, then the UTF-8 bytes of key + password, then random padding. Files from before
 * the flag existed start directly with the length and carry no key.
 */

const MAGIC = 0xa3;
const FLAG = 0xff;
const VERSION_SHORT = 0x00;
const VERSION_EXTERNAL = 0x01;
const VERSION_LONG = 0x02;
/** WinSCP pads every scrambled password to at least this many bytes, so the length does not show. */
const MIN_BYTES = 50;

/** What reading a scrambled password gave. */
export type WinScpPasswordResult =
  | { readonly kind: 'password'; readonly password: string }
  | { readonly kind: 'master-password' }
  | { readonly kind: 'unreadable' };

/** Reads a `Password=` value of WinSCP.ini with the site's user and host (as WinSCP keys it: user + host). */
export function decryptWinScpPassword(hex: string, userName: string, hostName: string): WinScpPasswordResult {
  const text = hex.trim();
  if (!/^(?:[0-9A-Fa-f]{2})*$/.test(text)) return { kind: 'unreadable' };
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i += 2) bytes.push(~(parseInt(text.slice(i, i + 2), 16) ^ MAGIC) & 0xff);
  let at = 0;
  const next = (): number | null => (at < bytes.length ? (bytes[at++] as number) : null);

  const flag = next();
  if (flag === null) return { kind: 'unreadable' };
  let length: number | null;
  if (flag === FLAG) {
    const version = next();
    if (version === VERSION_SHORT) length = next();
    else if (version === VERSION_LONG) {
      const high = next();
      const low = next();
      length = high === null || low === null ? null : (high << 8) + low;
    } else if (version === VERSION_EXTERNAL) return { kind: 'master-password' };
    else return { kind: 'unreadable' };
  } else {
    length = flag;
  }
  const shift = next();
  if (length === null || shift === null) return { kind: 'unreadable' };
  at += shift;
  if (at + length > bytes.length) return { kind: 'unreadable' };
  const plain = Uint8Array.from(bytes.slice(at, at + length));
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return { kind: 'unreadable' };
  }
  if (flag !== FLAG) return { kind: 'password', password: decoded };
  // The key guards against a password moved to another site by hand: WinSCP then shows none, so do we.
  const key = userName + hostName;
  if (!decoded.startsWith(key)) return { kind: 'unreadable' };
  return { kind: 'password', password: decoded.slice(key.length) };
}

/**
 * Scrambles a password the way WinSCP stores it, for tests that write a WinSCP.ini as WinSCP would.
 * `random(n)` returns a whole number below n (WinSCP uses its own PRNG; any source gives a readable value).
 */
export function encryptWinScpPassword(password: string, userName: string, hostName: string, random: (below: number) => number): string {
  const data = new TextEncoder().encode(userName + hostName + password);
  const out: number[] = [FLAG];
  if (data.length > 0xff) out.push(VERSION_LONG, data.length >> 8, data.length & 0xff);
  else out.push(VERSION_SHORT, data.length);
  const used = out.length + 1 + data.length;
  const shift = used < MIN_BYTES ? random(MIN_BYTES - used) : 0;
  out.push(shift);
  for (let i = 0; i < shift; i++) out.push(random(256));
  out.push(...data);
  while (out.length < MIN_BYTES) out.push(random(256));
  return out.map((b) => ((~b ^ MAGIC) & 0xff).toString(16).toUpperCase().padStart(2, '0')).join('');
}
