import { renderKeyProblem } from '../identity/identityMessages.js'
import { KEY_PROBLEMS_RU } from '../identity/identityMessages.ru.js'
import type { AuditMessages, EventAt, Outcome, RefusalAt } from './auditMessages.js'

// Ids stay as they are, in «»; an event is named by its position in the log and its number in
// its initiative («событие 4», the English "seq 4"); hashes and positions as they are.

const at = (e: EventAt) => `позиция ${e.position} (инициатива «${e.initiative}», событие ${e.seq})`
const refusalAt = (r: RefusalAt) => `журнал безопасности, позиция ${r.position} (команда «${r.command}»)`
const where = (w: EventAt | RefusalAt) => ('seq' in w ? at(w) : refusalAt(w))
const initiative = (id: string | null) => (id === null ? 'без инициативы' : `инициатива «${id}»`)
const seqs = (from: number, to: number) => (from === to ? `события ${from}` : `событий ${from}–${to}`)
const OUTCOME: Record<Outcome, string> = { accepted: 'принятую', refused: 'отклонённую' }

/**
 * The audit's problems in Russian: the same keys with the same parameters as `AUDIT_MESSAGES` (a
 * missing key or a wrong parameter fails the typecheck). A rule the log breaks is the ledger's
 * reason, quoted as it is.
 */
