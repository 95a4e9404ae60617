import type { z } from 'zod'
import { didYouMean } from './didYouMean.js'
import type { PolicyShape } from './PolicySchema.js'

type PolicyDraft = z.output<typeof PolicyShape>

/** How many "did you mean" searches one policy gets; past it, messages list the choices instead. */
const MAX_SUGGESTIONS = 50
/** How many ids a message lists before it says how many there are in all. */
const MAX_LISTED = 10

/** Ids for a message: all of a short list, the first few of a long one. */
function listSome(ids: readonly string[]): string {
  if (ids.length <= MAX_LISTED) return ids.join(', ')
  return `${ids.slice(0, MAX_LISTED).join(', ')}, … (${ids.length} in all)`
}

/** Reports every id that appears twice in a list, at the later position. */
function reportDuplicates(
  ctx: z.RefinementCtx,
  items: readonly { id: string }[],
  where: string,
  what: string,
): void {
  const seen = new Map<string, number>()
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first === undefined) {
      seen.set(item.id, index)
      return
    }
    ctx.addIssue({
      code: 'custom',
      path: [where, index, 'id'],
      message: `duplicate ${what} id "${item.id}" (first defined at ${where}[${first}]); give each ${what} its own id`,
    })
  })
}

/**
 * Cross-field checks that a shape alone cannot express: every reference names something
 * defined, quorums are reachable, and no principal or institution can sit behind two keys.
 */
