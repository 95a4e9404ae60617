import type { ANALYZE_MESSAGES } from './analyzeMessages.js'

// Ids as they are, in «»; the scenario's and policy's fields and what to write in backticks.

const ids = (list: string[]) => list.map((k) => `«${k}»`).join(', ')
const ru = (n: number) => n.toLocaleString('ru')

/** The analyses' errors in Russian: the same keys with the same parameters as `ANALYZE_MESSAGES`. */
export const ANALYZE_MESSAGES_RU: typeof ANALYZE_MESSAGES = {
  'exact.notExponential': (p) =>
    `сценарий моделирования «${p.scenario}»: \`${p.field}\` — распределение \`${p.kind}\`, а точному анализу нужны экспоненциальные длительности (без памяти, чтобы одна инициатива была марковской цепью); напишите \`${p.field}: { kind: exponential, mean: ${p.mean} }\` или передайте --assume-exponential (\`assumeExponential\`), чтобы взять экспоненциальное с тем же средним`,
  'exact.meanNotPositive': (p) =>
    `сценарий моделирования «${p.scenario}»: у \`${p.field}\` среднее ${p.mean} дн.; точному анализу нужно положительное среднее`,
  'exact.capacity': (p) =>
    `сценарий моделирования «${p.scenario}»: \`${p.path}.capacity\` равно ${p.capacity}, а «${p.reviewer}» занимает мест одной инициативы: ${p.seats}; точному анализу нужно, чтобы каждый рассматривающий был свободен для неё (ёмкость без предела); задайте \`${p.path}.capacity\` не меньше ${p.seats}`,
  'exact.deputies': (p) =>
    `сценарий моделирования «${p.scenario}»: \`${p.path}.deputy.delegate\` равно ${p.delegate}: точный анализ не моделирует заместителей (окно делегирования — жёсткие часы, пущенные в случайный момент, а не марковская цепь); задайте 0 или уберите \`${p.path}.deputy\`, или используйте \`twokeys simulate\``,
  'exact.resubmission': (p) =>
    `сценарий моделирования «${p.scenario}»: после отказа инициатор подаёт снова с вероятностью ${p.chance}, а повторная подача открывает новое окно рассмотрения в случайный момент — жёсткий срок, который точный анализ не может поставить; задайте \`sponsor.withdrawAfterRefusal: 1\` (или \`sponsor.maxAmendments: 0\`, или \`refuse: 0\` у каждого рассматривающего) или используйте \`twokeys simulate\``,
  'exact.noReview': (p) =>
    `сценарий моделирования «${p.scenario}»: элемент смеси ${p.entry} не доходит до рассмотрения по политике «${p.policy}»`,
  'exact.tooManyStates': (p) =>
    `у политики «${p.policy}» в сценарии моделирования «${p.scenario}» больше ${p.max.toLocaleString('ru')} состояний одной инициативы (\`maxChainStates\`); обрезанная цепь дала бы неверные ответы; поднимите предел`,
  'exact.lifetime': (p) =>
    `политика «${p.policy}»: \`approvals.lifetimeDays\` равно ${p.lifetime}, это меньше самого долгого рассмотрения (${p.longest} дн.): одобрение могло бы истечь во время рассмотрения — жёсткие часы, пущенные в случайный момент, которых точный анализ не моделирует; используйте \`twokeys simulate\` или срок не меньше ${p.longest} дн.`,
  'power.unknownKinds': (p) =>
    `в политике «${p.policy}» нет вида инициатив ${ids(p.unknown)}; её виды: ${ids(p.kinds)}`,
  'power.tooManyPlayers': (p) =>
    `у вида «${p.kind}» политики «${p.policy}» участников: ${p.players}; анализ власти справляется не больше чем с ${p.max} (коалиции — битовые маски); уменьшите политику`,
  'power.tooManyHolders': (p) =>
    `индексы власти перебирают все коалиции держателей ключей, их может быть не больше ${p.max}; в этой политике — ${p.holders}`,
  'query.parse': (p) =>
    `запрос не разбирается в знаке ${p.at}: «${p.problem}»\n  ${p.text}\n  ${' '.repeat(p.at - 1)}^\nграмматика — в разделе README «Queries over the state space»`,
  'replay.atBeforeLast': (p) =>
    `--at ${p.at} раньше последнего события хранилища (${p.last}); повторное рассмотрение судит истории целиком, поэтому дайте момент не раньше него или не указывайте --at`,
  'exact.epsilon': (p) => `точность \`epsilon\` ${p.epsilon} должна быть больше 0 и меньше 0,001`,
  'exact.cdfDay': (p) => `день функции распределения ${p.day} должен быть числом дней, 0 или больше`,
  'exact.uniformization': (p) =>
    `равномеризации нужно шагов больше, чем ${ru(p.max)} (Λt = ${p.rate}): самые быстрые часы слишком быстры для срока; замедлите самого быстрого рассматривающего или сократите окно`,
  'exact.notConverged': (p) =>
    `метод Гаусса — Зейделя не сошёлся, сделав проходов: ${ru(p.max)} (последнее изменение ${p.change}); лучше не дать ответа на долгий срок, чем дать несошедшийся`,
  'power.coalitionsLimit': (p) =>
    `анализ власти вида «${p.kind}» сыграл коалиций: ${ru(p.max)} (--max-coalitions), прежде чем все минимальные выигрывающие коалиции стали известны; поднимите --max-coalitions (\`maxCoalitions\`)`,
  'power.playStopped': (p) =>
    `анализ власти вида «${p.kind}» (политика «${p.policy}») остановлен: игра коалиции {${ids(p.players)}} ${
      p.by === 'memory' ? 'заполнила предел памяти' : `превысила предел в ${ru(p.max)} (число состояний)`
    }, прежде чем одобрение было достигнуто или исключено; поднимите --max-states (\`maxStates\`) или --max-memory`,
  'power.grandStopped': (p) =>
    `анализ власти вида «${p.kind}» (политика «${p.policy}») остановлен: в игре, где действуют все, ${
      p.by === 'memory' ? 'заполнен предел памяти' : `состояний больше, чем ${ru(p.max)}`
    }; поднимите --max-states (\`maxStates\`) или --max-memory`,
  'diff.incomplete': (p) => {
    const where = `раскрыв парных состояний: ${ru(p.expanded)} из ${ru(p.pairs)} увиденных`
    const how =
      p.by === 'memory'
        ? `заполнило предел памяти (${ru(p.memoryMB)} МБ), ${where}; дайте ему больше памяти (\`node --max-old-space-size=<MB>\`, \`maxHeapBytes\` в API)`
        : p.by === 'asked'
          ? `остановлено по просьбе, ${where}`
          : `остановилось на пределе парных состояний (${ru(p.maxStates)}, --max-states), ${where}; поднимите --max-states (\`maxStates\` в API; по умолчанию ${ru(p.defaultMaxStates)})`
    return `сравнение «${p.a}» и «${p.b}» ${how}: вердикта нет, политики ещё могут различаться`
  },
  'replay.cannotRejudge': (p) =>
    `инициативу «${p.initiative}» нельзя рассмотреть заново: ${p.problem === undefined ? 'её политики нет' : `«${p.problem}»`}; запустите \`twokeys audit verify\``,
}
