/** Phrases that the Russian help of several commands shares (one wording everywhere). */
export const SHARED_HELP_RU = {
  db: 'файл SQLite или адрес postgres:// (`?schema=имя` — своя схема)',
  dbShort: 'файл SQLite или адрес postgres://',
  policyFile: 'файл политики (YAML или JSON)',
  policyFileOrBug: 'файл политики (YAML или JSON); с --bug можно не указывать',
  json: 'вывести результат в JSON',
  jsonForTools: 'вывести результат в JSON для программ',
  scenario: 'файл сценария (YAML или JSON), примеры — в examples/scenarios/',
  replications: 'число независимых повторов',
  seed: 'начальное значение генератора случайных чисел',
  workers: 'число рабочих потоков (по умолчанию — по числу ядер)',
  maxStatesReach:
    'достичь (или, с --whole-table, скомпилировать) не больше стольких состояний (по умолчанию 200 000); больше — ошибка',
  wholeTable:
    'сначала скомпилировать все достижимые состояния, с ходом работы (по умолчанию — только достигнутые)',
  initiativeId: 'идентификатор инициативы',
  out: 'записать в этот файл, а не в стандартный вывод',
  portAny: 'порт (0 — любой свободный)',
  host: 'адрес, на котором слушать',
  logKeyTrusted: 'ключ проверки доверенного журнала или файл с ним (можно повторять)',
  witnessInit:
    'создать новый пустой файл состояния (только для нового ключа свидетеля; существующий не заменяется)',
} as const
