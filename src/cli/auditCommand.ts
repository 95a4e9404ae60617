import type { Command } from 'commander'
import { registerAuditExport } from './auditExportCommand.js'
import { registerAuditImport } from './auditImportCommand.js'
import { registerAuditProve } from './auditProveCommand.js'
import { registerAuditVerify } from './auditVerifyCommand.js'

/** `twokeys audit <verify|export|import|prove>`: the hash-chained event log and its Merkle log. */
export function registerAudit(program: Command): void {
  const audit = program
    .command('audit')
    .description(
      'the tamper-evident event log: verify it, export it as JSON Lines, import it, prove an event is in it',
    )
  registerAuditVerify(audit)
  registerAuditExport(audit)
  registerAuditImport(audit)
  registerAuditProve(audit)
}
