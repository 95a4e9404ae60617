import { h } from './h.js'

/** Where the page remembers that it is on a projector. */
export const PRESENTER_KEY = 'twokeys.presenter'

function remembered(): boolean {
  try {
    return localStorage.getItem(PRESENTER_KEY) === 'on'
  } catch {
    return false
  }
}

/**
 * Presenter mode, for a projector: one button that makes every text a quarter larger (the page's
 * sizes are all in rem), pressed while on; the choice is remembered in localStorage.
 */
export function createPresenterToggle(label: string) {
  const apply = (on: boolean) => {
    document.documentElement.classList.toggle('presenter', on)
    button.setAttribute('aria-pressed', String(on))
  }
  const button = h(
    'button',
    {
      type: 'button',
      'data-presenter': '',
      onClick: () => {
        const on = !document.documentElement.classList.contains('presenter')
        apply(on)
        try {
          localStorage.setItem(PRESENTER_KEY, on ? 'on' : 'off')
        } catch {
          // Storage may be off (private mode): the mode still holds for this load.
        }
      },
    },
    label,
  )
  apply(remembered())
  return h('p', { class: 'presenter-toggle buttons' }, button)
}
