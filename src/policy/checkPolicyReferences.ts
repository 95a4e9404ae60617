import type { z } from 'zod'
import { didYouMean } from './didYouMean.js'
import type { PolicyShape } from './PolicySchema.js'
import { addPhrased } from './phrasedIssue.js'
import { type ItemKind, type Listed, type PrincipalFix, policyPhrase } from './policyMessages.js'

type PolicyDraft = z.output<typeof PolicyShape>

/** How many "did you mean" searches one policy gets; past it, messages list the choices instead. */
const MAX_SUGGESTIONS = 50
/** How many ids a message lists before it says how many there are in all. */
const MAX_LISTED = 10

/** Ids for a message: all of a short list, the first few of a long one. */
function listSome(ids: readonly string[]): Listed {
  return { ids: ids.slice(0, MAX_LISTED), total: ids.length }
}

/** Reports every id that appears twice in a list, at the later position. */
function reportDuplicates(
  ctx: z.RefinementCtx,
  items: readonly { id: string }[],
  where: string,
  kind: ItemKind,
): void {
  const seen = new Map<string, number>()
  items.forEach((item, index) => {
    const first = seen.get(item.id)
    if (first === undefined) {
      seen.set(item.id, index)
      return
    }
    addPhrased(
      ctx,
      [where, index, 'id'],
      policyPhrase('references.duplicateId', { kind, id: item.id, where, first }),
    )
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
  const fixPrincipal = (id: string): PrincipalFix => {
    const near = suggestions++ < MAX_SUGGESTIONS ? didYouMean(id, principals.keys()) : undefined
    return near === undefined ? { known: knownList } : { near }
  }

  const holderOf = new Map<string, string>()
  const keyOfInstitution = new Map<string, string>()
  policy.keys.forEach((key, k) => {
    if (key.holders.length === 0) {
      addPhrased(ctx, ['keys', k, 'holders'], policyPhrase('references.noHolders', { key: key.id }))
    }
    if (key.quorum > key.holders.length && key.holders.length > 0) {
      addPhrased(
        ctx,
        ['keys', k, 'quorum'],
        policyPhrase('references.quorumAboveHolders', {
          quorum: key.quorum,
          holders: key.holders.length,
          key: key.id,
        }),
      )
    }
    const sameInstitution = keyOfInstitution.get(key.institution)
    if (sameInstitution !== undefined) {
      addPhrased(
        ctx,
        ['keys', k, 'institution'],
        policyPhrase('references.institutionTwice', { institution: key.institution, other: sameInstitution }),
      )
    } else {
      keyOfInstitution.set(key.institution, key.id)
    }
    const seenHolders = new Set<string>()
    key.holders.forEach((holder, h) => {
      const path = ['keys', k, 'holders', h]
      if (seenHolders.has(holder)) {
        addPhrased(ctx, path, policyPhrase('references.holderTwice', { holder, key: key.id }))
      }
      seenHolders.add(holder)
      const principal = principals.get(holder)
      if (principal === undefined) {
        addPhrased(
          ctx,
          path,
          policyPhrase('references.holderNotPrincipal', { holder, key: key.id, fix: fixPrincipal(holder) }),
        )
        return
      }
      const other = holderOf.get(holder)
      if (other !== undefined && other !== key.id) {
        addPhrased(ctx, path, policyPhrase('references.holdsTwoKeys', { holder, other, key: key.id }))
      }
      holderOf.set(holder, key.id)
      const institutions = [principal.institution, ...principal.affiliations]
      if (!institutions.includes(key.institution)) {
        addPhrased(
          ctx,
          path,
          policyPhrase('references.holderOutsideInstitution', {
            holder,
            institution: principal.institution,
            key: key.id,
            keyInstitution: key.institution,
          }),
        )
      }
    })
    const deputies = key.deputies
    if (deputies.allowed && deputies.maxDays === undefined) {
      addPhrased(
        ctx,
        ['keys', k, 'deputies', 'maxDays'],
        policyPhrase('references.noMaxDays', { key: key.id }),
      )
    }
    deputies.eligible?.forEach((deputy, d) => {
      if (!known(deputy)) {
        addPhrased(
          ctx,
          ['keys', k, 'deputies', 'eligible', d],
          policyPhrase('references.deputyNotPrincipal', { deputy, key: key.id, fix: fixPrincipal(deputy) }),
        )
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
        addPhrased(
          ctx,
          path,
          policyPhrase('references.behindTwoKeys', { id, key: key.id, institution, other }),
        )
      }
    }
  })

  policy.regions.forEach((region, r) => {
    if (!known(region.governor)) {
      addPhrased(
        ctx,
        ['regions', r, 'governor'],
        policyPhrase('references.governorNotPrincipal', {
          governor: region.governor,
          region: region.id,
          fix: fixPrincipal(region.governor),
        }),
      )
    }
  })

  for (const [language, translation] of Object.entries(policy.translations ?? {})) {
    const lists = [
      ['principals', policy.principals, 'principal'],
      ['keys', policy.keys, 'key'],
      ['regions', policy.regions, 'region'],
      ['objectives', policy.objectives.map((id) => ({ id })), 'objective'],
    ] as const
    for (const [field, items, what] of lists) {
      for (const id of Object.keys(translation[field] ?? {})) {
        if (!items.some((item) => item.id === id)) {
          addPhrased(
            ctx,
            ['translations', language, field, id],
            policyPhrase('references.translationUnknown', {
              id,
              kind: what,
              field,
              known: listSome(items.map((i) => i.id)),
            }),
          )
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
        addPhrased(
          ctx,
          path,
          policyPhrase('references.memberNotPrincipal', { member, fix: fixPrincipal(member) }),
        )
      } else if (seen.has(member)) {
        addPhrased(ctx, path, policyPhrase('references.memberTwice', { member }))
      }
      seen.add(member)
    })
    if (commission.plenaryQuorum > seen.size) {
      addPhrased(
        ctx,
        ['commission', 'plenaryQuorum'],
        policyPhrase('references.plenaryQuorumAboveMembers', {
          quorum: commission.plenaryQuorum,
          members: seen.size,
        }),
      )
    }
    if (policy.review.onClose !== 'plenary') {
      addPhrased(ctx, ['review', 'onClose'], policyPhrase('references.commissionLapses', {}))
    }
  }

  if (!policy.principals.some((p) => p.roles.includes('sponsor'))) {
    addPhrased(ctx, ['principals'], policyPhrase('references.noSponsor', {}))
  }

  const objectives = new Set(policy.objectives)
  const objectiveList = listSome(policy.objectives)
  policy.routing.forEach((rule, r) => {
    rule.when.objective?.forEach((objective, o) => {
      if (!objectives.has(objective)) {
        const near = suggestions++ < MAX_SUGGESTIONS ? didYouMean(objective, policy.objectives) : undefined
        addPhrased(
          ctx,
          ['routing', r, 'when', 'objective', o],
          policyPhrase('references.unknownObjective', {
            objective,
            objectives: objectiveList,
            ...(near === undefined ? {} : { near }),
          }),
        )
      }
    })
    const scopes = rule.when.scope ?? ['federal', 'regional', 'export']
    const needs = rule.track === 'federal' ? undefined : rule.track
    if (needs !== undefined && scopes.some((s) => s !== needs)) {
      addPhrased(
        ctx,
        ['routing', r, 'track'],
        policyPhrase('references.trackNeedsScope', {
          track: rule.track,
          needs,
          others: scopes.filter((s) => s !== needs),
        }),
      )
    }
  })
  if (policy.routing.some((rule) => rule.track === 'regional') && policy.regions.length === 0) {
    addPhrased(ctx, ['regions'], policyPhrase('references.noRegions', {}))
  }
}
