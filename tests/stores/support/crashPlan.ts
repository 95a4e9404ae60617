import type { CommandInput } from '../../../src/domain/Command.js'

/**
 * The crash test's fixed plan. Initiative i is one of four stories; step n of the plan is always
 * the same command with id `cmd-<n>` (or the same `tick()` call) at the same planned time, so a
 * restarted writer re-sends the step it may have been killed in and the idempotency key answers.
 *
 * - `crossing`: the first decision comes after the review window closed, so the engine stores the
 *   deadline's TICK and the decision in one append;
 * - `plain`: both decisions inside the window;
 * - `ticked`: a `tick()` call records the deadline first, then the decisions;
 * - `lapsed`: a decision long after the plenary ended is refused (both deadlines applied, nothing
 *   stored), then a `tick()` records the two TICKs.
 */
export const STORIES = ['crossing', 'plain', 'ticked', 'lapsed'] as const
export type Story = (typeof STORIES)[number]

export const CRASH_START = Date.parse('2026-03-01T09:00:00Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
/** Initiatives start an hour apart; a writer run shifts its clock by its run number in ms (< an hour). */
const SPACING = HOUR
export const MAX_RUNS = 1_000_000

const PA = 'presidential-administration'
const GA = 'government-apparatus'

/** What each story's initiative holds once all its steps ran, in order. */
export const FINAL_EVENTS: Record<Story, string[]> = {
  crossing: ['PROPOSE', 'SUBMIT', 'TICK', 'DECIDE', 'DECIDE'],
  plain: ['PROPOSE', 'SUBMIT', 'DECIDE', 'DECIDE'],
  ticked: ['PROPOSE', 'SUBMIT', 'TICK', 'DECIDE', 'DECIDE'],
  lapsed: ['PROPOSE', 'SUBMIT', 'TICK', 'TICK'],
}

export type PlanStep =
  | { n: number; initiative: number; story: Story; kind: 'command'; command: CommandInput; at: number }
  | { n: number; initiative: number; story: Story; kind: 'tick'; at: number }

type Shape =
  | { kind: 'propose' | 'submit'; day: number }
  | { kind: 'decide'; by: string; key: string; day: number }
  | { kind: 'tick'; day: number }

const propose: Shape = { kind: 'propose', day: 0 }
const submit: Shape = { kind: 'submit', day: 0 }
const pa = (day: number): Shape => ({ kind: 'decide', by: 'oreshkin', key: PA, day })
const ga = (day: number): Shape => ({ kind: 'decide', by: 'grigorenko', key: GA, day })
const tick = (day: number): Shape => ({ kind: 'tick', day })

const SHAPES: Record<Story, Shape[]> = {
  crossing: [propose, submit, pa(31), ga(32)],
  plain: [propose, submit, pa(1 / 24), ga(2 / 24)],
  ticked: [propose, submit, tick(31), pa(31), ga(32)],
  lapsed: [propose, submit, pa(45), tick(45)],
}

/** Where each initiative's steps begin: initiative i tells story i mod 4. */
const CYCLE = STORIES.map((s) => SHAPES[s].length)
const PER_CYCLE = CYCLE.reduce((a, b) => a + b, 0)

/** The initiative and position within it of step n. */
function locate(n: number): { initiative: number; index: number } {
  const cycle = Math.floor(n / PER_CYCLE)
  let rest = n % PER_CYCLE
  for (let s = 0; s < CYCLE.length; s++) {
    const length = CYCLE[s] as number
    if (rest < length) return { initiative: cycle * STORIES.length + s, index: rest }
    rest -= length
  }
  throw new Error('unreachable')
}

export const initiativeIdOf = (initiative: number) => `init-${initiative}`
export const storyOf = (initiative: number): Story => STORIES[initiative % STORIES.length] as Story

/** The first step of initiative i. */
export function firstStepOf(initiative: number): number {
  const cycle = Math.floor(initiative / STORIES.length)
  let n = cycle * PER_CYCLE
  for (let s = 0; s < initiative % STORIES.length; s++) n += CYCLE[s] as number
  return n
}

/** Step n of the plan, at its planned time (a writer run adds its run number in ms). */
export function planStep(n: number): PlanStep {
  const { initiative, index } = locate(n)
  const story = storyOf(initiative)
  const shape = SHAPES[story][index] as Shape
  const at = CRASH_START + initiative * SPACING + Math.round(shape.day * DAY)
  if (shape.kind === 'tick') return { n, initiative, story, kind: 'tick', at }
  const initiativeId = initiativeIdOf(initiative)
  const commandId = `cmd-${n}`
  const base = { n, initiative, story, kind: 'command' as const, at }
  switch (shape.kind) {
    case 'propose':
      return {
        ...base,
        command: {
          type: 'propose',
          initiativeId,
          commandId,
          by: 'minzifry',
          title: `Initiative ${initiative}`,
          objective: 'infrastructure',
          scope: { kind: 'federal' },
        },
      }
    case 'submit':
      return { ...base, command: { type: 'submit', initiativeId, commandId, by: 'minzifry' } }
    default:
      return {
        ...base,
        command: {
          type: 'decide',
          initiativeId,
          commandId,
          by: shape.by,
          key: shape.key,
          decision: 'approve',
        },
      }
  }
}

/** Whether step n is refused by design (the lapsed story's late decision). */
export const refusedByDesign = (step: PlanStep) =>
  step.kind === 'command' && step.story === 'lapsed' && step.command.type === 'decide'

/** The first step after initiative `initiative`'s last: where a writer stops to leave it complete. */
export const endOfInitiative = (initiative: number) => firstStepOf(initiative + 1)

/** Ids the writer gives the TICKs it stores: with a command (`due-`) or from a tick() call (`tick-`). */
export const tickId = (source: 'due' | 'tick', n: number, run: number, k: number) =>
  `${source}-${n}-${run}-${k}`
export const TICK_ID = /^(due|tick)-(\d+)-(\d+)-(\d+)$/
export const COMMAND_ID = /^cmd-(\d+)$/
