import { Option, type Command as Program } from 'commander'
import pc from 'picocolors'
import { type CommandInput, type ErrorPhrase, loadPrivateKeyFile, TwoKeysError } from '../index.js'
import { cliErrorWords } from './cliErrorWords.js'
import { cliWords, reasonsForPeople } from './cliLanguage.js'
import { saidForPeople } from './errorForPeople.js'
import { EXIT } from './exitCodes.js'
import { formatBoard } from './formatBoard.js'
import { number, parseScope, yesNo } from './operatorArguments.js'
import { common, prepareCommand, print, send, snapshotKeyOption, witnessesOption } from './operatorSend.js'
import { openTarget, type TargetOptions } from './operatorTarget.js'

/**
 * `twokeys propose|submit|amend|decide|revoke|withdraw|delegate|respond|ministry|plenary|destination|complete|tick|
 * status|explain`: an operator's commands, straight on a database or through `twokeys serve`.
 */
export function registerOperatorCommands(program: Program): void {
  const content = (cmd: Program, required: boolean) => {
    const title = new Option('--title <text>', 'the title')
    const objective = new Option('--objective <id>', "one of the policy's objectives")
    const scope = new Option(
      '--scope <scope>',
      'federal[:ministries], regional:<regions> or export:<destinations>',
    )
    if (required) {
      title.makeOptionMandatory()
      objective.makeOptionMandatory()
      scope.makeOptionMandatory()
    }
    return cmd
      .addOption(title)
      .addOption(objective)
      .addOption(scope)
      .option('--summary <text>', 'a summary')
      .option('--budget <roubles>', 'the budget, in roubles')
  }
  const contentOf = (o: {
    title?: string
    objective?: string
    scope?: string
    summary?: string
    budget?: string
  }) => ({
    ...(o.title === undefined ? {} : { title: o.title }),
    ...(o.objective === undefined ? {} : { objective: o.objective }),
    ...(o.scope === undefined ? {} : { scope: parseScope(o.scope) }),
    ...(o.summary === undefined ? {} : { summary: o.summary }),
    ...(o.budget === undefined ? {} : { budget: number(o.budget, '--budget') }),
  })

  common(content(program.command('propose').description('propose an initiative'), true))
    .option('--id <initiative>', 'the new initiative id (made up when omitted)')
    .action((o) =>
      send(o, { type: 'propose', ...(o.id === undefined ? {} : { initiativeId: o.id }), ...contentOf(o) }),
    )
  common(
    program.command('submit').description('submit an initiative for review').argument('<initiative>'),
  ).action((id: string, o) => send(o, { type: 'submit', initiativeId: id }))
  common(
    content(program.command('amend').description('amend an initiative').argument('<initiative>'), false),
  ).action((id: string, o) => send(o, { type: 'amend', initiativeId: id, ...contentOf(o) }))
  common(program.command('decide').description('approve or refuse with a key').argument('<initiative>'))
    .requiredOption('--key-id <key>', 'the key decided with (e.g. presidential-administration)')
    .addOption(
      new Option('--decision <decision>', 'approve or refuse')
        .choices(['approve', 'refuse'])
        .makeOptionMandatory(),
    )
    .option('--reason <text>', 'why')
    .option(
      '--revision <hash>',
      'the revision decided on (signed commands: the current one, read first, when omitted)',
    )
    .action((id: string, o) =>
      send(o, {
        type: 'decide',
        initiativeId: id,
        key: o.keyId,
        decision: o.decision,
        ...(o.reason === undefined ? {} : { reason: o.reason }),
        ...(o.revision === undefined ? {} : { revision: o.revision }),
      }),
    )
  common(program.command('revoke').description('revoke your approval').argument('<initiative>'))
    .requiredOption('--key-id <key>', 'the key whose approval is revoked')
    .action((id: string, o) => send(o, { type: 'revoke', initiativeId: id, key: o.keyId }))
  common(
    program.command('withdraw').description('withdraw an initiative (its sponsor)').argument('<initiative>'),
  )
    .option('--reason <text>', 'why')
    .action((id: string, o) =>
      send(o, {
        type: 'withdraw',
        initiativeId: id,
        ...(o.reason === undefined ? {} : { reason: o.reason }),
      }),
    )
  common(program.command('delegate').description("name a deputy for a key's holder").argument('<initiative>'))
    .requiredOption('--key-id <key>', 'the key')
    .requiredOption('--deputy <principal>', 'the deputy')
    .requiredOption('--until <time>', 'ISO-8601 time the delegation ends')
    .option('--from <time>', 'ISO-8601 time it starts (now when omitted)')
    .action((id: string, o) =>
      send(o, {
        type: 'delegate',
        initiativeId: id,
        key: o.keyId,
        deputy: o.deputy,
        until: o.until,
        ...(o.from === undefined ? {} : { from: o.from }),
      }),
    )
  common(
    program
      .command('respond')
      .description("a region's answer to a regional rollout")
      .argument('<initiative>'),
  )
    .requiredOption('--region <id>', 'the region')
    .requiredOption('--accept <yes|no>', 'accept or decline')
    .action((id: string, o) =>
      send(o, { type: 'respond', initiativeId: id, region: o.region, accept: yesNo(o.accept, '--accept') }),
    )
  common(
    program
      .command('ministry')
      .description("a named ministry's answer to a federal rollout (rollout.federal: ministries)")
      .argument('<initiative>'),
  )
    .requiredOption('--ministry <id>', 'the ministry')
    .requiredOption('--accept <yes|no>', 'accept or decline')
    .action((id: string, o) =>
      send(o, {
        type: 'ministry',
        initiativeId: id,
        ministry: o.ministry,
        accept: yesNo(o.accept, '--accept'),
      }),
    )
  common(
    program
      .command('plenary')
      .description('a commission member votes in the plenary to return the initiative to its sponsor')
      .argument('<initiative>'),
  )
    .requiredOption('--vote <return>', 'the vote (return)')
    .action((id: string, o) => {
      if (o.vote !== 'return') {
        throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().badVote(o.vote))
      }
      return send(o, { type: 'plenary', initiativeId: id, vote: 'return' })
    })
  common(
    program.command('destination').description("an export destination's agreement").argument('<initiative>'),
  )
    .requiredOption('--destination <id>', 'the destination')
    .requiredOption('--agreed <yes|no>', 'agreed or not')
    .action((id: string, o) =>
      send(o, {
        type: 'destination',
        initiativeId: id,
        destination: o.destination,
        agreed: yesNo(o.agreed, '--agreed'),
      }),
    )
  common(
    program.command('complete').description('record the rollout complete').argument('<initiative>'),
  ).action((id: string, o) => send(o, { type: 'complete', initiativeId: id }))

  program
    .command('tick')
    .description('fire every deadline that has passed (a twokeys serve does this by itself)')
    .option('--db <db>', 'a SQLite file or a postgres:// URL (with --policy)')
    .option('--policy <file>', 'with --db: the policy')
    .option('--server <url>', 'a running twokeys serve')
    .option('--json', 'print the receipts as JSON')
    .addOption(snapshotKeyOption())
    .addOption(witnessesOption())
    .action(async (o: TargetOptions & { json?: boolean }) => {
      const target = await openTarget(o)
      try {
        const receipts = (await target.tick()) as { initiativeId: string; seq: number }[]
        if (o.json) print(JSON.stringify(receipts, null, 2))
        else
          print(
            receipts.length === 0
              ? cliWords().noDeadlinePassed
              : receipts.map((r) => `✓ ${cliWords().deadlinesRecorded(r.initiativeId, r.seq)}`).join('\n'),
          )
      } finally {
        await target.close()
      }
    })

  program
    .command('status')
    .description("an initiative's board: phase, revision, each key and who it waits for")
    .argument('<initiative>')
    .option('--db <db>', 'a SQLite file or a postgres:// URL (with --policy)')
    .option('--policy <file>', 'with --db: the policy')
    .option('--server <url>', 'a running twokeys serve')
    .option('--json', 'print the board as JSON')
    .addOption(snapshotKeyOption())
    .addOption(witnessesOption())
    .action(async (id: string, o: TargetOptions & { json?: boolean }) => {
      const target = await openTarget(o)
      try {
        const board = await target.status(id)
        print(o.json ? JSON.stringify(board, null, 2) : formatBoard(board, target.policy))
      } finally {
        await target.close()
      }
    })

  common(program.command('explain').description('would this command be taken now, and why (never acts)'))
    .argument('<type>', 'submit, decide, amend, …')
    .argument('[initiative]', 'the initiative (not for propose)')
    .option('--key-id <key>', 'decide/revoke/delegate: the key')
    .option('--decision <decision>', 'decide: approve or refuse')
    .action(async (type: string, id: string | undefined, o) => {
      const target = await openTarget(o)
      try {
        const by = o.by ?? (o.key === undefined ? undefined : loadPrivateKeyFile(o.key).principal)
        if (by === undefined) throw new TwoKeysError('COMMAND_INVALID', cliErrorWords().sayWhoWouldAct)
        const fields = {
          type,
          ...(id === undefined ? {} : { initiativeId: id }),
          ...(o.keyId === undefined ? {} : { key: o.keyId }),
          ...(o.decision === undefined ? {} : { decision: o.decision }),
        }
        // On --db, --key signs the command as it would be sent, so its signature is checked too;
        // an explain query over HTTP carries no signature.
        const command =
          o.key !== undefined && o.server === undefined
            ? await prepareCommand(target, o, fields)
            : ({ ...fields, by } as CommandInput)
        // Over HTTP too: the API's explain carries the phrases (older servers may not).
        const explanation = (await target.explain(command)) as {
          allowed: boolean
          reasons: string[]
          phrases?: ErrorPhrase[]
          code: string | null
          said?: ErrorPhrase
        }
        if (o.json) print(JSON.stringify(explanation, null, 2))
        else {
          print(
            explanation.allowed
              ? pc.green(`✓ ${cliWords().wouldAccept}`)
              : pc.red(`✖ ${cliWords().wouldRefuse(explanation.code ?? 'REFUSED')}`),
          )
          // a signature check's reason is an error's own message: worded from its phrase (`said`)
          const [only] = explanation.reasons
          const reasons =
            explanation.said !== undefined && only !== undefined && explanation.reasons.length === 1
              ? [saidForPeople(explanation.said, only)]
              : reasonsForPeople(explanation.reasons, explanation.phrases)
          for (const r of reasons) print(`  · ${r}`)
        }
        if (!explanation.allowed) process.exitCode = EXIT.finding
      } finally {
        await target.close()
      }
    })
}
