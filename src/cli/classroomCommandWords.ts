import type { CliLanguage } from './cliLanguage.js'

/** The lines `twokeys classroom` prints at start besides the shared serving words, in the CLI's languages. */
export interface ClassroomCommandWords {
  /** A session taken up again from its file. */
  resumed: (file: string, students: number, clock: string, ended: boolean) => string
  /** A file whose server was gone (crashed, killed) without letting it go: taken over at start. */
  tookOver: (file: string, pid: number, host: string) => string
  operator: string
  operatorNote: string
}

export const CLASSROOM_COMMAND_WORDS: Record<CliLanguage, ClassroomCommandWords> = {
  en: {
    operator: 'Operator token',
    operatorNote:
      ' (opens more sessions: POST /api/sessions with Authorization: Bearer <token>; keep it to yourself, it is new at each start)',
    resumed: (file, students, clock, ended) =>
      `resumed the session kept in ${file}: ${students} student${students === 1 ? '' : 's'} seated, session clock ${clock}${ended ? ', ended (the debrief and the export are there)' : ''}`,
    tookOver: (file, pid, host) =>
      `took ${file} over from a server that is gone (pid ${pid} on ${host}): it stopped without letting the file go (a crash or a kill)`,
  },
  ru: {
    operator: 'Ключ оператора',
    operatorNote:
      ' (открывает новые сессии: POST /api/sessions с Authorization: Bearer <ключ>; никому его не показывайте, при каждом запуске он новый)',
    resumed: (file, students, clock, ended) =>
      `продолжена сессия из ${file}: учеников на местах — ${students}, часы сессии ${clock}${ended ? ', сессия завершена (разбор и выгрузка журнала доступны)' : ''}`,
    tookOver: (file, pid, host) =>
      `файл ${file} перешёл к этому серверу от сервера, которого больше нет (pid ${pid} на ${host}): тот остановился, не освободив файл (сбой или kill)`,
  },
}
