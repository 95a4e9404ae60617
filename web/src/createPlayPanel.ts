import type { InitiativeContext } from '../../machines/InitiativeContext.js'
import { INVARIANTS } from '../../src/invariants/invariants.js'
import { loadPolicy } from '../../src/policy/loadPolicy.js'
import type { Policy } from '../../src/policy/PolicySchema.js'
import { createKeysPanel } from './audit/createKeysPanel.js'
import { createActionsPanel } from './createActionsPanel.js'
import { phaseWords } from './createBoardView.js'
import { createClockPanel } from './createClockPanel.js'
import { createPolicyPanel } from './createPolicyPanel.js'
import { createProposalForm } from './createProposalForm.js'
import { createRoleSwitcher } from './createRoleSwitcher.js'
import { createSandbox, type Outcome, SANDBOX_INITIATIVE, type Sandbox } from './createSandbox.js'
import { createStage } from './createStage.js'
import { h } from './h.js'
import { t } from './i18n/language.js'
import { type Challenge, challengeText } from './lessons/challenges.js'
import { localizedPolicy } from './localizedPolicy.js'
import { defaultDraft, type Offer, offersFor, type ProposalDraft } from './offersFor.js'
import { invariantName, invariantStatement, renderReasons } from './renderReasons.js'
import type { Scene } from './scene.js'
import { shippedPolicy } from './shippedPolicies.js'

/**
 * The playground: pick a policy, act as any principal, press the commands the engine allows
 * (or try the ones it refuses), move the clock, and watch the keys, the chart and the audit
 * trail. A challenge sets up a situation and watches for the invariant that stops the student.
 */
