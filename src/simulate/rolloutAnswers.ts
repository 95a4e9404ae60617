import type { ReplicationContext } from './ReplicationContext.js'
import { EventKind, ministryAnswer, RolloutAnswer, Stream } from './replicationCodes.js'
import type { SimulationModel } from './SimulationModel.js'

/**
 * Queues the answers to an approved initiative's rollout, drawn from its rollout stream: the
 * sponsor's completion (federal), or each named ministry's acceptance when the table names
 * ministries; the governors' answers (regional); the destinations' agreement (export).
 */
export function scheduleRollout(run: ReplicationContext, slot: number, phase: number): void {
  // No closures here: one runs per approval, and each would be allocated (and, under tsx, named).
  const { model, slots, events, now } = run
  const { scenario, samplers } = model
  const stream = Stream.Rollout
  const g = slots.generation(slot)
  const mix = scenario.mix[slots.mix(slot)]!
  const answer = EventKind.RolloutAnswer
  const [federal, regional] = model.phase.rollout
  if (phase === federal && namesMinistries(model)) {
    // The table names two ministries; each answers after its own federal-rollout time.
    for (let m = 0; m < 2; m++) {
      const t = samplers.federal(slots.uniform(slot, stream))
      const accepts = slots.draw(slot, stream) < scenario.rollout.ministryAccepts
      events.push(now + t, answer, slot, g, ministryAnswer(m, accepts))
    }
  } else if (phase === federal) {
    events.push(now + samplers.federal(slots.uniform(slot, stream)), answer, slot, g, RolloutAnswer.Complete)
  } else if (phase === regional) {
    // The table names two regions; with n regions, its first seat answers when all but the
    // last governor have, and its second with the last one.
    let last = 0
    let second = 0
    let allAccept = true
    for (let r = 0; r < mix.regions; r++) {
      const t = samplers.governor(slots.uniform(slot, stream))
      if (slots.draw(slot, stream) >= scenario.governors.accept) allAccept = false
      if (t > last) {
        second = last
        last = t
      } else if (t > second) second = t
    }
    if (mix.regions === 1) second = last
    const first = allAccept ? RolloutAnswer.FirstRegionAccepts : RolloutAnswer.FirstRegionDeclines
    events.push(now + second, answer, slot, g, first)
    events.push(
      now + last,
      answer,
      slot,
      g,
      allAccept ? RolloutAnswer.LastRegionAccepts : RolloutAnswer.LastRegionDeclines,
    )
  } else {
    let last = 0
    let agreed = true
    for (let d = 0; d < mix.destinations; d++) {
      last = Math.max(last, samplers.export(slots.uniform(slot, stream)))
      if (slots.draw(slot, stream) >= scenario.rollout.exportAgreed) agreed = false
    }
    const code = agreed ? RolloutAnswer.DestinationsAgreed : RolloutAnswer.DestinationDeclined
    events.push(now + last, answer, slot, g, code)
  }
}

/** Whether named ministries answer a federal rollout (the sponsor does not complete it). */
function namesMinistries(model: SimulationModel): boolean {
  return (model.ev.ministry[0]?.[0] ?? -1) >= 0
}

/** The table event a rollout answer sends. */
export function rolloutEvent(ev: SimulationModel['ev'], answer: number): number {
  if (answer === RolloutAnswer.Complete) return ev.complete
  if (answer >= RolloutAnswer.FirstMinistry) {
    const pair = ev.ministry[(answer - RolloutAnswer.FirstMinistry) >> 1]!
    return (answer - RolloutAnswer.FirstMinistry) % 2 === 0 ? pair[0] : pair[1]
  }
  if (answer <= RolloutAnswer.LastRegionDeclines) {
    const pair = ev.respond[answer <= RolloutAnswer.FirstRegionDeclines ? 0 : 1]!
    return answer === RolloutAnswer.FirstRegionAccepts || answer === RolloutAnswer.LastRegionAccepts
      ? pair[0]
      : pair[1]
  }
  return answer === RolloutAnswer.DestinationsAgreed ? ev.destination[0] : ev.destination[1]
}
