import { type Phrase, phrase } from '../../machines/refusalMessages.js'
import type { Command } from '../domain/Command.js'
import type { RefusalRecord } from '../stores/Store.js'
import type { EngineCore } from './EngineCore.js'
import { foldEvents } from './foldEvents.js'
import type { Loaded } from './initiativeLoader.js'
import { judgeCommand } from './judgeCommand.js'

const sameTexts = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((text, i) => text === b[i])

/**
 * The phrases of a kept refusal, for a repeat of its command. The security log keeps the reasons
 * in English only, so the command is judged again — on the initiative as it stands, else as it
 * stood at the refusal (its events up to then) — and those phrases are taken when they say the
 * kept reasons word for word; otherwise each reason is a `text` phrase, shown as written.
 *
 * @example
 * const phrases = await refusalPhrases(core, command, previous.refusal)
 * phrases.map((p) => renderPhrase(p)) // the refusal's reasons, as kept
 */
export async function refusalPhrases(
  { store, loader, policyHash }: EngineCore,
  command: Command,
  refusal: RefusalRecord,
): Promise<Phrase[]> {
  const asText = () => refusal.reasons.map((text) => phrase('text', { text }))
  const initiativeId = refusal.initiativeId
  if (initiativeId === null || refusal.code === 'UNAUTHENTICATED') return asText()
  const sayingTheReasons = (loaded: Loaded) => {
    const explanation = judgeCommand(loaded, command, initiativeId, refusal.at).explanation
    return explanation !== undefined && sameTexts(explanation.reasons, refusal.reasons)
      ? explanation.phrases
      : undefined
  }
  try {
    const now = await loader.load(initiativeId)
    const judgedNow = sayingTheReasons(now ?? (await loader.startOf(initiativeId, policyHash)))
    if (judgedNow !== undefined) return judgedNow
    if (now === undefined) return asText()
    // Events appended since the refusal changed the answer: judge it on the log as it was then.
    const events = await store.readEvents(initiativeId)
    const then = events.filter((r) => r.event.at <= refusal.at)
    const start = await loader.startOf(initiativeId, then[0]?.policyHash ?? policyHash)
    const snapshot = foldEvents(
      start.machine,
      start.policyHash,
      then.map((r) => r.event),
      start.snapshot,
    )
    return sayingTheReasons({ ...start, snapshot, seq: then.length }) ?? asText()
  } catch {
    // The words are a courtesy: a repeat still gets its refusal, reasons and code as kept.
    return asText()
  }
}
