import { Buffer } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { WharfError } from './errors';

/**
 * The control connection's character set. basic-ftp reads and writes the control socket with a Node
 * encoding, which knows only UTF-8 and Latin-1 among the charsets FTP servers use. For a legacy single-byte
 * charset (windows-1251, iso-8859-2, koi8-r, ...) the socket runs as Latin-1, which carries bytes unchanged,
 * and names are translated here in both directions.
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

/** Builds the translation for a charset label; multi-byte legacy charsets (Shift_JIS, GBK, Big5) are refused with a clear error. */
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
    throw new WharfError('invalid-input', `Unknown charset "${label}".`);
  }
  // A single-byte charset decodes each of the 256 bytes to one character; build the reverse table from that.
  const table = decoder.decode(Uint8Array.from({ length: 256 }, (_, i) => i));
  if ([...table].length !== 256) {
    throw new WharfError('invalid-input', `The charset "${label}" uses several bytes per character; Wharf supports UTF-8 and single-byte charsets.`);
  }
  const reverse = new Map<string, number>();
  [...table].forEach((char, byte) => {
    if (!reverse.has(char)) reverse.set(char, byte);
  });
  return {
    socketEncoding: 'latin1',
    decode: (text) => decoder.decode(Buffer.from(text, 'latin1')),
    encode: (text) => {
      const bytes = [...text].map((char) => {
        const byte = reverse.get(char);
        if (byte === undefined) throw new WharfError('invalid-input', `"${char}" cannot be written in the charset ${label}.`);
        return byte;
      });
      return Buffer.from(bytes).toString('latin1');
    },
  };
}
