import { beforeAll, describe, expect, it } from 'vitest'
import { loadPolicyFile } from '../../src/policy/loadPolicyFile.js'
import { historyToMermaid } from '../../src/render/historyToMermaid.js'
import { russianTimelineWords } from '../../src/render/timelineWords.ru.js'
import { loadScriptFile } from '../../src/script/loadScriptFile.js'
import { runScript } from '../../src/script/runScript.js'
import { memoryStore } from '../../src/stores/memoryStore.js'
import type { RecordedEvent } from '../../src/stores/Store.js'

/** The seed story's recorded events, by initiative. */
async function seedHistories(): Promise<Map<string, RecordedEvent[]>> {
  const { script, policyPath } = loadScriptFile('examples/seed-walkthrough.yaml')
  const store = memoryStore()
  await runScript(script, loadPolicyFile(policyPath), { store })
  const histories = new Map<string, RecordedEvent[]>()
  for (const id of await store.listInitiatives()) histories.set(id, await store.readEvents(id))
  return histories
}

/**
 * The statements historyToMermaid writes, each checked for what Mermaid's grammar needs: ids
 * declared before use, no `;` or `#` in free text (Mermaid ends a statement at `;` and reads `#`
 * as an entity). Returns the problems. (The browser test draws both kinds with Mermaid itself.)
 */
