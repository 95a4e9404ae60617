import { hasText, t } from './i18n/language.js'

/**
 * A scope's kind (`federal`, `regional`, `export`) in the page's language; a kind the texts do
 * not know stays as it is.
 *
 * @example
 * scopeName('regional') // 'regional', or 'региональная' in Russian
 */
export const scopeName = (kind: string): string => (hasText(`scope.${kind}`) ? t(`scope.${kind}`) : kind)
