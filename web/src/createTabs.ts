import { h } from './h.js'

export interface Tab {
  id: string
  label: string
  panel: HTMLElement
}

/**
 * Tabs in the WAI-ARIA pattern: one tab stop for the list, arrow keys (and Home, End) move
 * between tabs, each panel labelled by its tab. The selected tab is kept in the URL's hash, one
 * history entry per tab chosen, so Back and Forward switch tabs.
 */
export function createTabs(label: string, tabs: readonly Tab[]) {
  const buttons = tabs.map((tab) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab.id}`,
        'aria-controls': `panel-${tab.id}`,
        onClick: () => select(tab.id),
      },
      tab.label,
    ),
  )
  const list = h('div', { class: 'tablist', role: 'tablist', 'aria-label': label }, buttons)
  const panels = tabs.map((tab) =>
    h('div', { role: 'tabpanel', id: `panel-${tab.id}`, 'aria-labelledby': `tab-${tab.id}` }, tab.panel),
  )
  const element = h('div', { class: 'tabs' }, list, panels)

  list.addEventListener('keydown', (event) => {
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement)
    if (index === -1) return
    const to = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: buttons.length - 1 }[event.key]
    if (to === undefined) return
    event.preventDefault()
    const tab = tabs[(to + tabs.length) % tabs.length]
    if (tab === undefined) return
    select(tab.id)
    document.getElementById(`tab-${tab.id}`)?.focus()
  })

  /** Shows tab `id`; with `remember`, as a new history entry (a student's choice), else in place. */
  function select(id: string, remember = true) {
    const chosen = tabs.some((t) => t.id === id) ? id : (tabs[0]?.id ?? '')
    tabs.forEach((tab, i) => {
      const selected = tab.id === chosen
      buttons[i]?.setAttribute('aria-selected', String(selected))
      buttons[i]?.setAttribute('tabindex', selected ? '0' : '-1')
      if (panels[i] !== undefined) panels[i].hidden = !selected
    })
    if (location.hash === `#${chosen}`) return
    if (remember && location.hash !== '') history.pushState(null, '', `#${chosen}`)
    else history.replaceState(null, '', `#${chosen}`)
  }

  // Back and Forward (or a link to #story) land on the tab their URL names.
  window.addEventListener('popstate', () => select(location.hash.slice(1), false))
  window.addEventListener('hashchange', () => select(location.hash.slice(1), false))
  select(location.hash.slice(1), false)
  return { element, select }
}
