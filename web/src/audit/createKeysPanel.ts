import { h } from '../h.js'
import { t } from '../i18n/language.js'
import type { AuditSession } from './auditSession.js'
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
    h('h2', { id: 'keys-h' }, t('audit.keysTitle')),
    acting,
    h(
      'details',
      {},
      h('summary', {}, t('audit.keysAll')),
      h('p', {}, t('audit.keysIntro')),
      h(
        'div',
        { class: 'table-scroll', tabindex: 0, role: 'region', 'aria-label': t('audit.keysCaption') },
        h(
          'table',
          { class: 'trail keys' },
          h('caption', {}, t('audit.keysCaption')),
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              (['principal', 'keyId', 'fingerprint', 'inKeyring'] as const).map((c) =>
                h('th', { scope: 'col' }, t(`audit.keysColumns.${c}`)),
              ),
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
    if (problem !== undefined) acting.textContent = t('audit.keysNone', { problem })
    else if (mine === undefined) acting.textContent = ''
    else if (!mine.inKeyring)
      acting.textContent = t('audit.keysOutsider', { principal: actingAs, keyId: mine.keyId })
    else
      acting.textContent = t('audit.keysActing', {
        principal: actingAs,
        keyId: mine.keyId,
        fingerprint: mine.fingerprint,
      })
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
          h('td', {}, k.inKeyring ? t('audit.inKeyring') : t('audit.notInKeyring')),
        ),
      ),
    )
  }

  return { element, update }
}
