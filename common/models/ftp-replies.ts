/**
 * The common FTP error replies (RFC 959, RFC 2228, RFC 4217) in plain words, as FileZilla explains them
 * beside the code: "553 Could not create file." means little to most people; the words say what to check.
 * Shared by the window and the CLI, in the current language.
 */
import { t } from '../i18n/t';

/** The codes with words; the words are in the catalogue (messages/language-fixes.ts), so the window and the terminal say them in their language. */
const EXPLAINED_CODES = [421, 425, 426, 430, 450, 451, 452, 500, 501, 502, 503, 504, 521, 522, 530, 532, 533, 534, 550, 551, 552, 553] as const;

function isExplained(code: number): code is (typeof EXPLAINED_CODES)[number] {
  return (EXPLAINED_CODES as readonly number[]).includes(code);
}

/** The plain words for an FTP reply code, or null for a code without an entry. */
export function explainReply(code: number): string | null {
  return isExplained(code) ? t(`languageFixes.reply.${code}`) : null;
}

/** A message carrying a server reply, with the reply's plain words beside it when it has them: `553 ... (words)`. */
export function withReplyWords(message: string, code: number | undefined): string {
  const words = code === undefined ? null : explainReply(code);
  return words && !message.includes(words) ? `${message} (${words})` : message;
}
