import type { Command } from 'commander'
import { registerAuditExport } from './auditExportCommand.js'
import { registerAuditImport } from './auditImportCommand.js'
import { registerAuditVerify } from './auditVerifyCommand.js'

/** `twokeys audit <verify|export|import>`: the hash-chained event log. */
export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description('the tamper-evident event log: verify it, export it as JSON Lines, import it')
  registerAuditVerify(audit)
  registerAuditExport(audit)
  registerAuditImport(audit)
}