export const AUDIT_MESSAGES_RU: AuditMessages = {
  'chain.notAnchored': (p) =>
    `${at(p.at)}: инициативы «${p.at.initiative}» нет среди закреплённых голов; её события вставлены`,
  'chain.edited': (p) => `${at(p.at)}: событие больше не совпадает со своим хешем; его изменили`,
  'chain.secondCopy': (p) => `${at(p.at)}: вторая копия события, которое уже есть в журнале; её вставили`,
  'chain.copyOutOfOrder': (p) =>
    `${at(p.at)}: одно и то же событие стоит в позициях ${p.positions.join(', ')}, не по порядку; копию вставили`,
  'chain.reordered': (p) =>
    `${at(p.at)}: стоит раньше события ${p.seq} (в позиции ${p.position}); порядок журнала изменили`,
  'chain.forged': (p) =>
    `${at(p.at)}: не входит в цепочку хешей, где событие ${p.at.seq} другое; его вставили (подделка)`,
  'chain.pastAnchor': (p) =>
    `${at(p.at)}: стоит после закреплённой головы, на которой журнал должен кончаться; его вставили`,
  'chain.rehashed': (p) =>
    `${at(p.at)}: событие изменили и пересчитали его хеш; оно больше не связано с цепочкой`,
  'chain.differsFromAnchor': (p) =>
    `${at(p.at)}: отличается от закреплённой головы и больше не связано с событием ${p.seq}; его изменили`,
  'chain.rehashedBefore': (p) =>
    `${at(p.at)}: событие изменили и пересчитали его хеш; событие ${p.seq} в позиции ${p.position} всё ещё ссылается на его прежний хеш`,
  'chain.firstLinks': (p) =>
    `${at(p.at)}: у первого события инициативы ссылка на предыдущий хеш должна быть пустой`,
  'chain.seqChanged': (p) =>
    `${at(p.at)}: по ссылке на хеш следует за событием ${p.seq}, значит, его номер изменили и пересчитали хеш`,
  'chain.missing': (p) =>
    `позиция ${p.position}: у инициативы «${p.initiative}» нет ${seqs(p.from, p.to)} перед событием ${p.before}; события удалены`,
  'chain.split': (p) =>
    `позиция ${p.position}: ${p.other === null ? 'повреждённая запись' : `событие инициативы «${p.other}»`} разрывает инициативу «${p.initiative}» (событие ${p.seq} в позиции ${p.at}, событие ${p.nextSeq} в позиции ${p.nextAt}); события одной инициативы должны идти подряд, значит, порядок журнала изменили`,
  'chain.anchorEdited': (p) =>
    `${at(p.at)}: отличается от закреплённой головы ${p.hash}; его изменили (пересчитав его хеш и хеши изменённых вместе с ним более ранних событий)`,
  'chain.tailDeleted': (p) =>
    `позиция ${p.position}: инициатива «${p.initiative}» кончается событием ${p.seq}, а её закреплённая голова — событие ${p.anchorSeq} (${p.hash}); события в конце удалены`,
  'chain.malformed': (p) =>
    `позиция ${p.position}: это не запись события (нужны строки \`initiativeId\`, \`prevHash\`, \`hash\` и \`seq\` ≥ 1)`,
  'chain.noEvents': (p) =>
    `позиция ${p.position}: у инициативы «${p.initiative}» (закреплённая голова — событие ${p.seq}) нет событий в журнале; их удалили`,
  'problems.more': (p) => `… и ещё таких же: ${p.more}`,
  'rules.broken': (p) => `${at(p.at)}: воспроизведение по правилам отвергает событие: «${p.reason}»`,
  'snapshots.badSeal': (p) =>
    `у снимка «${p.initiative}» на событии ${p.seq} печать не проходит проверку ключом снимков: его записал не движок с этим ключом`,
  'snapshots.noSuchEvent': (p) =>
    `снимок «${p.initiative}» на событии ${p.seq} не совпадает с событием ${p.seq} журнала`,
  'snapshots.otherPolicy': (p) =>
    `снимок «${p.initiative}» на событии ${p.seq} называет политику ${p.hash}, а не закреплённую ${p.pinned}`,
  'snapshots.falseState': (p) =>
    `состояние, которое журнал Меркла записал после события ${p.seq} инициативы «${p.initiative}», отличается от воспроизведения журнала до него: в журнал записано ложное состояние, и движок, доверяющий контрольным точкам, поверил бы его снимку`,
  'snapshots.edited': (p) =>
    `снимок «${p.initiative}» на событии ${p.seq} отличается от воспроизведения журнала до него; его изменили`,
  'snapshots.stateUnchecked': (p) =>
    `состояние, которое журнал Меркла записал после события ${p.seq} инициативы «${p.initiative}», не удалось проверить: ${p.brokenAt === null ? 'у инициативы нет такого события' : `журнал нарушает правила раньше (позиция ${p.brokenAt})`}`,
  'snapshots.unchecked': (p) =>
    `снимок «${p.initiative}» на событии ${p.seq} не удалось проверить: журнал нарушает правила раньше (${p.brokenAt === null ? 'см. выше' : `позиция ${p.brokenAt}`})`,
  'snapshots.orphan': (p) =>
    `снимок «${p.initiative}» на событии ${p.seq} не относится ни к одной инициативе журнала: её события удалили или снимок вставили`,
  'policies.missing': (p) => `политики ${p.hash} нет: инициативы, начатые по ней, нельзя загрузить`,
  'policies.edited': (p) =>
    `политику ${p.hash} изменили: теперь её хеш ${p.actual}, и она изменила бы правила для закреплённых за ней инициатив`,
  'security.blanked': (p) =>
    `${refusalAt(p.at)}: у записи нет хеша, а идёт она после связанных записей; её вставили или стёрли ей хеш`,
  'security.edited': (p) => `${refusalAt(p.at)}: содержимое больше не совпадает с хешем; запись изменили`,
  'security.unlinked': (p) =>
    `${refusalAt(p.at)}: запись не ссылается на предыдущую; перед ней запись удалили или вставили`,
  'index.twice': (p) => `в индексе команд «${p.command}» встречается дважды`,
  'index.reused': (p) =>
    `${where(p.at)}: её идентификатор команды «${p.command}» уже занят более ранним событием или отказом; у одного идентификатора один исход`,
  'index.eventMissing': (p) =>
    `${at(p.at)}: идентификатора команды «${p.command}» нет в индексе команд: строку индекса удалили, и идентификатор можно было бы использовать снова`,
  'index.eventMismatch': (p) =>
    `${at(p.at)}: индекс команд записывает команду «${p.command}» как ${OUTCOME[p.outcome]} (${initiative(p.initiative)}); индекс изменили`,
  'index.refusalMissing': (p) =>
    `${refusalAt(p.at)}: идентификатора команды нет в индексе команд: отказ вставили или строку индекса удалили`,
  'index.refusalMismatch': (p) =>
    `${refusalAt(p.at)}: индекс команд записывает эту команду как ${OUTCOME[p.outcome]} (${initiative(p.initiative)}); индекс изменили`,
  'index.alone': (p) =>
    `индекс команд записывает «${p.command}» как ${OUTCOME[p.outcome]} (${initiative(p.initiative)}), но ${p.outcome === 'accepted' ? 'такого события в журнале нет' : 'такого отказа в журнале безопасности нет'}: его удалили или строку индекса вставили`,
  'checkpoint.cutOff': (p) =>
    `журнал обрезан: в нём событий: ${p.events}, а в контрольной точке, которую заверили свидетели обоих ведомств («${p.origin}», размер ${p.size}), их ${p.size}`,
  'checkpoint.rewritten': (p) =>
    `журнал переписан: его первые события (${p.size}) дают корень ${p.root}, а заверенная контрольная точка («${p.origin}», размер ${p.size}) — ${p.cosignedRoot}; события изменили, вставили, удалили или переставили и пересчитали их хеши`,
  'unplaced.noLogIndex': (p) =>
    `в строке ${p.line} нет \`logIndex\`: выгрузите журнал заново этой версией (\`twokeys audit export\`), чтобы сверить его с контрольной точкой`,
  'unplaced.badLogIndex': (p) => `строка ${p.line}: \`logIndex\` ${p.logIndex} — не целое число ≥ 0`,
  'unplaced.notAnEvent': (p) => `строка ${p.line} — не запись события`,
  'unplaced.badLogState': (p) =>
    `строка ${p.line}: \`logState\` ${p.logState} — не дайджест состояния (64 шестнадцатеричные цифры в нижнем регистре)`,
  'unplaced.secondEvent': (p) => `строка ${p.line}: второе событие с \`logIndex\` ${p.logIndex}`,
  'unplaced.gap': (p) => `ни у одного события нет \`logIndex\` ${p.logIndex}: событие удалили из файла`,
  'keyring.change': (p) =>
    `изменение реестра ключей ${p.version}: ${p.refused ? 'отклонено: ' : ''}${p.problems.map((x) => renderKeyProblem(x, KEY_PROBLEMS_RU)).join('; ')}`,
  'import.differs': (p) =>
    `инициатива «${p.initiative}» в хранилище «${p.store}» расходится с загружаемым журналом на событии ${p.seq}; загружайте в пустую базу или в ту, где лежит более ранняя копия этого журнала`,
  'unplaced.leavesDeleted': (p) =>
    `журнал Меркла перечисляет записей: ${p.listed} с индекса ${p.from}, а их событий есть только ${p.found}: события удалены из базы; восстановите её из резервной копии`,
}
