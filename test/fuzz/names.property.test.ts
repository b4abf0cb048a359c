/**
 * Properties of what turns hostile remote names into something shown or sent: `printableName` (logs, the
 * UI) and the legacy-charset translation of the control connection. (Listing parsers and safeLocalPath
 * have theirs in test/ftps/listing.property.test.ts.)
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { controlCharset } from '../../main/ftps/charset';
import { printableName, unsafeNameReason } from '../../main/ftps/safe-names';

const hostileName = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.array(fc.constantFrom('a', '\\', 'n', '\n', '\\n', '\r', '\t', '\u0000', '\u001b', '[2J', '\u007f', '\u0085', '\u009b', '\u202e', '\u2066', '\u200b', '\ufeff', '\ud800', '\udc00', 'é', '😀', ' ', '.'), { maxLength: 12 }).map((p) => p.join('')),
);

describe('printableName', () => {
  test('shows no control, invisible or bidirectional character, and no lone surrogate (property)', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        const shown = printableName(name);
        assert.ok(!/[\p{Cc}\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(shown), JSON.stringify(shown));
        assert.ok(!/\p{Cs}/u.test(shown), `a lone surrogate in ${JSON.stringify(shown)}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('never shows two different names the same way, so one cannot pose as another (property)', () => {
    fc.assert(
      fc.property(hostileName, hostileName, (a, b) => {
        fc.pre(a !== b);
        assert.notEqual(printableName(a), printableName(b), `${JSON.stringify(a)} and ${JSON.stringify(b)}`);
      }),
      { numRuns: 3000 },
    );
  });

  test('a name safe to use locally is shown as it is unless it holds invisible formatting (property)', () => {
    fc.assert(
      fc.property(hostileName, (name) => {
        fc.pre(unsafeNameReason(name, 'linux') === null && !/[\\\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/u.test(name));
        assert.equal(printableName(name), name);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('legacy charsets of the control connection', () => {
  const labels = ['windows-1251', 'windows-1250', 'windows-1252', 'iso-8859-2', 'iso-8859-5', 'iso-8859-8', 'iso-8859-15', 'koi8-r', 'koi8-u', 'ibm866', 'macintosh', 'windows-874'];
  test('a name read from the server is sent back as the same bytes, so the file asked for is the file listed (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...labels), fc.uint8Array({ minLength: 1, maxLength: 40 }), (label, bytes) => {
        const charset = controlCharset(label);
        const onTheWire = Buffer.from(bytes).toString('latin1');
        const name = charset.decode(onTheWire);
        // Bytes a charset leaves unassigned decode to U+FFFD and cannot be told apart: not covered here.
        fc.pre(!name.includes('\ufffd'));
        assert.equal(charset.encode(name), onTheWire, `${label}: ${Buffer.from(bytes).toString('hex')}`);
      }),
      { numRuns: 2000 },
    );
  });

  const doubleByte = ['shift_jis', 'euc-jp', 'gbk', 'gb18030', 'big5', 'euc-kr'];
  test('double-byte charsets: a name read from the server is written back as bytes that read as the same name (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...doubleByte), fc.uint8Array({ minLength: 1, maxLength: 40 }), (label, bytes) => {
        const charset = controlCharset(label);
        const name = charset.decode(Buffer.from(bytes).toString('latin1'));
        fc.pre(!name.includes('\ufffd'));
        // Not always the same bytes: a few characters have two codes (see doubleByteReverse), and the
        // server answers 550 for the other one rather than serve another file.
        assert.equal(charset.decode(charset.encode(name)), name, `${label}: ${Buffer.from(bytes).toString('hex')}`);
      }),
      { numRuns: 2000 },
    );
  });

  test('text that a charset cannot write is refused as an unsafe name, never sent as other bytes (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...labels, ...doubleByte), fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 12 })), (label, text) => {
        const charset = controlCharset(label);
        let encoded: string;
        try {
          encoded = charset.encode(text);
        } catch (err) {
          // unsafe-name: the CLI exits 7 (a local name the server's charset cannot hold), not 2 (usage).
          assert.equal((err as { kind?: string }).kind, 'unsafe-name');
          return;
        }
        assert.equal(charset.decode(encoded), text);
      }),
      { numRuns: 2000 },
    );
  });
});
