import { h } from './h.js'
import { LANGUAGE_KEY, type Language, language } from './i18n/language.js'

/** Each language named in itself, so a student finds theirs whatever the page speaks. */
const NAMES: Record<Language, string> = { en: 'English', ru: 'Русский' }

/**
 * Two buttons, English and Русский: the choice is remembered in localStorage and the page starts
 * again in that language (challenge progress is kept; the Play session starts afresh).
 */
export function createLanguageSwitcher(label: string) {
  const current = language()
  return h(
    'p',
    { class: 'language buttons', role: 'group', 'aria-label': label },
    (Object.keys(NAMES) as Language[]).map((lng) =>
      h(
        'button',
        {
          type: 'button',
          lang: lng,
          'aria-pressed': String(lng === current),
          'data-language': lng,
          onClick: () => {
            if (lng === language()) return
            try {
              localStorage.setItem(LANGUAGE_KEY, lng)
            } catch {
              // Storage may be off (private mode): the switch still works for this load.
            }
            const url = new URL(location.href)
            url.searchParams.set('lang', lng)
            location.replace(url)
          },
        },
        NAMES[lng],
      ),
    ),
  )
}
