import { h } from './h.js'
import { t } from './i18n/language.js'
import { loadMermaid } from './loadMermaid.js'

let renders = 0

const ZOOMS: [string, number | null][] = [
  ['diagram.fit', null],
  ['50%', 0.5],
  ['100%', 1],
  ['200%', 2],
]

/**
 * Drag to pan: a mouse or pen dragged over a zoomed drawing scrolls its box (touch pans natively,
 * and the box is focusable, so arrow keys scroll it too).
 */
function dragToPan(scroller: HTMLElement): void {
  let from: { x: number; y: number; left: number; top: number } | null = null
  scroller.addEventListener('pointerdown', (event) => {
    if (event.pointerType === 'touch' || event.button !== 0) return
    from = { x: event.clientX, y: event.clientY, left: scroller.scrollLeft, top: scroller.scrollTop }
    scroller.setPointerCapture(event.pointerId)
  })
  scroller.addEventListener('pointermove', (event) => {
    if (from === null) return
    scroller.scrollLeft = from.left - (event.clientX - from.x)
    scroller.scrollTop = from.top - (event.clientY - from.y)
  })
  const stop = () => {
    from = null
  }
  scroller.addEventListener('pointerup', stop)
  scroller.addEventListener('pointercancel', stop)
}

/**
 * A Mermaid diagram that redraws when its text changes: the figure (an SVG with a label), a
 * text alternative, and the Mermaid source to copy. Renders one at a time; only the latest
 * text counts.
 */
export function createDiagramView(label: string, className = '') {
  const figure = h('div', { class: 'diagram-figure', role: 'img', 'aria-label': label })
  const scroller = h(
    'div',
    {
      class: 'diagram-scroll',
      tabindex: 0,
      role: 'region',
      'aria-label': t('diagram.scrollable', { label }),
    },
    figure,
  )
  dragToPan(scroller)
  const status = h('p', { class: 'diagram-status' }, t('diagram.loading'))
  const alt = h('p', { class: 'diagram-alt' })
  const source = h('pre', { class: 'diagram-source' })
  let zoom: number | null = null
  const zoomButtons = ZOOMS.map(([text, value]) =>
    h(
      'button',
      {
        type: 'button',
        'aria-pressed': String(value === zoom),
        onClick: () => {
          zoom = value
          applyZoom()
        },
      },
      text.startsWith('diagram.') ? t(text) : text,
    ),
  )
  const element = h(
    'div',
    { class: `diagram ${className}`.trim() },
    h(
      'p',
      { class: 'buttons zoom', role: 'group', 'aria-label': t('diagram.zoom') },
      t('diagram.zoomLabel'),
      zoomButtons,
    ),
    status,
    scroller,
    alt,
    h('details', {}, h('summary', {}, t('diagram.source')), source),
  )
  const drawings = new Map<string, string>()
  let wanted: string | null = null
  let drawn: string | null = null
  let running = false

  /** Fit the width, or draw at a scale and bring the highlighted state into view. */
  function applyZoom() {
    ZOOMS.forEach(([, value], i) => {
      zoomButtons[i]?.setAttribute('aria-pressed', String(value === zoom))
    })
    const drawing = figure.querySelector('svg')
    if (drawing === null) return
    if (zoom === null) {
      drawing.style.removeProperty('width')
      drawing.style.maxWidth = '100%'
      return
    }
    drawing.style.maxWidth = 'none'
    drawing.style.width = `${Math.round(drawing.viewBox.baseVal.width * zoom)}px`
    const active = drawing.querySelector('.active')
    if (active !== null) {
      const box = active.getBoundingClientRect()
      const frame = scroller.getBoundingClientRect()
      scroller.scrollLeft += box.left - frame.left - frame.width / 2 + box.width / 2
      scroller.scrollTop += box.top - frame.top - frame.height / 2 + box.height / 2
    }
  }

  async function drain() {
    if (running) return
    running = true
    try {
      while (wanted !== null && wanted !== drawn) {
        const text = wanted
        try {
          let svg = drawings.get(text)
          if (svg === undefined) {
            const mermaid = await loadMermaid()
            svg = (await mermaid.render(`mermaid-${++renders}`, text)).svg
            // Layout is the slow part; a state seen before is drawn again from memory.
            if (drawings.size >= 40) drawings.delete(drawings.keys().next().value as string)
            drawings.set(text, svg)
          }
          figure.innerHTML = svg
          applyZoom()
          status.textContent = ''
          element.dataset.rendered = 'true'
          delete element.dataset.error
        } catch (error) {
          status.textContent = t('diagram.failed', {
            error: error instanceof Error ? error.message : String(error),
          })
          element.dataset.error = 'true'
        }
        drawn = text
      }
    } finally {
      running = false
    }
  }

  /** Shows `text`; `description` says in words what the diagram highlights. */
  function show(text: string, description: string) {
    source.textContent = text
    alt.textContent = description
    wanted = text
    void drain()
  }

  return { element, show }
}
