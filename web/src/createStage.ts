import { ENGLISH_GUARD_WORDS } from '../../src/render/guardWords.js'
import { RUSSIAN_GUARD_WORDS } from '../../src/render/guardWords.ru.js'
import { type KeyRegionWords, keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { createBoardView } from './createBoardView.js'
import { createDiagramView } from './createDiagramView.js'
import { createTrailView } from './createTrailView.js'
import { eventTypeWord } from './eventTypeWord.js'
import { h } from './h.js'
import { language, t } from './i18n/language.js'
import type { Scene } from './scene.js'
import { stateLabels, stateName } from './stateNames.js'

/**
 * The active leaf states in words: `open › review › presidential-administration › turned`; in
 * Russian each state's name, then that path of ids.
 */
export function describeActive(scene: Scene): string {
  const regions = new Set(Object.keys(keyRegionLabels(scene.policy)))
  const leaves = scene.snapshot._nodes
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => {
      const chain: (typeof n)[] = []
      for (let s: typeof n | undefined = n; s?.parent !== undefined; s = s.parent) chain.unshift(s)
      return t('stage.activeState', {
        path: n.path.join(' › '),
        names: chain.map((s) => stateName(s, regions)).join(' › '),
      })
    })
  return t('stage.active', { states: leaves.join('; ') })
}

/** A key region's words (quorum, veto, deputies, condition) in the page's language. */
const regionWords = (): KeyRegionWords => ({
  quorum: (quorum, holders) => t('stage.region.quorum', { quorum, holders }),
  veto: t('stage.region.veto'),
  noVeto: t('stage.region.noVeto'),
  deputies: (who, days) => t('stage.region.deputies', { who, days }),
  anyDeputy: t('stage.region.anyDeputy'),
  condition: (condition) => t('stage.region.condition', { condition }),
  reach: (bodies) =>
    t('stage.region.reach', { bodies: bodies.map((b) => t(`stage.region.body.${b}`)).join(', ') }),
})

/**
 * The chart's event names in the page's words, where an edge or a state's own transition names
 * one (` : DECIDE [approve]`, and after a note's line break): the engine's TICK is time passing,
 * and in Russian every event type is worded (`решение`).
 */
export const plainWords = (mermaid: string): string =>
  mermaid.replaceAll(
    /( : |<br\/>)([A-Z]+)\b/g,
    (_all, before: string, type: string) => before + eventTypeWord(type),
  )

/** Every state's label on the chart: the keys' regions with their words, the rest by `stateLabels`. */
function stateLabelsWithRegions(scene: Scene): Record<string, string> {
  const regions = keyRegionLabels(scene.policy, regionWords())
  return { ...stateLabels(scene.machine, regions), ...regions }
}

/**
 * What every part of the page shows about one initiative: the key board, the statechart with
 * the active states highlighted (`toMermaid(machine, { highlight })`) and the audit trail.
 */
export function createStage(prefix: string, emptyText: string) {
  const board = createBoardView(`${prefix}-board-h`, emptyText)
  const chartHeading = `${prefix}-chart-h`
  const chart = createDiagramView(t('stage.chartLabel'), 'chart')
  const trail = createTrailView(prefix)
  const element = h(
    'div',
    { class: 'stage' },
    board.element,
    h(
      'section',
      { class: 'panel chart-panel', 'aria-labelledby': chartHeading },
      h('h2', { id: chartHeading }, t('stage.chartHeading')),
      chart.element,
    ),
    trail.element,
  )

  function update(scene: Scene) {
    board.update(scene)
    chart.show(
      plainWords(
        toMermaid(scene.machine, {
          highlight: scene.snapshot._nodes.map((n) => n.id),
          labels: stateLabelsWithRegions(scene),
          guardWords: language() === 'ru' ? RUSSIAN_GUARD_WORDS : ENGLISH_GUARD_WORDS,
        }),
      ),
      describeActive(scene),
    )
    trail.update(scene)
  }

  return { element, update }
}
