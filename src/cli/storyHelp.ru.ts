import type { CommandHelp } from './localizeHelp.js'
import { SHARED_HELP_RU as S } from './sharedHelp.ru.js'

/** Running and reading stories in Russian: `twokeys run`, `walkthrough` and `history`. */
export const STORY_HELP_RU: Readonly<Record<'run' | 'walkthrough' | 'history', CommandHelp>> = {
  run: {
    description: 'прогнать сценарий по шагам через движок: ход решений, отказы с причинами, итоговое табло',
    arguments: { script: 'файл сценария (YAML или JSON): политика, начало, шаги' },
    options: {
      '--policy': 'вести по этой политике, а не по той, что названа в сценарии',
      '--db': 'сохранить прогон в файле SQLite или по адресу postgres:// (без него — в памяти)',
      '--narrate': 'выводить и пояснения сценария (`say:`)',
      '--json': 'вывести прогон в JSON для программ',
    },
    after:
      '\nПримеры:\n  twokeys run examples/seed-walkthrough.yaml\n  twokeys run examples/seed-walkthrough.yaml --policy machines/policies/single-key.yaml\n  twokeys run examples/seed-walkthrough.yaml --db twokeys.db && twokeys history kazan-datacentre --db twokeys.db\n\nКоды выхода: 0 каждый шаг сделал то, чего ждали, 1 шаг неожиданно отвергнут (или принят, когда ждали отказа), 2 неверный ввод.',
  },
  walkthrough: {
    description:
      'пройти исходную историю: два сопредседателя, два ключа, три инициативы (это запускает `npm start`)',
    options: { '--json': 'вывести прогон в JSON для программ' },
  },
  history: {
    description: 'записанные события инициативы: кто что сделал, когда и цела ли цепочка хешей',
    arguments: { id: S.initiativeId },
    options: {
      '--db': S.db,
      '--json': 'вывести записанные события в JSON для программ',
      '--format': '`table` — для людей, `json` — для программ, `mermaid` — диаграмма хода событий',
      '--kind': 'с `--format mermaid`: диаграмма последовательности или Ганта',
    },
    after:
      '\nПримеры:\n  twokeys history kazan-datacentre --db twokeys.db\n  twokeys history kazan-datacentre --db twokeys.db --format mermaid --kind gantt\n\nКоды выхода: 0 всё в порядке, 1 журнал подделан (или нет его политики), 2 неверный ввод.',
  },
}
