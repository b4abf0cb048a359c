/**
 * The command line's refusals of a flag, told in the user's language instead of Node's `parseArgs` English
 * (main/cli/flag-errors.ts reads the option's name out of Node's error). No final period: the failure line
 * adds "(run wharf --help)" after the sentence.
 */
import { defineMessages } from '../define';

export const cliArgsMessages = defineMessages({
  'cliArgs.unknownOption': {
    en: 'Unknown option "{option}"',
    de: 'Unbekannte Option „{option}“',
    ja: '不明なオプション「{option}」です',
  },
  'cliArgs.unknownOptionDashHint': {
    en: 'Unknown option "{option}". To give an argument that starts with "-", put it at the end after "--": -- "{option}"',
    de: 'Unbekannte Option „{option}“. Ein Argument, das mit „-“ beginnt, geben Sie am Ende nach „--“ an: -- "{option}"',
    ja: '不明なオプション「{option}」です。「-」で始まる引数は最後に「--」の後に書いてください: -- "{option}"',
  },
  'cliArgs.valueMissing': {
    en: 'Option "{option}" needs a value',
    de: 'Die Option „{option}“ erwartet einen Wert',
    ja: 'オプション「{option}」には値が必要です',
  },
  'cliArgs.valueAmbiguous': {
    en: 'Option "{option}" is followed by another option instead of its value. To give a value that starts with "-", write {option}=-VALUE',
    de: 'Auf die Option „{option}“ folgt eine andere Option statt ihres Wertes. Einen Wert, der mit „-“ beginnt, schreiben Sie als {option}=-WERT',
    ja: 'オプション「{option}」の後に値ではなく別のオプションがあります。「-」で始まる値は {option}=-値 の形で指定してください',
  },
  'cliArgs.takesNoValue': {
    en: 'Option "{option}" takes no value',
    de: 'Die Option „{option}“ nimmt keinen Wert an',
    ja: 'オプション「{option}」には値を指定できません',
  },
  'cliArgs.unexpectedArgument': {
    en: 'Unexpected argument "{argument}": this command takes options only',
    de: 'Unerwartetes Argument „{argument}“: dieser Befehl nimmt nur Optionen an',
    ja: '予期しない引数「{argument}」です。このコマンドはオプションのみを受け付けます',
  },
  'cliArgs.unreadable': {
    en: 'The command line could not be read: {detail}',
    de: 'Die Befehlszeile konnte nicht gelesen werden: {detail}',
    ja: 'コマンドラインを解釈できませんでした: {detail}',
  },
});
