import { checkPhrase, sayCheck } from '../../machines/checkPhrases.js'
import type { SEARCH_MESSAGES } from '../explore/searchMessages.js'
import { russianPlural } from '../script/russianPlural.js'
import { CHECK_WORDS_RU } from './checkWords.ru.js'

// Ids and names stay as they are, in «»; options and API names in backticks.

const count = (n: number) => n.toLocaleString('ru')

/** The errors of a search in Russian: the same keys with the same parameters as `SEARCH_MESSAGES`. */
export const SEARCH_MESSAGES_RU: typeof SEARCH_MESSAGES = {
  'bug.unknown': (p) =>
    `в каталоге нет ошибки «${p.name}»; выберите одну из: ${p.names.map((n) => `«${n}»`).join(', ')} (или «list», чтобы увидеть их все)`,
  'limit.states': (p) =>
    `у политики «${p.policy}» больше ${count(p.maxStates)} ${russianPlural(p.maxStates, ['достижимого состояния', 'достижимых состояний', 'достижимых состояний']).replace(/^\S+ /, '')} (--max-states ${p.maxStates}): недостроенная таблица отказала бы любой команде в состояниях, которые не раскрыты; увеличьте --max-states (\`maxStates\` в API; по умолчанию ${count(p.defaultMax)})`,
  'limit.memory': (p) =>
    `политика «${p.policy}» заполнила предел памяти в ${count(Math.round(p.maxHeapBytes / 2 ** 20))} МБ раньше, чем поиск закончился: ${sayCheck(checkPhrase('partial.moreMemory', {}), CHECK_WORDS_RU)}`,
}
