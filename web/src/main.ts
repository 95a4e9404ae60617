import './styles.css'
import { createLanguageSwitcher } from './createLanguageSwitcher.js'
import { createPlayPanel } from './createPlayPanel.js'
import { createPresenterToggle } from './createPresenterToggle.js'
import { createTabs } from './createTabs.js'
import { createDiffPanel } from './diff/createDiffPanel.js'
import { h } from './h.js'
import { LANGUAGE_KEY, pickLanguage, t, useLanguage } from './i18n/language.js'
import { createChallengesPanel } from './lessons/createChallengesPanel.js'
import { createRewriteLesson } from './lessons/createRewriteLesson.js'
import { createSeedLesson } from './lessons/createSeedLesson.js'
import { createWhyTwoKeysLesson } from './lessons/createWhyTwoKeysLesson.js'
import { createWhatIfPanel } from './whatIf/createWhatIfPanel.js'

const app = document.getElementById('app')
if (app === null) throw new Error('the page has no #app element')

function stored(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_KEY)
  } catch {
    return null
  }
}

// The language: ?lang= (set by the switcher), else the one chosen before, else the browser's.
const lang = pickLanguage(new URL(location.href).searchParams.get('lang') ?? stored(), navigator.languages)
useLanguage(lang)
document.documentElement.lang = lang
document.title = t('page.title')
document.querySelector('meta[name="description"]')?.setAttribute('content', t('page.description'))
document.querySelector('.skip')?.replaceChildren(t('page.skip'))
document
  .getElementById('site')
  ?.replaceChildren(
    h('h1', {}, t('page.heading')),
    h(
      'div',
      { class: 'site-controls' },
      createLanguageSwitcher(t('page.language')),
      createPresenterToggle(t('page.presenter')),
    ),
    h('p', {}, t('page.introBefore'), h('strong', {}, t('page.introBoth')), t('page.introAfter')),
  )

const challenges = createChallengesPanel((challenge) => {
  tabs.select('play')
  play.startChallenge(challenge)
})
const play = createPlayPanel((challenge) => challenges.solved(challenge))
const story = createSeedLesson()
const whyTwoKeys = createWhyTwoKeysLesson()
const rewrite = createRewriteLesson()
const whatIf = createWhatIfPanel(
  () => (document.getElementById('policy-text') as HTMLTextAreaElement | null)?.value ?? '',
)
const diff = createDiffPanel()
const tabs = createTabs(t('page.tabsLabel'), [
  { id: 'play', label: t('tabs.play'), panel: play.element },
  { id: 'story', label: t('tabs.story'), panel: story.element },
  { id: 'why-two-keys', label: t('tabs.whyTwoKeys'), panel: whyTwoKeys.element },
  { id: 'challenges', label: t('tabs.challenges'), panel: challenges.element },
  { id: 'rewrite', label: t('tabs.rewrite'), panel: rewrite.element },
  { id: 'diff', label: t('diff.tab'), panel: diff.element },
  { id: 'what-if', label: t('tabs.whatIf'), panel: whatIf.element },
])
app.replaceChildren(tabs.element)
play.start()
void story.start()
void whyTwoKeys.start()
void rewrite.start()
document.body.dataset.ready = 'true'

// So tests and curious students can see which build this is.
app.append(h('p', { class: 'build' }, t('page.build')))
