/*
 * `--help` texts are tables: a term (a command or an option, never translated) and its description (from the
 * catalogue, in the terminal's language). The columns are padded here, by display width, so a translation
 * carries no alignment of its own: it only breaks its lines with "\n" where it wants them wrapped.
 */

/** Where descriptions start in every `--help` table (two spaces of indent, then 23 for the term). */
export const DESCRIPTION_COLUMN = 25;

/** One row: the term's lines (continuation lines carry their own indent) and the description. */
export interface HelpRow {
  readonly term: string | readonly string[];
  /** The description; "\n" starts a continuation line at the description column. */
  readonly text?: string;
  /** The description follows the term's last line after two spaces instead of at the column. */
  readonly inline?: boolean;
}

// East Asian wide and full-width characters (CJK, kana, Hangul, full-width forms) take two columns on a terminal.
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]/u;

/** The columns a text takes on a terminal. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const c of text) width += WIDE.test(c) ? 2 : 1;
  return width;
}

/** `text` padded with spaces to `width` columns. */
export function padTo(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

/** The rows as lines: terms at `indent`, descriptions at `column` (on the next line when the term reaches it). */
export function helpRows(rows: readonly HelpRow[], indent = 2, column = DESCRIPTION_COLUMN): string[] {
  const lines: string[] = [];
  for (const row of rows) {
    const term = typeof row.term === 'string' ? [row.term] : row.term;
    const termLines = term.map((line, i) => (i === 0 ? ' '.repeat(indent) + line : line));
    const last = termLines.pop() ?? '';
    lines.push(...termLines);
    const text = row.text === undefined ? [] : row.text.split('\n');
    const [first, ...more] = text;
    if (first === undefined) lines.push(last);
    else if (row.inline) lines.push(`${last}  ${first}`);
    else if (displayWidth(last) < column) lines.push(padTo(last, column) + first);
    else lines.push(last, ' '.repeat(column) + first);
    for (const line of more) lines.push(' '.repeat(column) + line);
  }
  return lines;
}

/** Lines under a heading written on the first of them ("Exit codes: 0 ok, ..."); the others align with it. */
export function headed(heading: string, lines: readonly string[]): string[] {
  const indent = ' '.repeat(displayWidth(heading) + 1);
  return lines.map((line, i) => (i === 0 ? `${heading} ${line}` : indent + line));
}
