import './styles.css'
import { LESSON } from './audit/auditText.js'
import { createPlayPanel } from './createPlayPanel.js'
import { createTabs } from './createTabs.js'
import { h } from './h.js'
import { createChallengesPanel } from './lessons/createChallengesPanel.js'
import { createRewriteLesson } from './lessons/createRewriteLesson.js'
import { createSeedLesson } from './lessons/createSeedLesson.js'
import { createWhatIfPanel } from './whatIf/createWhatIfPanel.js'

const app = document.getElementById('app')
if (app === null) throw new Error('the page has no #app element')

const challenges = createChallengesPanel((challenge) => {
  tabs.select('play')
  play.startChallenge(challenge)
})
const play = createPlayPanel((challenge) => challenges.solved(challenge))
const story = createSeedLesson()
const rewrite = createRewriteLesson()
const whatIf = createWhatIfPanel(
  () => (document.getElementById('policy-text') as HTMLTextAreaElement | null)?.value ?? '',
)
const tabs = createTabs('Playground sections', [
  { id: 'play', label: 'Play', panel: play.element },
  { id: 'story', label: 'The seed story', panel: story.element },
  { id: 'challenges', label: 'Challenges', panel: challenges.element },
  { id: 'rewrite', label: LESSON.tab, panel: rewrite.element },
  { id: 'what-if', label: 'What if?', panel: whatIf.element },
])
app.replaceChildren(tabs.element)
play.start()
void story.start()
void rewrite.start()
document.body.dataset.ready = 'true'

// So tests and curious students can see which build this is.
app.append(
  h(
    'p',
    { class: 'build' },
    'twokeys playground · the engine runs in your browser; nothing is sent anywhere.',
  ),
)
