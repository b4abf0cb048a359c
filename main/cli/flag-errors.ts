/**
 * Node's `parseArgs` refuses a flag with an English sentence and a code (ERR_PARSE_ARGS_*). The code says
 * what went wrong; the option's name is only inside the sentence, between single quotes, so it is read from
 * there. A sentence this module does not know still reaches the user, inside a translated frame.
 */
import { t } from '../../common/i18n/t';

/** A `parseArgs` refusal: a TypeError whose code starts with ERR_PARSE_ARGS. */
export function isFlagError(err: unknown): err is TypeError & { code: string } {
  return err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS');
}

/** The first single-quoted part of Node's sentence: `'-p, --port <value>'`, `'--bogus'`, `'extra'`. */
function quotedPart(message: string): string | null {
  return /'([^']+)'/.exec(message)?.[1] ?? null;
}

/** The option as the user would type it: the long name of `-p, --port <value>`, else the short one. */
function optionIn(quoted: string): string | null {
  return /(?:^|[\s,])(--[^\s,<=]+)/.exec(quoted)?.[1] ?? /(?:^|[\s,])(-[^\s,<=-][^\s,<=]*)/.exec(quoted)?.[1] ?? null;
}

/** The refusal in the user's language, naming the option or argument as typed. */
export function flagErrorText(err: { readonly code: string; readonly message: string }): string {
  const { code, message } = err;
  const quoted = quotedPart(message);
  const option = quoted === null ? null : optionIn(quoted);
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option) {
    // Node adds the "--" hint where the command takes arguments, which may then start with a dash.
    return t(/positional argument/.test(message) ? 'cliArgs.unknownOptionDashHint' : 'cliArgs.unknownOption', { option });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option) {
    if (/ambiguous/.test(message)) return t('cliArgs.valueAmbiguous', { option });
    if (/does not take an argument/.test(message)) return t('cliArgs.takesNoValue', { option });
    if (/argument missing/.test(message)) return t('cliArgs.valueMissing', { option });
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && quoted !== null) return t('cliArgs.unexpectedArgument', { argument: quoted });
  return t('cliArgs.unreadable', { detail: message });
}
