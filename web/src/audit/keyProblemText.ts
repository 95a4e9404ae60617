import type { TwoKeysError } from '../../../src/domain/TwoKeysError.js'
import type { KeyProblem } from '../../../src/identity/identityMessages.js'
import type { SignatureVerdict } from '../../../src/identity/verifyCommandSignature.js'
import { phraseOf } from '../../../src/policy/phrased.js'
import { hasText, language, t } from '../i18n/language.js'
import { reasonsInLanguage } from '../renderReasons.js'

/**
 * A key's, a signature's or a keyring change's problem in the page's language, from its phrase:
 * the kinds the page meets have words (`keyProblems.*`, by the catalogue key's last part); any
 * other is said as a signature check's refusal, quoting `english`.
 */
function keyProblemText(phrase: KeyProblem | undefined, english: string): string {
  const key = `keyProblems.${phrase?.key.slice(phrase.key.indexOf('.') + 1)}`
  if (phrase !== undefined && hasText(key)) return t(key, phrase.params as Record<string, unknown>)
  return reasonsInLanguage([english], undefined, 'UNAUTHENTICATED')[0] ?? english
}

/**
 * Why a signature does not stand, in the page's language: the check's English, or in Russian worded
 * from the phrase that rides along on the verdict.
 *
 * @example
 * signatureReason(verifyCommandSignature(keyring, forged, at)) // 'подпись «oreshkin» (ключ «…») не проходит проверку' in Russian
 */
export function signatureReason(verdict: Extract<SignatureVerdict, { ok: false }>): string {
  if (language() === 'en') return verdict.reason
  return keyProblemText(phraseOf<KeyProblem>(verdict), verdict.reason)
}

/**
 * A refused keyring change in the page's language: the engine's message, or in Russian each
 * problem its phrase names (`keyring.refused`); an unphrased one as a signature check's refusal.
 */
export function keyringRefusal(error: TwoKeysError): string {
  if (language() === 'en') return error.message
  if (error.said?.key !== 'keyring.refused')
    return reasonsInLanguage([error.message], undefined, error.code)[0] ?? error.message
  const { problems } = error.said.params as { problems: KeyProblem[] }
  return problems.map((p, i) => keyProblemText(p, error.reasons[i] ?? error.message)).join('; ')
}
