import { IGNORED, byteCount, finiteOr0, hasLineBreak, skipBlanks, tokenize, utcIso, type LineResult } from './listing-lines';

/* DOS/IIS LIST lines (`MM-DD-YY  HH:MMAM  <DIR>  name`). */

export function parseDosInternal(text: string, timezoneOffsetMinutes: number): LineResult {
  if (hasLineBreak(text)) return null;
  const tokens = tokenize(text, 0, 4);
  const [dateToken, timeToken] = tokens;
  if (dateToken === undefined || timeToken === undefined) return null;
  const date = dosDate(dateToken.text);
  if (date === null) return null;
  // `03:04PM` on IIS; `03:04 PM` and 24-hour `15:04` on other Windows servers.
  let fieldIndex = 2;
  let clockText = timeToken.text;
  let timeEnd = timeToken.end;
  const maybeMeridiem = tokens[2];
  if (maybeMeridiem !== undefined && /^[AaPp][Mm]$/.test(maybeMeridiem.text)) {
    clockText += maybeMeridiem.text;
    timeEnd = maybeMeridiem.end;
    fieldIndex = 3;
  }
  const clock = dosClock(clockText);
  if (clock === null) return null;
  const field = tokens[fieldIndex];
  if (field === undefined) return null;
  const isDir = field.text.toUpperCase() === '<DIR>';
  if (!isDir && !/^\d[\d,]*$/.test(field.text)) return null;
  const gapEnd = skipBlanks(text, field.end);
  // IIS prints the time, a space, a 20-wide column (`<DIR>` at its 7th place, sizes right-aligned) and a
  // space: the name starts 22 characters after the time, and blanks beyond that belong to the name.
  const iisColumn = timeEnd + 22;
  const iisLayout = (isDir ? field.start === timeEnd + 7 : field.end === timeEnd + 21) && gapEnd >= iisColumn;
  const nameStart = iisLayout ? iisColumn : gapEnd;
  if (nameStart >= text.length) return null;
  const name = text.slice(nameStart);
  if (name === '.' || name === '..') return IGNORED;
  return {
    name,
    type: isDir ? 'directory' : 'file',
    size: isDir ? 0 : (byteCount(field.text.replaceAll(',', '')) ?? 0),
    modifiedAt: utcIso(date.y, date.m, date.d, clock.h, clock.m, 0, 0, finiteOr0(timezoneOffsetMinutes)),
    permissions: null,
    owner: null,
    group: null,
    linkTarget: null,
  };
}

/** `MM-DD-YY` (IIS), `MM-DD-YYYY` (IIS with four-digit years), `YYYY-MM-DD`; `/` also accepted. */
function dosDate(token: string): { y: number; m: number; d: number } | null {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(token);
  if (iso !== null) return { y: Number(iso[1]), m: Number(iso[2]), d: Number(iso[3]) };
  const us = /^(\d{1,2})[-/](\d{1,2})[-/](\d{2}|\d{4})$/.exec(token);
  if (us === null) return null;
  let m = Number(us[1]);
  let d = Number(us[2]);
  // A day-first server (`16-01-20`) is recognisable only when the first number cannot be a month.
  if (m > 12 && d <= 12) [m, d] = [d, m];
  const yearText = us[3] as string;
  let y = Number(yearText);
  // Two-digit years pivot at 70 (IIS still lists 1990s files as `12-05-96`).
  if (yearText.length === 2) y += y < 70 ? 2000 : 1900;
  return { y, m, d };
}

function dosClock(token: string): { h: number; m: number } | null {
  const match = /^(\d{1,2}):(\d{2})([AaPp][Mm])?$/.exec(token);
  if (match === null) return null;
  let h = Number(match[1]);
  const m = Number(match[2]);
  const meridiem = match[3]?.toUpperCase();
  if (meridiem !== undefined) {
    if (h < 1 || h > 12) return null;
    if (meridiem === 'AM') h = h === 12 ? 0 : h;
    else h = h === 12 ? 12 : h + 12;
  }
  return { h, m };
}