function checkSequence(text: string): string[] {
  const problems: string[] = []
  const declared = new Set<string>()
  const lines = text.trimEnd().split('\n')
  if (lines[0] !== 'sequenceDiagram') problems.push(`line 1 is "${lines[0]}"`)
  for (const [i, line] of lines.slice(1).entries()) {
    const at = `line ${i + 2}`
    const participant = /^ {2}(participant|actor) ([A-Za-z][A-Za-z0-9_]*) as [^;#]+$/.exec(line)
    const message = /^ {2}([A-Za-z][A-Za-z0-9_]*)(->>|-x|-->>)([A-Za-z][A-Za-z0-9_]*): [^;#]+$/.exec(line)
    const note = /^ {2}Note over ([A-Za-z][A-Za-z0-9_]*): [^;#]+$/.exec(line)
    if (participant !== null) {
      if (declared.has(participant[2] as string)) problems.push(`${at}: "${participant[2]}" declared twice`)
      declared.add(participant[2] as string)
    } else if (message !== null) {
      for (const id of [message[1], message[3]])
        if (!declared.has(id as string)) problems.push(`${at}: "${id}" undeclared`)
    } else if (note !== null) {
      if (!declared.has(note[1] as string)) problems.push(`${at}: "${note[1]}" undeclared`)
    } else if (!/^ {2}title [^;#]+$/.test(line)) {
      problems.push(`${at}: not a statement: ${line}`)
    }
  }
  return problems
}

const GANTT_TIME = String.raw`\d{4}-\d\d-\d\d \d\d:\d\d`
function checkGantt(text: string): string[] {
  const problems: string[] = []
  const lines = text.trimEnd().split('\n')
  if (lines[0] !== 'gantt') problems.push(`line 1 is "${lines[0]}"`)
  for (const [i, line] of lines.slice(1).entries()) {
    const at = `line ${i + 2}`
    const bar = new RegExp(`^ {2}([^:;#]+) :(${GANTT_TIME}), (${GANTT_TIME})$`).exec(line)
    if (bar !== null) {
      if (Date.parse(`${bar[2]}Z`) > Date.parse(`${bar[3]}Z`))
        problems.push(`${at}: a bar ends before it starts`)
      continue
    }
    if (new RegExp(`^ {2}[^:;#]+ :milestone, ${GANTT_TIME}, 0d$`).test(line)) continue
    if (/^ {2}(title|section) [^:;#]+$/.test(line)) continue
    if (/^ {2}(dateFormat YYYY-MM-DD HH:mm|axisFormat %d %b|todayMarker off)$/.test(line)) continue
    problems.push(`${at}: not a statement: ${line}`)
  }
  return problems
}

describe('historyToMermaid', () => {
  let histories: Map<string, RecordedEvent[]>
  const events = (id: string) => histories.get(id) ?? []
  beforeAll(async () => {
    histories = await seedHistories()
  })

  it('draws who turned which key when, as a sequence diagram', () => {
    expect(historyToMermaid(events('kazan-datacentre'), { kind: 'sequence' })).toMatchInlineSnapshot(`
      "sequenceDiagram
        title Kazan regional AI data centre (kazan-datacentre)
        participant initiative as initiative kazan-datacentre
        actor p_gov_tatarstan as gov-tatarstan
        actor p_oreshkin as oreshkin
        actor p_grigorenko as grigorenko
        participant key_presidential_administration as key presidential-administration
        participant key_government_apparatus as key government-apparatus
        p_gov_tatarstan->>initiative: 1 · 2026-03-02 09:00 · proposes "Kazan regional AI data centre" (infrastructure, regional: tatarstan)
        p_gov_tatarstan->>initiative: 2 · 2026-03-02 09:00 · submits it for review
        p_oreshkin->>key_presidential_administration: 3 · 2026-03-05 09:00 · approves revision 1
        p_grigorenko->>key_government_apparatus: 4 · 2026-03-08 10:00 · approves revision 1
        p_gov_tatarstan->>initiative: 5 · 2026-03-09 10:00 · accepts the rollout in tatarstan
      "
    `)
  })

  it('draws each key’s review on a time axis, every decision a milestone, as a Gantt chart', () => {
    expect(historyToMermaid(events('kazan-datacentre'), { kind: 'gantt' })).toMatchInlineSnapshot(`
      "gantt
        title Kazan regional AI data centre (kazan-datacentre)
        dateFormat YYYY-MM-DD HH:mm
        axisFormat %d %b
        todayMarker off
        section initiative
        1 proposed by gov-tatarstan :milestone, 2026-03-02 09:00, 0d
        2 submitted by gov-tatarstan :milestone, 2026-03-02 09:00, 0d
        5 tatarstan accepts :milestone, 2026-03-09 10:00, 0d
        revision 1 in review :2026-03-02 09:00, 2026-03-09 10:00
        section presidential-administration
        waiting, revision 1 :2026-03-02 09:00, 2026-03-05 09:00
        3 ✓ oreshkin approves :milestone, 2026-03-05 09:00, 0d
        section government-apparatus
        waiting, revision 1 :2026-03-02 09:00, 2026-03-08 10:00
        4 ✓ grigorenko approves :milestone, 2026-03-08 10:00, 0d
      "
    `)
  })

  it('writes only statements Mermaid reads, for every initiative of the seed story', () => {
    expect([...histories.keys()]).toEqual(['kazan-datacentre', 'gov-services-export', 'federal-ai-registry'])
    for (const history of histories.values()) {
      expect(checkSequence(historyToMermaid(history, { kind: 'sequence' }))).toEqual([])
      expect(checkGantt(historyToMermaid(history, { kind: 'gantt' }))).toEqual([])
    }
  })

  it('draws the same timelines in Russian words: the same statements, times and ids', () => {
    const objectives = loadPolicyFile('machines/policies/seed.yaml').translations?.ru?.objectives ?? {}
    const words = russianTimelineWords(objectives)
    // What a statement is, without its words: its arrow and ends, or its times.
    const shape = (line: string) =>
      line
        .replace(/^( {2}[A-Za-z_0-9]+(?:->>|-x|-->>)[A-Za-z_0-9]+: \d+ · [\d-]+ [\d:]+ · ).*/, '$1')
        .replace(/^ {2}[^:]*( :.*)$/, '$1')
    for (const history of histories.values()) {
      for (const kind of ['sequence', 'gantt'] as const) {
        const english = historyToMermaid(history, { kind })
        const russian = historyToMermaid(history, { kind, words })
        const lines = (text: string) => text.trimEnd().split('\n').map(shape)
        const structural = (l: string) => !/^ {2}(title|section|participant|actor|Note)\b/.test(l)
        expect(lines(russian).filter(structural)).toEqual(lines(english).filter(structural))
        expect(kind === 'gantt' ? checkGantt(russian) : checkSequence(russian)).toEqual([])
        expect(russian).not.toMatch(
          /\b(proposes|submits|approves|refuses|revokes|amends|accepts|declines|agrees|completes|proposed by|submitted by|waiting|in review|a deadline|revision \d)\b/,
        )
      }
    }
    const kazan = historyToMermaid(events('kazan-datacentre'), { kind: 'sequence', words })
    // The objective by the policy's Russian name, the scope in words, the title and ids as recorded.
    expect(kazan).toContain(`(${objectives.infrastructure}, региональная: tatarstan)`)
    expect(objectives.infrastructure).toMatch(/[а-я]/)
    expect(kazan).toContain('participant key_presidential_administration as ключ presidential-administration')
    expect(kazan).toContain(`· ${words.approves(1)}`)
    const gantt = historyToMermaid(events('gov-services-export'), { kind: 'gantt', words })
    expect(gantt).toContain(`  ${words.waiting(2)} :2026-03-13 10:00, 2026-03-16 10:00`)
    expect(gantt).toContain(`  6 ${words.approvedBy('pa-aide')} :milestone, 2026-03-14 10:00, 0d`)
  })

  it('shows a new revision restarting the keys (TK5), and a deputy acting for its holder', () => {
    const sequence = historyToMermaid(events('gov-services-export'), { kind: 'sequence' })
    expect(sequence).toContain('p_minpromtorg->>initiative: 4 · 2026-03-13 10:00 · amends it: revision 2')
    expect(sequence).toContain('Note over initiative: revision 2: earlier approvals no longer count (TK5)')
    expect(sequence).toContain(
      'p_oreshkin->>p_pa_aide: 5 · 2026-03-14 10:00 · names deputy for presidential-administration',
    )
    expect(sequence).toContain(
      'p_pa_aide->>key_presidential_administration: 6 · 2026-03-14 10:00 · approves revision 2',
    )
    const gantt = historyToMermaid(events('gov-services-export'), { kind: 'gantt' })
    expect(gantt).toContain('  waiting, revision 1 :2026-03-10 10:00, 2026-03-12 10:00')
    expect(gantt).toContain('  waiting, revision 2 :2026-03-13 10:00, 2026-03-16 10:00')
    expect(gantt).toContain('  6 ✓ pa-aide approves :milestone, 2026-03-14 10:00, 0d')
  })

  it('shows deadlines, which turn no key', () => {
    const sequence = historyToMermaid(events('federal-ai-registry'), { kind: 'sequence' })
    expect(sequence).toContain('Note over initiative: 3 · 2026-04-15 10:00 · a deadline fell due')
    expect(sequence).not.toContain('key_')
    expect(historyToMermaid(events('federal-ai-registry'), { kind: 'gantt' })).toContain(
      '  4 a deadline fell due :milestone, 2026-04-29 10:00, 0d',
    )
  })

  it('draws refusals with a cross, and keeps free text out of Mermaid’s syntax', () => {
    const [propose, submit] = events('kazan-datacentre')
    const refusal = {
      ...(submit as RecordedEvent),
      seq: 3,
      event: {
        type: 'DECIDE' as const,
        by: 'grigorenko',
        at: Date.parse('2026-03-04T12:00:00Z'),
        key: 'government-apparatus',
        revision: 'r1',
        decision: 'refuse' as const,
        reason: 'no budget; see #12 <b>now</b>\nsecond line',
      },
    }
    const text = historyToMermaid([propose as RecordedEvent, submit as RecordedEvent, refusal], {
      kind: 'sequence',
      title: 'A; title # with <tags>',
    })
    expect(text).toContain('  title A, title no.  with ‹tags›')
    expect(text).toContain(
      'p_grigorenko-xkey_government_apparatus: 3 · 2026-03-04 12:00 · refuses revision 1: "no budget, see no. 12 ‹b›now‹/b› second line"',
    )
    expect(checkSequence(text)).toEqual([])
    expect(historyToMermaid([refusal], { kind: 'gantt' })).toContain(
      '  3 ✖ grigorenko refuses :milestone, 2026-03-04 12:00, 0d',
    )
  })

  it('draws a tampered log without crashing: an unreadable event is shown as such', () => {
    const history = structuredClone(events('kazan-datacentre'))
    ;(history[2] as { event: unknown }).event = {
      type: 'DECIDE',
      by: 42,
      at: Date.parse('2026-03-05T09:00:00Z'),
    }
    ;(history[3] as { event: unknown }).event = null
    const sequence = historyToMermaid(history, { kind: 'sequence' })
    expect(sequence).toContain('Note over initiative: 3 · 2026-03-05 09:00 · an unreadable event')
    expect(sequence).toContain('Note over initiative: 4 · ? · an unreadable event')
    expect(checkSequence(sequence)).toEqual([])
    const gantt = historyToMermaid(history, { kind: 'gantt' })
    expect(gantt).not.toContain('approves')
    expect(checkGantt(gantt)).toEqual([])
  })

  it('draws an empty log, and is deterministic', () => {
    expect(checkSequence(historyToMermaid([], { kind: 'sequence' }))).toEqual([])
    expect(checkGantt(historyToMermaid([], { kind: 'gantt' }))).toEqual([])
    const history = events('gov-services-export')
    expect(historyToMermaid(history, { kind: 'gantt' })).toBe(historyToMermaid(history, { kind: 'gantt' }))
  })
})
