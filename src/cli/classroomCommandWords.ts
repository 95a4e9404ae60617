import type { CliLanguage } from './cliLanguage.js'

/** The lines `twokeys classroom` prints at start besides the shared serving words, in the CLI's languages. */
export interface ClassroomCommandWords {
  /** A session taken up again from its file. */
  resumed: (file: string, students: number, clock: string, ended: boolean) => string
}

export const CLASSROOM_COMMAND_WORDS: Record<CliLanguage, ClassroomCommandWords> = {
  en: {
    resumed: (file, students, clock, ended) =>
      `resumed the session kept in ${file}: ${students} student${students === 1 ? '' : 's'} seated, session clock ${clock}${ended ? ', ended (the debrief and the export are there)' : ''}`,
  },
  ru: {
    resumed: (file, students, clock, ended) =>
      `продолжена сессия из ${file}: учеников на местах — ${students}, часы сессии ${clock}${ended ? ', сессия завершена (разбор и выгрузка журнала доступны)' : ''}`,
  },
}
