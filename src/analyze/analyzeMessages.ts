import { errorsOf } from '../domain/phrasedError.js'

const en = (n: number) => n.toLocaleString('en')

/** Where a `diff` search stopped, for its `LIMIT_REACHED` (`memoryMB` counts when `by` is 'memory'). */
export interface DiffStop {
  a: string
  b: string
  by: 'memory' | 'asked' | 'states'
  expanded: number
  pairs: number
  memoryMB: number
  maxStates: number
  defaultMaxStates: number
}

/**
 * The English of the analyses' errors a user meets (`analyze`'s scenario and policy checks,
 * `power`'s kinds and sizes, `query`'s grammar, `replay`'s `--at`), by message key: the words
 * that were there before they were data, byte for byte. `ANALYZE_MESSAGES_RU` has the same keys
 * with the same parameters. A condition parser's own problem (`problem`) is its text.
 */
export const ANALYZE_MESSAGES = {
  'exact.notExponential': (p: { scenario: string; field: string; kind: string; mean: number }) =>
    `scenario "${p.scenario}": ${p.field} is ${p.kind}, but the exact analysis needs exponential durations (memoryless, so one initiative is a Markov chain); write ${p.field}: { kind: exponential, mean: ${p.mean} }, or pass --assume-exponential (assumeExponential) to use an exponential of the same mean`,
  'exact.meanNotPositive': (p: { scenario: string; field: string; mean: number }) =>
    `scenario "${p.scenario}": ${p.field} has mean ${p.mean} days; the exact analysis needs a positive mean`,
  'exact.capacity': (p: {
    scenario: string
    path: string
    capacity: number
    reviewer: string
    seats: number
  }) =>
    `scenario "${p.scenario}": ${p.path}.capacity is ${p.capacity}, but "${p.reviewer}" holds ${p.seats} seats of one initiative: the exact analysis needs every reviewer free for it (unlimited capacity); set ${p.path}.capacity to at least ${p.seats}`,
  'exact.deputies': (p: { scenario: string; path: string; delegate: number }) =>
    `scenario "${p.scenario}": ${p.path}.deputy.delegate is ${p.delegate}: the exact analysis does not model deputies (a delegation window is a fixed clock started at a random instant, not a Markov chain); set it to 0 or remove ${p.path}.deputy, or use twokeys simulate`,
  'exact.resubmission': (p: { scenario: string; chance: number }) =>
    `scenario "${p.scenario}": after a refusal the sponsor resubmits with chance ${p.chance}, and a resubmission opens a new review window at a random instant — a fixed deadline the exact analysis cannot place; set sponsor.withdrawAfterRefusal: 1 (or sponsor.maxAmendments: 0, or refuse: 0 for every reviewer), or use twokeys simulate`,
  'exact.noReview': (p: { scenario: string; entry: number; policy: string }) =>
    `scenario "${p.scenario}": mix entry ${p.entry} does not reach review under policy "${p.policy}"`,
  'exact.tooManyStates': (p: { policy: string; scenario: string; max: number }) =>
    `policy "${p.policy}" under scenario "${p.scenario}" has more than ${p.max.toLocaleString('en')} states of one initiative (maxChainStates); a chain cut short would give wrong answers; raise the limit`,
  'exact.lifetime': (p: { policy: string; lifetime: number; longest: number }) =>
    `policy "${p.policy}": approvals.lifetimeDays is ${p.lifetime}, shorter than the longest review (${p.longest} days): an approval could expire during the review, a fixed clock started at a random instant that the exact analysis does not model; use twokeys simulate, or a lifetime of at least ${p.longest} days`,
  'power.unknownKinds': (p: { policy: string; unknown: string[]; kinds: string[] }) =>
    `policy "${p.policy}" has no kind of initiative named ${p.unknown.map((k) => `"${k}"`).join(', ')}; its kinds are ${p.kinds.map((k) => `"${k}"`).join(', ')}`,
  'power.tooManyPlayers': (p: { kind: string; policy: string; players: number; max: number }) =>
    `kind "${p.kind}" of policy "${p.policy}" has ${p.players} players; the power analysis handles at most ${p.max} (coalitions are bit masks); make the policy smaller`,
  'power.tooManyHolders': (p: { max: number; holders: number }) =>
    `the power indices enumerate every coalition of key holders, at most ${p.max} of them; this policy has ${p.holders}`,
  'query.parse': (p: { at: number; problem: string; text: string }) =>
    `query does not parse at character ${p.at}: ${p.problem}\n  ${p.text}\n  ${' '.repeat(p.at - 1)}^\nsee "Queries over the state space" in the README for the grammar`,
  'replay.atBeforeLast': (p: { at: string; last: string }) =>
    `--at ${p.at} is before the store's last event (${p.last}); a replay judges whole histories, so give an instant at or after it, or leave --at out`,
  // The rarer limits: options from the API, a search or a solver stopped, a history that cannot be re-judged.
  'exact.epsilon': (p: { epsilon: number }) => `epsilon ${p.epsilon} must be above 0 and below 0.001`,
  'exact.cdfDay': (p: { day: number }) => `CDF day ${p.day} must be a number of days, 0 or more`,
  'exact.uniformization': (p: { max: number; rate: string }) =>
    `uniformization needs more than ${p.max.toLocaleString('en')} steps (Λt = ${p.rate}): the fastest clock is too fast for the deadline; slow the fastest reviewer or shorten the window`,
  'exact.notConverged': (p: { max: number; change: number }) =>
    `Gauss–Seidel did not converge in ${p.max.toLocaleString('en')} sweeps (last change ${p.change}); no long-run answer is given rather than one that did not converge`,
  'power.coalitionsLimit': (p: { kind: string; max: number }) =>
    `the power analysis of kind "${p.kind}" played ${p.max.toLocaleString('en')} coalitions (--max-coalitions) before every minimal winning coalition was certain; raise --max-coalitions (maxCoalitions)`,
  'power.playStopped': (p: {
    kind: string
    policy: string
    players: string[]
    by: 'memory' | 'states'
    max: number
  }) =>
    `the power analysis of kind "${p.kind}" (policy "${p.policy}") stopped: the play of {${p.players.join(', ')}} ${
      p.by === 'memory' ? 'filled the memory bound' : `passed ${p.max.toLocaleString('en')} states`
    } before approval was reached or ruled out; raise --max-states (maxStates), or --max-memory`,
  'power.grandStopped': (p: { kind: string; policy: string; by: 'memory' | 'states'; max: number }) =>
    `the power analysis of kind "${p.kind}" (policy "${p.policy}") stopped: the play where everyone acts ${
      p.by === 'memory' ? 'filled the memory bound' : `has more than ${p.max.toLocaleString('en')} states`
    }; raise --max-states (maxStates), or --max-memory`,
  'diff.incomplete': (p: DiffStop) => {
    const where = `after expanding ${en(p.expanded)} of ${en(p.pairs)} pair states seen`
    const how =
      p.by === 'memory'
        ? `filled the memory bound of ${en(p.memoryMB)} MB ${where}; give it more memory (node --max-old-space-size=<MB>, maxHeapBytes in the API)`
        : p.by === 'asked'
          ? `was stopped ${where}`
          : `stopped at the limit of ${en(p.maxStates)} pair states (--max-states) ${where}; raise --max-states (maxStates in the API; default ${en(p.defaultMaxStates)})`
    return `the diff of "${p.a}" and "${p.b}" ${how}: no verdict, the policies may still differ`
  },
  'replay.cannotRejudge': (p: { initiative: string; problem: string | undefined }) =>
    `initiative "${p.initiative}" cannot be re-judged: ${p.problem ?? 'its policy is missing'}; run \`twokeys audit verify\``,
}

/** An analysis error, worded from {@link ANALYZE_MESSAGES}. */
export const analyzeError = errorsOf(ANALYZE_MESSAGES)
