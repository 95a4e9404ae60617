import { describe, expect, it } from 'vitest'
import {
  analyzeExact,
  analyzePower,
  diffPolicies,
  formatDiff,
  formatExactAnalysis,
  formatPower,
  formatQueryResult,
  formatReplay,
  loadPolicyFile,
  loadScenarioFile,
  powerToMermaid,
  query,
  replayStore,
} from '../../src/index.js'

// README "Policy analysis › From code": each analysis is reachable from the package's entry point
// and answers as the README's snippet says.
const twoKeys = loadPolicyFile('machines/policies/two-keys.yaml')
const singleKey = loadPolicyFile('machines/policies/single-key.yaml')

describe('the policy analyses from the public API', () => {
  it('answer as the README says', () => {
    expect(diffPolicies(twoKeys, singleKey).verdict).toBe('differ')
    expect(analyzePower(twoKeys).kinds[0]?.fewestAccounts).toBe(2)
    expect(analyzeExact(twoKeys, loadScenarioFile('examples/scenarios/exact.yaml')).approved).toBeCloseTo(
      0.8608,
      4,
    )
    expect(query(twoKeys, 'approved = yes and deputies = 2').outcome).toBe('reachable')
  })

  it('export their formatters and replay', () => {
    for (const f of [
      formatDiff,
      formatPower,
      powerToMermaid,
      formatExactAnalysis,
      formatQueryResult,
      formatReplay,
      replayStore,
    ]) {
      expect(typeof f).toBe('function')
    }
  })
})
