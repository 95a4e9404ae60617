import type { Notice } from '../../../src/classroom/ClassroomFeed.js'
import type { CommandInput } from '../../../src/domain/Command.js'
import { fingerprintOf } from '../audit/principalKeys.js'
import { h } from '../h.js'
import { t } from '../i18n/language.js'
import { renderReasons } from '../renderReasons.js'
import { apiErrorText } from './apiErrorText.js'
import { type ApiAnswer, api, randomId } from './classroomApi.js'
import { createBoardCard } from './createBoardCard.js'
import { createFeedView } from './createFeedView.js'
import { localizeRoles, localizeState } from './localizeState.js'
import type { SessionState } from './SessionState.js'
import { seatName } from './seatName.js'
import { studentActions } from './studentCommands.js'
import { forgetSeat, keepSeat, makeSeatKey, type Seat, savedSeat, signAsSeat } from './studentSeat.js'

/**
 * What an answer of the API says, for the line next to the button pressed: the rules' reasons, or
 * (an ended session, a bad request) the error worded in the page's language.
 */
function outcomeOf(answer: ApiAnswer) {
  if (answer.ok) return h('p', { class: 'outcome ok' }, `✓ ${t('classroom.student.taken')}`)
  const {
    code = 'ERROR',
    reasons = [],
    phrases,
  } = answer.body as { code?: string; reasons?: string[]; phrases?: [] }
  return h(
    'div',
    { class: 'outcome bad' },
    h('p', {}, `✖ ${t('classroom.student.refused', { code })}`),
    reasons.length > 0
      ? renderReasons(reasons, code, true, phrases)
      : renderReasons([apiErrorText('command', answer)], code, true, []),
  )
}

/**
 * The student's page: join with the code (a role, a name, a key made here), then the actions
 * that role may try on each initiative, each signed in this browser, with the outcome beside it,
 * and the live feed.
 */
