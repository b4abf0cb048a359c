import { t } from '../../common/i18n/t';
import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { WharfError } from '../core/errors';

/**
 * The control connection's character set. basic-ftp reads and writes the control socket with a Node
 * encoding, which knows only UTF-8 and Latin-1 among the charsets FTP servers use. For a legacy charset
 * (windows-1251, iso-8859-2, koi8-r, Shift_JIS, GBK, Big5, EUC-KR, EUC-JP, ...) the socket runs as
 * Latin-1, which carries bytes unchanged, and names are translated here in both directions.
 */
export interface ControlCharset {
  /** What basic-ftp's socket uses. */
  readonly socketEncoding: 'utf8' | 'latin1';
  /** Text read from the socket to what the server meant. */
  decode(text: string): string;
  /** Text we send (paths) to what the socket must carry. */
  encode(text: string): string;
}

const identity: ControlCharset = { socketEncoding: 'utf8', decode: (t) => t, encode: (t) => t };

/**
 * Multi-byte charsets (one or two bytes a character; EUC-JP also three, GB18030 also four) that never use
 * CR, LF or `/` inside a character, so FTP's line framing and path splitting work on their bytes.
 * Stateful ones (ISO-2022-JP) and UTF-16 are not among them.
 */
const DOUBLE_BYTE = new Set(['shift_jis', 'euc-jp', 'gbk', 'gb18030', 'big5', 'euc-kr']);

/** Charsets that cannot be translated byte by byte, or whose bytes would break FTP's framing. */
const STATEFUL = new Set(['iso-2022-jp', 'utf-16le', 'utf-16be', 'replacement']);

/** Reverse tables by canonical charset name: building one decodes about 24,000 byte pairs. */
const reverseTables = new Map<string, ReadonlyMap<string, string>>();

/** Builds the translation for a charset label; unknown, stateful and UTF-16 charsets are refused with a clear error. */
export function controlCharset(label: string): ControlCharset {
  const normalized = label.trim().toLowerCase();
  if (normalized === '' || normalized === 'utf8' || normalized === 'utf-8') return identity;
  if (normalized === 'latin1' || normalized === 'iso-8859-1' || normalized === 'binary') {
    return { socketEncoding: 'latin1', decode: (t) => t, encode: (t) => t };
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(normalized);
  } catch {
    throw new WharfError('invalid-input', t('transfers.unknownCharset', { label }));
  }
  const name = decoder.encoding;
  let reverse = reverseTables.get(name);
  if (reverse === undefined) {
    // ISO-2022-JP switches tables with escape sequences, so a byte means nothing on its own; the 256-byte
    // probe below would take it for a single-byte charset.
    if (!STATEFUL.has(name)) reverse = (DOUBLE_BYTE.has(name) ? doubleByteReverse(name) : singleByteReverse(decoder)) ?? undefined;
    if (reverse === undefined) {
      throw new WharfError('invalid-input', t('transfers.charsetUnusable', { label }));
    }
    reverseTables.set(name, reverse);
  }
  const table = reverse;
  const fourByte = GB18030_FAMILY.has(name);
  return {
    socketEncoding: 'latin1',
    decode: (text) => decoder.decode(Buffer.from(text, 'latin1')),
    encode: (text) => {
      let wire = '';
      for (const char of text) {
        const bytes = table.get(char) ?? (fourByte ? gb18030Supplementary(char) : undefined);
        if (bytes === undefined) throw new WharfError('unsafe-name', t('transfers.charNotInCharset', { char, label }));
        wire += bytes;
      }
      return wire;
    },
  };
}

/** A single-byte charset decodes each of the 256 bytes to one character: the reverse table comes from that. Null otherwise. */
function singleByteReverse(decoder: TextDecoder): Map<string, string> | null {
  const table = [...decoder.decode(Uint8Array.from({ length: 256 }, (_, i) => i))];
  if (table.length !== 256) return null;
  const reverse = new Map<string, string>();
  table.forEach((char, byte) => {
    if (!reverse.has(char)) reverse.set(char, String.fromCharCode(byte));
  });
  return reverse;
}

