import { t } from '../i18n/language.js'
import { createScriptLesson } from './createScriptLesson.js'
import { loadSeedScript } from './seedScript.js'

/** The seed story as a guided lesson: examples/seed-walkthrough.yaml, step by step (see createScriptLesson). */
export function createSeedLesson() {
  const bundled = loadSeedScript()
  return createScriptLesson(bundled, {
    prefix: 'story',
    className: 'story',
    sayKey: 'seedSay',
    intro: [t('story.intro', { file: bundled.scriptFile, policy: bundled.policyFile })],
  })
}