export function createStudentView(initialCode: string) {
  const element = h('div', { class: 'student' })

  async function showJoin(code: string, problem?: string) {
    const codeInput = h('input', {
      id: 'join-code',
      name: 'code',
      autocomplete: 'off',
      autocapitalize: 'characters',
      maxlength: 8,
      value: code,
    })
    const nameInput = h('input', { id: 'join-name', name: 'name', autocomplete: 'nickname', maxlength: 40 })
    const roles = h('fieldset', { class: 'roles' }, h('legend', {}, t('classroom.join.role')))
    const status = h('p', { class: 'status', role: 'status' }, problem ?? '')
    const joinButton = h('button', { type: 'submit', disabled: true }, t('classroom.join.join'))
    let found: { sessionId: string; roles: SessionState['roles'] } | undefined

    async function find() {
      const answer = await api(`/api/join/${encodeURIComponent(codeInput.value.trim())}`)
      if (!answer.ok) {
        status.textContent = t('classroom.join.noSession', { code: codeInput.value })
        return
      }
      found = answer.body
      status.textContent = ''
      roles.replaceChildren(
        h('legend', {}, t('classroom.join.role')),
        ...localizeRoles(answer.body.roles, answer.body.translations ?? {}).map((r, i) =>
          h(
            'label',
            { class: 'role-choice' },
            h('input', {
              type: 'radio',
              name: 'role',
              value: r.id,
              disabled: r.taken,
              checked: i === 0 && !r.taken,
            }),
            ` ${r.id === 'forger' ? t('classroom.join.forger') : r.name}`,
            r.taken ? h('span', { class: 'taken' }, ` (${t('classroom.join.taken')})`) : null,
          ),
        ),
      )
      joinButton.disabled = false
    }

    const form = h(
      'form',
      {
        class: 'join',
        onSubmit: async (event: Event) => {
          event.preventDefault()
          if (found === undefined) return find()
          const role = (form.querySelector('input[name=role]:checked') as HTMLInputElement | null)?.value
          if (role === undefined) {
            status.textContent = t('classroom.join.pickRole')
            return
          }
          // The key is made here; only its public half is sent.
          const made = await makeSeatKey()
          const answer = await api('/api/join', {
            body: { code: codeInput.value, role, name: nameInput.value, publicKey: made.publicKey },
          })
          if (!answer.ok) {
            // The roles again (a seat may have been taken meanwhile), then what went wrong.
            const problem = apiErrorText('join', answer)
            await find()
            status.textContent = problem
            return
          }
          const seat: Seat = {
            sessionId: answer.body.sessionId,
            code: codeInput.value.trim().toUpperCase(),
            role,
            name: answer.body.student.name,
            keyId: answer.body.student.keyId,
            publicKey: made.publicKey,
            key: made.key,
          }
          await keepSeat(seat)
          void showSeat(seat)
        },
      },
      h('h2', {}, t('classroom.join.heading')),
      h(
        'p',
        {},
        h('label', { for: 'join-code' }, t('classroom.join.code')),
        ' ',
        codeInput,
        ' ',
        h('button', { type: 'button', onClick: () => void find() }, t('classroom.join.find')),
      ),
      h('p', {}, h('label', { for: 'join-name' }, t('classroom.join.name')), ' ', nameInput),
      roles,
      h('p', {}, joinButton),
      status,
    )
    element.replaceChildren(form)
    if (code !== '') await find()
    // Why the student is back here (their seat was freed), once the roles are shown.
    if (problem !== undefined) status.textContent = problem
  }

  async function showSeat(seat: Seat) {
    const isForger = seat.role === 'forger'
    const boards = h('div', { class: 'boards' })
    const prompt = h('p', { class: 'prompt', role: 'status' })
    const outcomes = new Map<string, HTMLElement>()
    let state: SessionState | undefined
    let actingAs = isForger ? 'oreshkin' : seat.role
    const actAs = isForger
      ? h(
          'p',
          {},
          h('label', { for: 'act-as' }, t('classroom.student.actAs')),
          ' ',
          h('select', {
            id: 'act-as',
            onChange: (e: Event) => {
              actingAs = (e.target as HTMLSelectElement).value
              draw()
            },
          }),
        )
      : null

    const send = async (command: Record<string, unknown>, out: HTMLElement) => {
      const signed = await signAsSeat(seat, { commandId: randomId(), ...command } as CommandInput)
      const answer = await api(`/api/sessions/${seat.sessionId}/commands`, { body: signed })
      out.replaceChildren(outcomeOf(answer))
    }

    function outcomeFor(id: string) {
      let out = outcomes.get(id)
      if (out === undefined) {
        out = h('div', { class: 'outcomes', 'aria-live': 'polite' })
        outcomes.set(id, out)
      }
      return out
    }

    function proposeForm() {
      if (state === undefined || !state.roles.find((r) => r.id === seat.role)?.roles.includes('sponsor'))
        return null
      const title = h('input', {
        id: 'propose-title',
        required: true,
        maxlength: 120,
        value: t('classroom.student.sampleTitle'),
      })
      const scope = h(
        'select',
        { id: 'propose-scope' },
        h('option', { value: 'federal' }, t('classroom.scope.federal')),
        state.policy.regions[0] === undefined
          ? null
          : h(
              'option',
              { value: `regional:${state.policy.regions[0].id}` },
              t('classroom.scope.regional', { region: state.policy.regions[0].id }),
            ),
        state.policy.destinations[0] === undefined
          ? null
          : h(
              'option',
              { value: `export:${state.policy.destinations[0]}` },
              t('classroom.scope.export', { destination: state.policy.destinations[0] }),
            ),
      )
      const out = outcomeFor('propose')
      const objectives = state.policy.objectives
      return h(
        'form',
        {
          class: 'propose',
          onSubmit: (event: Event) => {
            event.preventDefault()
            const [kind = 'federal', target = ''] = scope.value.split(':')
            const objective =
              kind === 'export' && objectives.includes('export')
                ? 'export'
                : (objectives[0] ?? 'infrastructure')
            const where =
              kind === 'regional'
                ? { kind, regions: [target] }
                : kind === 'export'
                  ? { kind, destinations: [target] }
                  : { kind }
            void send(
              {
                type: 'propose',
                initiativeId: randomId(10),
                by: seat.role,
                title: title.value,
                objective,
                scope: where,
              },
              out,
            )
          },
        },
        h('h3', {}, t('classroom.student.propose')),
        h('p', {}, h('label', { for: 'propose-title' }, t('classroom.student.title')), ' ', title),
        h('p', {}, h('label', { for: 'propose-scope' }, t('classroom.student.scope')), ' ', scope),
        h('p', {}, h('button', { type: 'submit' }, t('classroom.student.proposeButton'))),
        out,
      )
    }

    function draw() {
      if (state === undefined) return
      const current = state
      const select = actAs?.querySelector('select')
      if (select !== undefined && select !== null && select.options.length === 0) {
        select.append(
          ...current.roles
            .filter((r) => r.id !== 'forger')
            .map((r) => h('option', { value: r.id }, seatName(r.id, current))),
        )
        select.value = actingAs
      }
      boards.replaceChildren(
        ...(current.boards.length === 0 ? [h('p', {}, t('classroom.student.noInitiatives'))] : []),
        ...current.boards.map((board) => {
          const id = board.initiativeId ?? ''
          const out = outcomeFor(id)
          const buttons = studentActions(seat.role, actingAs, board, current).map((action) =>
            h(
              'button',
              { type: 'button', 'data-action': action.id, onClick: () => void send(action.command, out) },
              action.label,
            ),
          )
          return createBoardCard(board, h('div', { class: 'actions buttons' }, buttons), out)
        }),
      )
    }

    async function refresh() {
      const answer = await api(`/api/sessions/${seat.sessionId}`)
      if (!answer.ok) return
      const first = state === undefined
      state = localizeState(answer.body as SessionState)
      if (first) element.querySelector('.propose-slot')?.replaceChildren(proposeForm() ?? '')
      // The seat by the principal's name in the page's language, once the policy's names are here.
      heading.textContent = headingText()
      draw()
    }

    const headingText = () =>
      t(isForger ? 'classroom.student.youForger' : 'classroom.student.you', {
        role: seatName(seat.role, state),
        name: seat.name,
      })
    const heading = h('h2', { id: 'seat-heading' }, headingText())

    const feed = createFeedView(seat.sessionId, (notice: Notice) => {
      if (notice.kind === 'prompt' && notice.role === seat.role)
        prompt.textContent = t('classroom.student.prompt')
      if (notice.kind === 'freed' && notice.keyId === seat.keyId) {
        // The teacher freed this seat: its key no longer signs; back to the join form.
        feed.close()
        void forgetSeat(seat)
        void showJoin(seat.code, t('classroom.student.freed'))
        return
      }
      if (
        notice.kind === 'event' ||
        notice.kind === 'clock' ||
        notice.kind === 'joined' ||
        notice.kind === 'freed' ||
        notice.kind === 'ended'
      )
        void refresh()
    })
    element.replaceChildren(
      h(
        'section',
        { class: 'seat', 'aria-labelledby': 'seat-heading' },
        heading,
        h(
          'p',
          { class: 'key-line' },
          t('classroom.student.key', {
            keyId: seat.keyId,
            fingerprint: fingerprintOf(seat.publicKey),
          }),
        ),
        prompt,
        actAs,
        h('div', { class: 'propose-slot' }),
        boards,
      ),
      feed.element,
    )
    await refresh()
  }

  /** The seat this browser kept for this code, if the session still seats its key; else the join form. */
  async function start() {
    const saved = await savedSeat(initialCode.trim().toUpperCase())
    if (saved !== undefined) {
      const answer = await api(`/api/sessions/${saved.sessionId}`)
      const seated = answer.ok && (answer.body as SessionState).students.some((s) => s.keyId === saved.keyId)
      if (seated) return showSeat(saved)
      // The session no longer seats this key (the teacher freed it, or the session is gone).
      if (answer.ok || answer.status === 404) await forgetSeat(saved)
    }
    return showJoin(initialCode)
  }
  void start()
  return { element }
}
