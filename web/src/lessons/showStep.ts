/** What a lesson is stepped through with: its three buttons and the list of its steps. */
export interface StepControls {
  restart: HTMLButtonElement
  previous: HTMLButtonElement
  next: HTMLButtonElement
  list: HTMLElement
}

/** Shows step `at` of `total` on the controls: buttons that lead nowhere disabled, the step marked in the list. */
export function showStep(controls: StepControls, at: number, total: number): void {
  const { restart, previous, next, list } = controls
  const focused = document.activeElement
  restart.disabled = at === 0
  previous.disabled = at === 0
  next.disabled = at === total
  // A button that just became disabled would drop the keyboard focus: hand it to its neighbour.
  if (focused instanceof HTMLButtonElement && focused.disabled) (at === 0 ? next : previous).focus()
  list.querySelectorAll('li').forEach((li, i) => {
    if (i + 1 === at) li.setAttribute('aria-current', 'step')
    else li.removeAttribute('aria-current')
  })
}
