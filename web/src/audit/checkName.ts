import { t } from '../i18n/language.js'
import type { CheckId } from './auditChecks.js'

/** A check's name in the page's language: "Signature". */
export const checkName = (id: CheckId): string => t(`checks.names.${id}`)

/** "✖ Caught by the signature check.", in the page's language. */
export const caughtBy = (id: CheckId): string =>
  t('audit.caughtBy', { check: t(`checks.caughtByName.${id}`) })
