// Files whose text is not yet in the message catalogue (#19). This list only shrinks: move a file's text into
// common/i18n/messages/<area>.ts, use t(...), and delete its line. When it is empty, test/lint/ui-text.test.ts asserts that it stays so.
export const UI_TEXT_PENDING = [
];
