import i18next from 'i18next'
import { en } from './en.js'
import { ru } from './ru.js'

/** The page's languages: English first, the fallback for any key a translation lacks. */
export const LANGUAGES = ['en', 'ru'] as const
export type Language = (typeof LANGUAGES)[number]

/** Where the page remembers the language a student chose. */
export const LANGUAGE_KEY = 'twokeys.language'

/** A remembered choice if there is one; else the browser's first language we have (ru* → Russian); else English. */
export function pickLanguage(stored: string | null, preferred: readonly string[]): Language {
  if (stored === 'en' || stored === 'ru') return stored
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0]
    if (base === 'ru' || base === 'en') return base
  }
  return 'en'
}

// English until the page says otherwise, so modules used outside a browser (tests) read English.
void i18next.init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en }, ru: { translation: ru } },
  // Text goes into textContent, never into HTML: nothing to escape.
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
  // No advertisement in a student's console (or the tests' output).
  showSupportNotice: false,
  // A key the code asks for that no language has is a bug: say so where the browser tests look.
  saveMissing: true,
  missingKeyHandler: (_lngs, _ns, key) => console.error(`i18n: no text for key "${key}"`),
})

/** The page's text for `key`, in the current language (`{{name}}` filled from `values`, `count` picks the plural). */
export function t(key: string, values?: Record<string, unknown>): string {
  return i18next.t(key, values as never) as unknown as string
}

/** Is there a text for `key` (in the current language or English)? */
export const hasText = (key: string): boolean => i18next.exists(key)

/** The language the page speaks now. */
export const language = (): Language => (i18next.language === 'ru' ? 'ru' : 'en')

/** Switches the page's language (the texts already drawn stay as they are). */
export function useLanguage(next: Language): void {
  void i18next.changeLanguage(next)
}
