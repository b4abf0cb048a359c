/** Main's own failures as people see them (main/services): a bug inside Wharf, never the user's doing. */
import { defineMessages } from '../define';

export const internalErrorsMessages = defineMessages({
  'internalErrors.unexpected': {
    en: 'Something went wrong inside Wharf: {message}',
    de: 'In Wharf ist etwas schiefgelaufen: {message}',
    ja: 'Wharf の内部で問題が発生しました: {message}',
  },
  'internalErrors.badAnswer': {
    en: 'Wharf answered {method} incorrectly.',
    de: 'Wharf hat auf {method} fehlerhaft geantwortet.',
    ja: 'Wharf は {method} に正しく応答しませんでした。',
  },
});