export function createPlayPanel(onChallengeFound: (challenge: Challenge) => void) {
  let sandbox: Sandbox = createSandbox(loadPolicy(shippedPolicy('two-keys.yaml').text, 'two-keys.yaml'))
  let actingAs = 'minzifry'
  let challenge: Challenge | null = null
  let found = false
  let queue: Promise<unknown> = Promise.resolve()

  const policyPanel = createPolicyPanel((policy) => serial(() => usePolicy(policy, null)))
  const roles = createRoleSwitcher((principal) => {
    actingAs = principal
    // Another principal's buttons: the last outcome goes back to the top of the actions.
    outcomeAt = null
    serial(refresh)
  })
  const form = createProposalForm(() => serial(refresh))
  // The outcome of an action, drawn next to the button pressed (or the clock); `latest` repeats its
  // first line above the keys, where a projector's first screen shows it and a screen reader hears it.
  const outcome = h('div', { class: 'outcome' })
  const latest = h('p', { class: 'latest', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' })
  let outcomeAt: string | null = null
  const actions = createActionsPanel(form.element, (offer) => serial(() => attempt(offer)))
  const clock = createClockPanel(
    (ms) => serial(() => advance(ms)),
    () => serial(() => usePolicy(sandbox.policy, challenge)),
  )
  const keys = createKeysPanel()
  const banner = h('section', { class: 'challenge-banner', 'aria-labelledby': 'challenge-h', hidden: true })
  const stage = createStage('play', t('play.empty'))
  const element = h(
    'div',
    { class: 'play' },
    banner,
    h(
      'div',
      { class: 'columns' },
      h(
        'div',
        { class: 'controls' },
        roles.element,
        actions.element,
        clock.element,
        keys.element,
        policyPanel.element,
      ),
      stage.element,
    ),
  )
  stage.element.prepend(latest)

  /** Draws the outcome next to what caused it: the offer's button, or the clock's buttons. */
  function placeOutcome() {
    const offer =
      outcomeAt === null || outcomeAt === 'clock'
        ? null
        : actions.element.querySelector(`[data-offer="${CSS.escape(outcomeAt)}"]`)?.closest('li')
    if (offer !== null && offer !== undefined) offer.append(outcome)
    else if (outcomeAt === 'clock') clock.buttons.after(outcome)
    else actions.top.after(outcome)
  }

  /** Shows an outcome: the box next to its cause, and its first line (and first reason) above the keys. */
  function say(kind: string, at: string | null, ...content: HTMLElement[]) {
    outcome.dataset.kind = kind
    outcome.replaceChildren(...content)
    outcomeAt = at
    placeOutcome()
    latest.dataset.kind = kind
    latest.textContent = [content[0]?.textContent, content[1]?.querySelector('.reason')?.textContent]
      .filter((x) => x !== undefined && x !== null && x !== '')
      .join(' ')
  }

  /** One thing at a time: the engine's answers arrive in the order they were asked. */
  function serial(task: () => Promise<unknown>) {
    queue = queue.then(task).catch((error: unknown) => {
      say('refused', null, h('p', { class: 'bad' }, t('play.internalError', { error: String(error) })))
    })
  }

  async function usePolicy(policy: Policy, next: Challenge | null) {
    sandbox = createSandbox(policy)
    challenge = next
    found = false
    outcome.replaceChildren()
    delete outcome.dataset.kind
    outcomeAt = null
    latest.textContent = ''
    delete latest.dataset.kind
    if (next !== null) {
      for (const step of next.setup) {
        if (step.advance !== undefined) await sandbox.advance(step.advance)
        if (step.command !== undefined) {
          const result = await sandbox.attempt(step.command)
          if (result.kind === 'refused')
            throw new Error(`challenge "${next.id}" setup was refused: ${result.reasons.join('; ')}`)
        }
      }
      actingAs = next.actAs
    }
    actingAs = roles.update(localizedPolicy(policy), actingAs)
    form.reset(policy, next?.draft ?? defaultDraft(policy))
    renderBanner()
    await refresh()
    // A keyboard or screen-reader user starting a challenge lands on it.
    if (next !== null) document.getElementById('challenge-h')?.focus()
  }

  async function refresh(): Promise<Scene> {
    const scene = await sandbox.scene()
    stage.update(scene)
    const context = scene.board === null ? null : (scene.snapshot.context as InitiativeContext)
    const draft: ProposalDraft = form.read()
    // Offers name keys in the page's language; their commands carry ids only.
    const offers = offersFor(
      localizedPolicy(sandbox.policy),
      actingAs,
      SANDBOX_INITIATIVE,
      context,
      sandbox.now(),
      draft,
    )
    const explained = await Promise.all(
      offers.map(async (offer) => ({ offer, explanation: await sandbox.explain(offer.command) })),
    )
    actions.update(actingAs, explained, context === null)
    placeOutcome()
    clock.update(sandbox.now())
    keys.update(sandbox.audit, actingAs)
    return scene
  }

  async function attempt(offer: Offer) {
    const result = await sandbox.attempt(offer.command)
    const scene = await refresh()
    showOutcome(offer, result, scene)
    check(result, scene)
  }

  async function advance(ms: number) {
    await sandbox.advance(ms)
    const scene = await refresh()
    say(
      'clock',
      'clock',
      h(
        'p',
        {},
        t('play.timePassed', {
          where:
            scene.board === null
              ? t('play.noInitiative')
              : t('play.initiativeIs', { phase: phaseWords(scene.board) }),
        }),
      ),
    )
    check(null, scene)
  }

  function showOutcome(offer: Offer, result: Outcome, scene: Scene) {
    if (result.kind === 'accepted') {
      say(
        'accepted',
        offer.id,
        h(
          'p',
          { class: 'ok' },
          t('play.accepted', { who: actingAs, action: offer.label, phase: phaseWords(scene.board) }),
        ),
      )
      return
    }
    say(
      'refused',
      offer.id,
      h('p', { class: 'bad' }, t('play.refused', { who: actingAs, action: offer.label })),
      renderReasons(result.reasons, result.code, true, result.phrases),
    )
  }

  function check(result: Outcome | null, scene: Scene) {
    if (challenge === null || found) return
    if (!challenge.found(result, scene.board)) return
    found = true
    renderBanner()
    onChallengeFound(challenge)
  }

  function renderBanner() {
    banner.hidden = challenge === null
    if (challenge === null) {
      banner.replaceChildren()
      return
    }
    const invariant = INVARIANTS.find((i) => i.id === challenge?.invariant)
    const words = (field: 'title' | 'story' | 'goal' | 'hint') =>
      challenge === null ? '' : challengeText(challenge, field)
    banner.dataset.found = String(found)
    banner.replaceChildren(
      h('h2', { id: 'challenge-h', tabindex: -1 }, t('play.challenge', { title: words('title') })),
      h('p', {}, words('story')),
      h('p', {}, h('strong', {}, t('play.goal')), words('goal')),
      h('details', {}, h('summary', {}, t('play.hint')), h('p', {}, words('hint'))),
      h(
        'p',
        { class: found ? 'ok found' : 'pending', role: 'status' },
        found
          ? t('play.found', {
              id: invariant?.id,
              name: invariantName(invariant?.id ?? ''),
              statement: invariantStatement(invariant?.id ?? ''),
            })
          : t('play.notYet'),
      ),
      h('p', {}, h('button', { type: 'button', onClick: () => leaveChallenge() }, t('play.leave'))),
    )
  }

  function leaveChallenge() {
    serial(() => usePolicy(sandbox.policy, null))
  }

  /** Starts a challenge: its policy, its setup, its principal. */
  function startChallenge(next: Challenge) {
    policyPanel.choose(next.policy, false)
    serial(() => usePolicy(loadPolicy(shippedPolicy(next.policy).text, next.policy), next))
  }

  function start() {
    policyPanel.choose('two-keys.yaml')
  }

  return { element, start, startChallenge }
}
