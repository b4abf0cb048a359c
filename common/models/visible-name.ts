/**
 * Names from a server shown to a person: bidirectional overrides and invisible characters become visible
 * markers, so `invoice\u202Etxt.exe` cannot pose as `invoiceexe.txt` and a zero-width space cannot make
 * two names look alike. One function for the panes, the queue, the dialogs and the log.
 */

/** Bidi embeddings and overrides, isolates, marks, zero-width and other invisible formatting characters. */
export function isHiddenCharacter(code: number): boolean {
  return (
    code === 0x00ad ||
    code === 0x061c ||
    code === 0x180e ||
    (code >= 0x200b && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2060 && code <= 0x2069) ||
    code === 0xfeff ||
    (code >= 0xfff9 && code <= 0xfffb)
  );
}

/** Whether a name holds a character `visibleName` marks. */
export function hasHiddenCharacters(name: string): boolean {
  for (const ch of name) if (isHiddenCharacter(ch.codePointAt(0) as number) || (ch.codePointAt(0) as number) < 0x20) return true;
  return false;
}

/**
 * The name with each hidden or control character shown as a marker, `⟨U+202E⟩`, in the place it holds
 * (the marker itself is plain left-to-right text, so nothing after it is reordered).
 */
export function visibleName(name: string): string {
  let out = '';
  for (const ch of name) {
    const code = ch.codePointAt(0) as number;
    out += isHiddenCharacter(code) || code < 0x20 || (code >= 0x7f && code <= 0x9f) ? `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩` : ch;
  }
  return out;
}