export function checkPolicyReferences(policy: PolicyDraft, ctx: z.RefinementCtx): void {
  reportDuplicates(ctx, policy.principals, 'principals', 'principal')
  reportDuplicates(ctx, policy.keys, 'keys', 'key')
  reportDuplicates(ctx, policy.regions, 'regions', 'region')

  const principals = new Map(policy.principals.map((p) => [p.id, p]))
  const known = (id: string) => principals.has(id)
  const knownList = listSome([...principals.keys()])
  // Each suggestion scans every principal: a budget keeps thousands of bad references linear.
  let suggestions = 0
  /** What to do about an unknown principal id: the likely typo first, else the choices. */
  const fixPrincipal = (id: string) => {
    const near = suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, principals.keys()) : undefined
    return near === undefined ? `add it to principals or use one of: ${knownList}` : `did you mean "${near}"?`
  }

  const holderOf = new Map<string, string>()
  const keyOfInstitution = new Map<string, string>()
  policy.keys.forEach((key, k) => {
    if (key.holders.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys', k, 'holders'],
        message: `key "${key.id}" has no holders; list at least one principal who can turn it`,
      })
    }
    if (key.quorum > key.holders.length && key.holders.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys', k, 'quorum'],
        message: `${key.quorum} is more than the ${key.holders.length} holder${key.holders.length === 1 ? '' : 's'} of "${key.id}"; lower the quorum or add holders`,
      })
    }
    const sameInstitution = keyOfInstitution.get(key.institution)
    if (sameInstitution !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys', k, 'institution'],
        message: `institution "${key.institution}" already holds key "${sameInstitution}"; two keys of one institution are not two keys (TK2), so give each key its own institution`,
      })
    } else {
      keyOfInstitution.set(key.institution, key.id)
    }
    const seenHolders = new Set<string>()
    key.holders.forEach((holder, h) => {
      const path = ['keys', k, 'holders', h]
      if (seenHolders.has(holder)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${holder}" is listed twice as a holder of "${key.id}"; remove the second entry`,
        })
      }
      seenHolders.add(holder)
      const principal = principals.get(holder)
      if (principal === undefined) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `holder "${holder}" of key "${key.id}" is not a principal; ${fixPrincipal(holder)}`,
        })
        return
      }
      const other = holderOf.get(holder)
      if (other !== undefined && other !== key.id) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${holder}" already holds key "${other}"; one principal may hold only one key (TK2), so pick another holder for "${key.id}"`,
        })
      }
      holderOf.set(holder, key.id)
      const institutions = [principal.institution, ...principal.affiliations]
      if (!institutions.includes(key.institution)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `holder "${holder}" belongs to "${principal.institution}", but key "${key.id}" is the right of "${key.institution}"; pick a holder from "${key.institution}" or add it to the principal's affiliations`,
        })
      }
    })
    const deputies = key.deputies
    if (deputies.allowed && deputies.maxDays === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['keys', k, 'deputies', 'maxDays'],
        message: `key "${key.id}" allows deputies but gives no maxDays; set how long a delegation may last, e.g. maxDays: 14`,
      })
    }
    deputies.eligible?.forEach((deputy, d) => {
      if (!known(deputy)) {
        ctx.addIssue({
          code: 'custom',
          path: ['keys', k, 'deputies', 'eligible', d],
          message: `eligible deputy "${deputy}" of key "${key.id}" is not a principal; ${fixPrincipal(deputy)}`,
        })
      }
    })
  })

  // A holder or deputy who also belongs to another key's institution would sit behind two keys (TK2),
  // and which key it reaches first would decide the outcome (TK11).
  const institutionKeys = new Map(policy.keys.map((key) => [key.institution, key.id]))
  policy.keys.forEach((key, k) => {
    const actors: [string, (string | number)[]][] = [
      ...key.holders.map((h, i): [string, (string | number)[]] => [h, ['keys', k, 'holders', i]]),
      ...(key.deputies.eligible ?? []).map((d, i): [string, (string | number)[]] => [
        d,
        ['keys', k, 'deputies', 'eligible', i],
      ]),
    ]
    for (const [id, path] of actors) {
      const principal = principals.get(id)
      if (principal === undefined) continue
      for (const institution of [principal.institution, ...principal.affiliations]) {
        const other = institutionKeys.get(institution)
        if (other === undefined || other === key.id) continue
        ctx.addIssue({
          code: 'custom',
          path,
          message: `"${id}" acts for key "${key.id}" but also belongs to "${institution}", the institution of key "${other}"; one principal would sit behind two keys (TK2) — remove that affiliation or choose another principal`,
        })
      }
    }
  })

  policy.regions.forEach((region, r) => {
    if (!known(region.governor)) {
      ctx.addIssue({
        code: 'custom',
        path: ['regions', r, 'governor'],
        message: `governor "${region.governor}" of region "${region.id}" is not a principal; ${fixPrincipal(region.governor)}`,
      })
    }
  })

  for (const [language, translation] of Object.entries(policy.translations ?? {})) {
    const lists = [
      ['principals', policy.principals, 'principal'],
      ['keys', policy.keys, 'key'],
      ['regions', policy.regions, 'region'],
    ] as const
    for (const [field, items, what] of lists) {
      for (const id of Object.keys(translation[field] ?? {})) {
        if (!items.some((item) => item.id === id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['translations', language, field, id],
            message: `"${id}" is not a ${what} of the policy; translate only its ${field} (${listSome(items.map((i) => i.id))})`,
          })
        }
      }
    }
  }

  const commission = policy.commission
  if (commission !== undefined) {
    const seen = new Set<string>()
    commission.members.forEach((member, m) => {
      const path = ['commission', 'members', m]
      if (!known(member)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `member "${member}" is not a principal; ${fixPrincipal(member)}`,
        })
      } else if (seen.has(member)) {
        ctx.addIssue({
          code: 'custom',
          path,
          message: `member "${member}" is listed twice; list each member once`,
        })
      }
      seen.add(member)
    })
    if (commission.plenaryQuorum > seen.size) {
      ctx.addIssue({
        code: 'custom',
        path: ['commission', 'plenaryQuorum'],
        message: `${commission.plenaryQuorum} is more than the ${seen.size} member${seen.size === 1 ? '' : 's'} of the commission; lower the quorum or add members`,
      })
    }
    if (policy.review.onClose !== 'plenary') {
      ctx.addIssue({
        code: 'custom',
        path: ['review', 'onClose'],
        message:
          'the commission votes in a plenary session, but a closed window lapses (onClose: lapse); set onClose: plenary or remove commission',
      })
    }
  }

  if (!policy.principals.some((p) => p.roles.includes('sponsor'))) {
    ctx.addIssue({
      code: 'custom',
      path: ['principals'],
      message:
        'no principal has the role "sponsor", so no initiative can be proposed; add roles: [sponsor] to one',
    })
  }

  const objectives = new Set(policy.objectives)
  const objectiveList = listSome(policy.objectives)
  policy.routing.forEach((rule, r) => {
    rule.when.objective?.forEach((objective, o) => {
      if (!objectives.has(objective)) {
        const near = suggestions++ < MAX_SUGGESTIONS ? didYouMean(objective, policy.objectives) : undefined
        ctx.addIssue({
          code: 'custom',
          path: ['routing', r, 'when', 'objective', o],
          message: `objective "${objective}" is not one of the policy's objectives (${objectiveList}); ${
            near === undefined ? 'add it to objectives or fix the name' : `did you mean "${near}"?`
          }`,
        })
      }
    })
    const scopes = rule.when.scope ?? ['federal', 'regional', 'export']
    const needs = rule.track === 'federal' ? undefined : rule.track
    if (needs !== undefined && scopes.some((s) => s !== needs)) {
      ctx.addIssue({
        code: 'custom',
        path: ['routing', r, 'track'],
        message: `track "${rule.track}" needs ${needs === 'regional' ? 'a regional' : 'an export'} scope (its ${needs === 'regional' ? 'regions' : 'destinations'}), but this rule also matches scope ${scopes
          .filter((s) => s !== needs)
          .map((s) => `"${s}"`)
          .join(', ')}; add when.scope: [${needs}]`,
      })
    }
  })
  if (policy.routing.some((rule) => rule.track === 'regional') && policy.regions.length === 0) {
    ctx.addIssue({
      code: 'custom',
      path: ['regions'],
      message: 'routing has a regional track but no regions are defined; add regions with their governors',
    })
  }
}
