import { h } from '../h.js'
import type { AuditSession } from './auditSession.js'
import { TEXT } from './auditText.js'
import { keyOf } from './principalKeys.js'

/**
 * The session's keys, made in this browser: each principal's key id and fingerprint, and which
 * key signs the commands of the principal the student acts as.
 */
export function createKeysPanel() {
  const acting = h('p', { class: 'keys-acting', role: 'status' })
  const body = h('tbody')
  const element = h(
    'section',
    { class: 'panel keys-panel', 'aria-labelledby': 'keys-h' },
    h('h2', { id: 'keys-h' }, TEXT.keysTitle),
    acting,
    h(
      'details',
      {},
      h('summary', {}, TEXT.keysAll),
      h('p', {}, TEXT.keysIntro),
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': TEXT.keysCaption },
        h(
          'table',
          { class: 'trail keys' },
          h('caption', {}, TEXT.keysCaption),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              TEXT.keysColumns.map((t) => h('th', { scope: 'col' }, t)),
            ),
          ),
          body,
        ),
      ),
    ),
  )

  function update(audit: AuditSession, actingAs: string) {
    const { keys, problem } = audit.keys
    const mine = keyOf(keys, actingAs)
    element.dataset.signed = String(audit.signedRequired)
    if (problem !== undefined) acting.textContent = TEXT.keysNone(problem)
    else if (mine === undefined) acting.textContent = ''
    else if (!mine.inKeyring) acting.textContent = TEXT.keysOutsider(actingAs, mine.keyId)
    else acting.textContent = TEXT.keysActing(actingAs, mine.keyId, mine.fingerprint)
    body.replaceChildren(
      ...keys.map((k) =>
        h(
          'tr',
          {
            'data-principal': k.principal,
            class: k.principal === actingAs ? 'acting' : '',
            'aria-current': k.principal === actingAs ? 'true' : null,
          },
          h('td', {}, k.principal),
          h('td', { class: 'hash' }, k.keyId),
          h('td', { class: 'hash' }, k.fingerprint),
          h('td', {}, k.inKeyring ? TEXT.inKeyring : TEXT.notInKeyring),
        ),
      ),
    )
  }

  return { element, update }
}
