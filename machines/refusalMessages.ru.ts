import type { RefusalKey } from './refusalMessages.js'

/**
 * The refusal messages in Russian: the same keys and `{{name}}` parameters as `REFUSAL_MESSAGES`
 * (a missing key fails the typecheck). Ids, instants and invariant names (TK…) stay as they are.
 */
export const REFUSAL_MESSAGES_RU: Readonly<Record<RefusalKey, string>> = {
  'content.unknownObjective': 'цель «{{objective}}» не входит в цели политики ({{objectives}})',
  'content.unknownRegion': 'регион {{regions}} не указан в политике; известные регионы: {{known}}',
  'content.regionTwice': 'регион назван в охвате дважды',
  'content.unfriendlyDestination':
    'страна {{destinations}} не входит в список дружественных ({{friendly}}); экспорт возможен только в дружественные страны (TK9)',
  'content.destinationTwice': 'страна назначения названа в охвате дважды',
  'content.noMinistry':
    'федеральная инициатива называет министерства, которые её внедряют (scope ministries), хотя бы одно: по политике «{{policy}}» каждое принимает или отклоняет внедрение',
  'content.notMinistry': '{{ministries}} — не министерство политики; министерства: {{known}}',
  'content.ministryTwice': 'министерство названо в охвате дважды',
  'rule.contentIsRoutable':
    'ни одно правило маршрутизации политики «{{policy}}» не принимает инициативу с целью «{{objective}}» и охватом «{{scope}}», поэтому после одобрения её нельзя было бы направить ни на какой трек (TK9, TK10); выберите другую цель или охват либо попросите владельца политики добавить правило',
  'rule.actorMaySponsor.unknown': '«{{by}}» не участник политики «{{policy}}»',
  'rule.actorMaySponsor.notSponsor':
    '«{{by}}» не может вносить инициативы: это вправе делать только участники с ролью «sponsor» ({{sponsors}})',
  'rule.actorIsSponsor': 'только инициатор «{{sponsor}}» может {{action}}, а не «{{by}}»',
  'rule.actorHasAuthority.noDeputies':
    '«{{by}}» не держит ключ «{{key}}» (держатели: {{holders}}), а ключ «{{key}}» не допускает заместителей (TK6)',
  'rule.actorHasAuthority.unknownNoDeputies':
    'неизвестный участник «{{by}}» не держит ключ «{{key}}» (держатели: {{holders}}), а ключ «{{key}}» не допускает заместителей (TK6)',
  'rule.actorHasAuthority.notNamed':
    '«{{by}}» не держит ключ «{{key}}» (держатели: {{holders}}), и ни один держатель не назначил его заместителем (TK6)',
  'rule.actorHasAuthority.unknownNotNamed':
    'неизвестный участник «{{by}}» не держит ключ «{{key}}» (держатели: {{holders}}), и ни один держатель не назначал его заместителем (TK6)',
  'rule.actorHasAuthority.outsideWindow':
    '«{{by}}» не держит ключ «{{key}}» (держатели: {{holders}}); срок его замещения ({{windows}}) не охватывает {{at}} (TK6)',
  'rule.actorIsNotSponsor.sponsor':
    '«{{by}}» — инициатор этой инициативы и не может поворачивать по ней ключ (TK3)',
  'rule.actorIsNotSponsor.forSponsor':
    '«{{by}}» действует за инициатора «{{sponsor}}» и не может поворачивать ключ по его инициативе (TK3)',
  'rule.actorHoldsDelegatedKey.unknownKey': '«{{key}}» — не ключ политики «{{policy}}» (ключи: {{keys}})',
  'rule.actorHoldsDelegatedKey.notHolder':
    'назначить заместителя по ключу «{{key}}» может только его держатель ({{holders}}), а не «{{by}}»',
  'rule.governorOfPendingRegion.notNamed':
    'регион «{{region}}» не назван в этой инициативе ({{targets}}); внедрение касается только названных регионов (TK9)',
  'rule.governorOfPendingRegion.answered': 'регион «{{region}}» уже ответил',
  'rule.governorOfPendingRegion.notGovernor':
    'ответить за регион «{{region}}» может только его губернатор («{{governor}}»), а не «{{by}}» (TK9)',
  'rule.onCurrentRevision':
    'решение принято по редакции {{given}}, а текущая редакция — {{n}} ({{current}}); одобрение действует только для той редакции, по которой дано (TK5) — рассмотрите текущую редакцию и решите заново',
  'rule.withinWindow': 'срок рассмотрения истёк {{deadline}}; после него решения не принимаются',
  'rule.distinctAcrossKeys.samePrincipal':
    '«{{by}}» уже одобрил ключ «{{other}}»; для ключа «{{key}}» нужен другой участник (TK2)',
  'rule.distinctAcrossKeys.sameInstitution':
    'ведомство «{{institution}}» уже засчитано за ключ «{{other}}» (через «{{through}}»); для ключа «{{key}}» нужно другое ведомство (TK2)',
  'rule.distinctAcrossKeys.other': '«{{by}}» уже засчитан за другой ключ этой редакции (TK2)',
  'rule.seatHasNotDecided':
    'по ключу «{{key}}» от «{{seat}}» в этой редакции уже есть решение ({{decision}}, {{at}}); чтобы решить заново, сначала отзовите одобрение',
  'rule.seatHasNotDecided.seat':
    'по ключу «{{key}}» за место «{{seat}}» в этой редакции уже есть решение ({{decision}}, {{at}}); чтобы решить заново, сначала отзовите одобрение',
  'rule.hasApprovalToRevoke':
    'у «{{by}}» нет одобрения ключа «{{key}}» в этой редакции, которое можно отозвать',
  'rule.allKeysTurned': 'ключ «{{key}}» не повёрнут: нужно ещё {{missing}} из {{waiting}}',
  'rule.deputiesAllowed': 'политика не допускает заместителей по ключу «{{key}}»',
  'rule.delegationWindowValid.backwards':
    'замещение должно заканчиваться позже, чем начинается ({{from}} → {{until}})',
  'rule.delegationWindowValid.tooLong':
    'замещение на {{days}} дн. длиннее, чем допускает ключ «{{key}}» ({{maxDays}} дн.)',
  'rule.delegationWindowValid.ended': 'срок замещения уже истёк',
  'rule.deputyEligible.unknown': 'заместитель «{{deputy}}» не участник политики «{{policy}}»',
  'rule.deputyEligible.sponsor':
    'инициатора «{{deputy}}» нельзя назначить заместителем по его собственной инициативе (TK3)',
  'rule.deputyEligible.holder': '«{{deputy}}» уже держит ключ и не может быть ещё и заместителем (TK2)',
  'rule.deputyEligible.otherInstitution':
    '«{{deputy}}» относится к «{{institution}}», ведомству ключа «{{other}}», и поэтому не может действовать за другой ключ (TK2)',
  'rule.deputyEligible.wrongInstitution':
    '«{{deputy}}» не из ведомства «{{institution}}» и поэтому не может замещать по ключу «{{key}}»',
  'rule.deputyEligible.notListed':
    '«{{deputy}}» нет среди допустимых заместителей по ключу «{{key}}» ({{eligible}})',
  'rule.ministryOfPendingAnswer.notNamed':
    'министерство «{{ministry}}» не названо в этой инициативе ({{targets}}); на федеральное внедрение отвечают только названные министерства (TK9)',
  'rule.ministryOfPendingAnswer.answered': 'министерство «{{ministry}}» уже ответило',
  'rule.ministryOfPendingAnswer.notMinistry':
    'за министерство «{{ministry}}» отвечает только оно само, а не «{{by}}» (TK9)',
  'rule.actorIsAgency': 'ответ страны записывает только ведомство политики ({{agencies}}), а не «{{by}}»',
  'rule.withinReach':
    '«{{by}}» отвечает как {{role}}, но ни один ключ, одобривший эту инициативу, не включает такой орган (их охват: {{reach}}) (TK13)',
  'rule.actorIsMember':
    '«{{by}}» не член комиссии ({{members}}); на пленарном заседании голосуют только члены',
  'rule.memberHasNotVoted': '«{{by}}» уже голосовал на этом пленарном заседании',
  'rule.destinationPending.answered': 'страна «{{destination}}» уже ответила',
  'rule.destinationPending.notNamed': 'страна «{{destination}}» не названа в этой инициативе ({{targets}})',
  'state.closed': 'инициатива {{phase}} и больше не принимает команд',
  'state.notAcceptedHere':
    'инициатива {{phase}}; команда «{{event}}» принимается только на этапах: {{where}}',
  'state.alreadyExists':
    'инициатива «{{initiative}}» уже существует; внесите предложение под новым идентификатором',
  'state.notAcceptedByPolicy':
    'инициатива {{phase}}; команда «{{event}}» не принимается ни на одном этапе политики «{{policy}}» (в её схеме нет состояния, которое её принимает)',
  'state.keyDone': 'ключ «{{key}}» в этой редакции уже {{done}}; новых решений по нему не принимается',
  'state.keyWaived':
    'ключ «{{key}}» не применяется к этой редакции (он применяется, только когда {{condition}}); решений по нему не принимается',
  'state.unknownKey': '«{{key}}» — не ключ политики «{{policy}}» (ключи: {{keys}})',
  'state.notNow': 'команда «{{event}}» не принимается, пока инициатива {{phase}}',
  'identity.unsigned':
    'команда «{{event}}» от «{{by}}» записана без подписи, а политика «{{policy}}» требует подписанных команд (`identity: signed`)',
  text: '{{text}}',
  'phase.none': 'ещё не внесена',
  'phase.draft': 'в черновике',
  'phase.review': 'на рассмотрении',
  'phase.plenary': 'на пленарном заседании (срок рассмотрения истёк)',
  'phase.returned': 'возвращена на доработку (ключ отклонён или её вернуло пленарное заседание)',
  'phase.approved': 'одобрена',
  'phase.federalRollout': 'внедряется на федеральном уровне',
  'phase.regionalRollout': 'внедряется в регионах',
  'phase.exportRollout': 'на этапе экспорта',
  'phase.completed': 'завершена',
  'phase.withdrawn': 'отозвана',
  'phase.lapsed': 'истекла',
  'where.open': 'черновик, рассмотрение или доработка',
  'where.draft': 'черновик',
  'where.review': 'рассмотрение',
  'where.plenary': 'пленарное заседание',
  'where.returned': 'доработка',
  'where.idle': 'до внесения',
  'where.federalRollout': 'федеральное внедрение',
  'where.regionalRollout': 'региональное внедрение',
  'where.exportRollout': 'экспорт',
  'where.nowhere': 'нигде',
  'command.PROPOSE': 'внесение',
  'command.SUBMIT': 'передача на рассмотрение',
  'command.AMEND': 'поправка',
  'command.WITHDRAW': 'отзыв',
  'command.DELEGATE': 'назначение заместителя',
  'command.DECIDE': 'решение',
  'command.REVOKE': 'отзыв одобрения',
  'command.TICK': 'ход времени',
  'command.COMPLETE': 'завершение',
  'command.RESPOND': 'ответ региона',
  'command.DESTINATION': 'ответ страны',
  'command.MINISTRY': 'ответ министерства',
  'command.PLENARY': 'голос на пленарном заседании',
  'action.submit': 'передать эту инициативу на рассмотрение',
  'action.amend': 'изменить эту инициативу',
  'action.withdraw': 'отозвать эту инициативу',
  'action.complete': 'завершить эту инициативу',
  'action.destination': 'записать ответ страны по этой инициативе',
  'body.ministry': 'министерство',
  'body.governor': 'губернатор',
  'body.agency': 'ведомство',
  'body.none': 'никого',
  'decision.approve': 'одобрение',
  'decision.refuse': 'отказ',
  'done.turned': 'повёрнут',
  'done.refused': 'отклонён',
}
