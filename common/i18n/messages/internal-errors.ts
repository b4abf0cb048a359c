/**
 * Main's own failures and the requests it refuses from the window (main/services, main/app/ipc.ts): a bug inside
 * Wharf or a forged message, never the user's doing, but shown to them all the same.
 */
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
  'internalErrors.untrustedSender': {
    en: 'This message did not come from the Wharf window.',
    de: 'Diese Nachricht kam nicht aus dem Wharf-Fenster.',
    ja: 'このメッセージは Wharf のウィンドウから送られたものではありません。',
  },
  'internalErrors.oneObject': { en: 'A request is one object.', de: 'Eine Anfrage ist ein einzelnes Objekt.', ja: 'リクエストは 1 つのオブジェクトです。' },
  'internalErrors.unknownRequest': { en: 'Unknown request.', de: 'Unbekannte Anfrage.', ja: '不明なリクエストです。' },
  'internalErrors.requestRefused': {
    en: 'The request {method} was refused: {issues}',
    de: 'Die Anfrage {method} wurde abgelehnt: {issues}',
    ja: 'リクエスト {method} は拒否されました: {issues}',
  },
});