/**
 * The reverse table of a double-byte charset, from decoding every single byte and every lead/trail pair
 * (strict: malformed pairs are left out). Where two byte sequences decode to the same character, the lower
 * one is kept, as the WHATWG encoders do; Shift_JIS's NEC-selected IBM rows (lead bytes 0xED and 0xEE)
 * come last, because the WHATWG encoder writes those characters with the IBM rows (0xFA-0xFC) instead,
 * and so does GB18030's single byte 0x80 (€ is 0xA2E3 there).
 * A name whose bytes on the server use the other of two such sequences is shown, but the server answers
 * 550 for it, as it does for a name that is not valid UTF-8 on a UTF-8 site.
 */
function doubleByteReverse(name: string): Map<string, string> {
  const strict = new TextDecoder(name, { fatal: true });
  const reverse = new Map<string, string>();
  const deferred: [string, string][] = [];
  const tryBytes = (bytes: number[]) => {
    let char: string;
    try {
      char = strict.decode(Uint8Array.from(bytes));
    } catch {
      return;
    }
    // One character only: a pair that decodes as two single-byte characters is not a pair.
    if ([...char].length !== 1) return;
    const wire = String.fromCharCode(...bytes);
    // The WHATWG GB18030 encoder writes € as 0xA2E3; only GBK uses the single byte 0x80 for it.
    if ((name === 'shift_jis' && (bytes[0] === 0xed || bytes[0] === 0xee)) || (name === 'gb18030' && bytes.length === 1 && bytes[0] === 0x80)) deferred.push([char, wire]);
    else if (!reverse.has(char)) reverse.set(char, wire);
  };
  for (let byte = 0; byte <= 0xff; byte++) tryBytes([byte]);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) tryBytes([lead, trail]);
  }
  for (const [char, wire] of deferred) if (!reverse.has(char)) reverse.set(char, wire);
  if (name === 'euc-jp') {
    // JIS X 0212 (0x8F then two bytes): the decoder reads them, the WHATWG encoder never writes them.
    for (let second = 0xa1; second <= 0xfe; second++) for (let third = 0xa1; third <= 0xfe; third++) tryBytes([0x8f, second, third]);
  }
  if (GB18030_FAMILY.has(name)) {
    // The four-byte sequences of the Basic Multilingual Plane: pointers 0-39419, in the decoder's ranges table.
    for (let pointer = 0; pointer <= 39419; pointer++) tryBytes(gb18030FourBytes(pointer));
  }
  return reverse;
}

/**
 * WHATWG decodes "gbk" with the GB18030 decoder, four-byte sequences included, so a GBK server's names may
 * hold them: both labels write them back.
 */
const GB18030_FAMILY = new Set(['gbk', 'gb18030']);

/** The four bytes of a GB18030 pointer (WHATWG Encoding, gb18030 encoder step 9). */
function gb18030FourBytes(pointer: number): number[] {
  const byte1 = Math.floor(pointer / (10 * 126 * 10));
  const rest1 = pointer % (10 * 126 * 10);
  const byte2 = Math.floor(rest1 / (10 * 126));
  const rest2 = rest1 % (10 * 126);
  return [byte1 + 0x81, byte2 + 0x30, Math.floor(rest2 / 10) + 0x81, (rest2 % 10) + 0x30];
}

/** Characters beyond U+FFFF follow a formula in GB18030 (pointer 189000 and up), not a table. */
function gb18030Supplementary(char: string): string | undefined {
  const codePoint = char.codePointAt(0) as number;
  if (codePoint < 0x10000) return undefined;
  return String.fromCharCode(...gb18030FourBytes(189000 + codePoint - 0x10000));
}
