import { h } from './h.js'

export interface Tab {
  id: string
  label: string
  panel: HTMLElement
}

/**
 * Tabs in the WAI-ARIA pattern: one tab stop for the list, arrow keys (and Home, End) move
 * between tabs, each panel labelled by its tab. The selected tab is kept in the URL's hash.
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

  function select(id: string) {
    const chosen = tabs.some((t) => t.id === id) ? id : (tabs[0]?.id ?? '')
    tabs.forEach((tab, i) => {
      const selected = tab.id === chosen
      buttons[i]?.setAttribute('aria-selected', String(selected))
      buttons[i]?.setAttribute('tabindex', selected ? '0' : '-1')
      if (panels[i] !== undefined) panels[i].hidden = !selected
    })
    if (location.hash !== `#${chosen}`) history.replaceState(null, '', `#${chosen}`)
  }

  select(location.hash.slice(1))
  return { element, select }
}
