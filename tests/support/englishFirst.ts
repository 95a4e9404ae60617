import { beforeEach } from 'vitest'
import { setCliLanguage } from '../../src/cli/cliLanguage.js'

// Test files share their worker's modules (isolate: false), and an in-process `twokeys --lang ru`
// leaves the CLI speaking Russian: every test starts in English, as the CLI does by default here.
beforeEach(() => {
  setCliLanguage('en')
})
