/**
 * Why a server's certificate is not trusted (main/ftps/certificate.ts), as the trust dialog, the doctor and
 * errors show it. Dates, host names, issuers and OpenSSL's codes are arguments: they stay as they are.
 */
import { defineMessages } from '../define';

export const certificateReasonsMessages = defineMessages({
  'certificateReasons.expired': {
    en: 'The certificate expired on {date}.',
    de: 'Das Zertifikat ist am {date} abgelaufen.',
    ja: '証明書の有効期限は {date} に切れています。',
  },
  'certificateReasons.notYetValid': {
    en: 'The certificate is not valid before {date}.',
    de: 'Das Zertifikat ist erst ab {date} gültig.',
    ja: '証明書は {date} より前には有効ではありません。',
  },
  'certificateReasons.wrongHost': {
    en: 'The certificate is for {names}, not for {host}.',
    de: 'Das Zertifikat gilt für {names}, nicht für {host}.',
    ja: '証明書は {names} 用で、{host} 用ではありません。',
  },
  'certificateReasons.selfSigned': {
    en: 'The certificate is self-signed: no certificate authority vouches for it.',
    de: 'Das Zertifikat ist selbstsigniert: Keine Zertifizierungsstelle bürgt dafür.',
    ja: '証明書は自己署名です: 保証する認証局がありません。',
  },
  'certificateReasons.unknownAuthority': {
    en: 'The certificate was issued by an unknown authority, an authority this computer does not trust.',
    de: 'Das Zertifikat wurde von einer unbekannten Zertifizierungsstelle ausgestellt, der dieser Computer nicht vertraut.',
    ja: '証明書は不明な認証局が発行したもので、このコンピューターはその認証局を信頼していません。',
  },
  'certificateReasons.unknownAuthorityNamed': {
    en: 'The certificate was issued by an unknown authority ({issuer}), an authority this computer does not trust.',
    de: 'Das Zertifikat wurde von einer unbekannten Zertifizierungsstelle ({issuer}) ausgestellt, der dieser Computer nicht vertraut.',
    ja: '証明書は不明な認証局 ({issuer}) が発行したもので、このコンピューターはその認証局を信頼していません。',
  },
  'certificateReasons.notVerified': {
    en: 'The certificate could not be verified ({code}).',
    de: 'Das Zertifikat konnte nicht überprüft werden ({code}).',
    ja: '証明書を検証できませんでした ({code})。',
  },
  'certificateReasons.notVerifiedUnknown': {
    en: 'The certificate could not be verified (unknown reason).',
    de: 'Das Zertifikat konnte nicht überprüft werden (unbekannter Grund).',
    ja: '証明書を検証できませんでした (原因不明)。',
  },
});
