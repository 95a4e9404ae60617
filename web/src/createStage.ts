import { type KeyRegionWords, keyRegionLabels } from '../../src/render/keyRegionLabels.js'
import { toMermaid } from '../../src/render/toMermaid.js'
import { createBoardView } from './createBoardView.js'
import { createDiagramView } from './createDiagramView.js'
import { createTrailView } from './createTrailView.js'
import { h } from './h.js'
import { t } from './i18n/language.js'
import type { Scene } from './scene.js'

/** The active leaf states in words: `open › review › presidential-administration › turned`. */
export function describeActive(scene: Scene): string {
  const leaves = scene.snapshot._nodes
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.path.join(' › '))
  return t('stage.active', { states: leaves.join('; ') })
}

/** The chart's event names in plain words: the engine's TICK is time passing. */
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

export const plainWords = (mermaid: string): string =>
  mermaid.replaceAll(/ : TICK\b/g, ` : ${t('stage.tick')}`)

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
          labels: keyRegionLabels(scene.policy, regionWords()),
        }),
      ),
      describeActive(scene),
    )
    trail.update(scene)
  }

  return { element, update }
}
