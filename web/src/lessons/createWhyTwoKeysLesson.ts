import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { createScriptLesson } from './createScriptLesson.js'
import { loadOneKeyScript, loadReachScript, ONE_KEY_POLICY_FILE } from './reachScripts.js'

/** The seed's own words for why there are two keys: quoted as written, in Russian, in both languages of the page. */
export const SEED_PHRASE =
  '«Два ключа» необходимы для включения в гонку ИИ «президентских» ведомств и губернаторов.'

/** The command whose proof the counterfactual shows, step by step. */
export const VERIFY_ONE_KEY = `twokeys verify ${ONE_KEY_POLICY_FILE}`

/** The seed's reason, and which parts of seed.yaml are the seed's and which are invented. */
function reasonSection() {
  return h(
    'section',
    { class: 'panel why-reason', 'aria-labelledby': 'why-two-keys-h' },
    h('h2', { id: 'why-two-keys-h' }, t('whyTwoKeys.title')),
    h('p', {}, t('whyTwoKeys.reasonLead')),
    h('blockquote', { lang: 'ru', class: 'seed-phrase' }, SEED_PHRASE),
    h('p', {}, t('whyTwoKeys.reasonMeaning')),
    h('p', {}, t('whyTwoKeys.plan')),
    h('h3', {}, t('whyTwoKeys.sourcesHeading')),
    h(
      'ul',
      { class: 'why-sources' },
      h(
        'li',
        { 'data-source': 'seed' },
        h('strong', {}, t('whyTwoKeys.fromSeedLabel')),
        ' ',
        t('whyTwoKeys.fromSeed'),
      ),
      h(
        'li',
        { 'data-source': 'invented' },
        h('strong', {}, t('whyTwoKeys.inventedLabel')),
        ' ',
        t('whyTwoKeys.invented'),
      ),
    ),
  )
}

/**
 * The lesson “Why two keys?”: the seed's reason (reach), then two scripts run for real by the
 * page's engine — the reach walkthrough on seed.yaml, and the counterfactual on seed-one-key.yaml,
 * where the Government's key alone leaves an approved regional initiative stuck for ever (the
 * dead end `twokeys verify` proves, TK10; the governor refused by TK13).
 */
export function createWhyTwoKeysLesson() {
  const reach = loadReachScript()
  const oneKey = loadOneKeyScript()
  const withTwo = createScriptLesson(reach, {
    prefix: 'why',
    className: 'script-lesson why-part',
    sayKey: 'reachSay',
    title: t('whyTwoKeys.partOne'),
    level: 'h3',
    intro: [t('whyTwoKeys.partOneIntro', { file: reach.scriptFile, policy: reach.policyFile })],
  })
  const withOne = createScriptLesson(oneKey, {
    prefix: 'one-key',
    className: 'script-lesson one-key-part',
    sayKey: 'oneKeySay',
    title: t('whyTwoKeys.partTwo'),
    level: 'h3',
    intro: [
      t('whyTwoKeys.partTwoIntro', { policy: ONE_KEY_POLICY_FILE, file: oneKey.scriptFile }),
      [t('whyTwoKeys.verifyBefore'), h('code', {}, VERIFY_ONE_KEY), t('whyTwoKeys.verifyAfter')],
    ],
  })
  const element = h('div', { class: 'why-two-keys' }, reasonSection(), withTwo.element, withOne.element)
  return { element, start: () => Promise.all([withTwo.start(), withOne.start()]) }
}
