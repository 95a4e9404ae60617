import { describe, expect, it } from 'vitest'
import { en } from '../../web/src/i18n/en.js'
import { pickLanguage } from '../../web/src/i18n/language.js'
import { ru } from '../../web/src/i18n/ru.js'
import { loadSeedScript } from '../../web/src/lessons/seedScript.js'

// The page in both languages, on a phone and a projector, is tested in Chromium in playground.test.ts
// (one build and one browser for all the page's tests).
describe('the page’s languages', () => {
  it('follows a remembered choice, else the browser’s first language it has, else English', () => {
    expect(pickLanguage(null, ['ru-RU', 'en-US'])).toBe('ru')
    expect(pickLanguage(null, ['de-DE', 'ru'])).toBe('ru')
    expect(pickLanguage(null, ['en-GB', 'ru-RU'])).toBe('en')
    expect(pickLanguage(null, ['de-DE', 'fr'])).toBe('en')
    expect(pickLanguage('en', ['ru-RU'])).toBe('en')
    expect(pickLanguage('xx', ['ru-RU'])).toBe('ru')
  })

  it('translates the narration of every step of the seed story that has one, and no other', () => {
    const { script } = loadSeedScript()
    const narrated = script.steps.flatMap((step, i) => (step.say === undefined ? [] : [`s${i}`]))
    expect(Object.keys(ru.seedSay ?? {})).toEqual(narrated)
  })

  it('has the same words in Russian for every English key (the type says so; this says it at run time too)', () => {
    const keys = (o: object, at = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) =>
        typeof v === 'string' ? [`${at}${k}`] : keys(v as object, `${at}${k}.`),
      )
    const russian = new Set(keys(ru))
    expect(keys(en).filter((k) => !russian.has(k))).toEqual([])
  })
})
