/**
 * Which steps the case page offers to whom, and the request body each step's form becomes.
 * Pure functions (unit-tested in actions.test.ts); permissions come from the server (useAuth().can).
 */
import { L, type Localized } from '../../../lib/i18n';
import { fenToYuan, yuanToFen } from '../../../lib/money';
import type { Case } from './types';

/** Steps entered through a form (a modal). */
export type FormAction = 'open' | 'dismiss' | 'facts' | 'evidence' | 'proposal' | 'statement' | 'hearing-request' | 'hearing' | 'review' | 'collective' | 'payment' | 'revoke' | 'reasoning';
/** Steps taken at once (no form). */
export type DirectAction = 'notice' | 'decision' | 'service' | 'close' | 'filing' | 'publish';

export interface OfferedAction {
  key: FormAction | DirectAction;
  label: Localized;
  primary: boolean;
  /** true → opens the step's form; false → posts the step directly. */
  form: boolean;
}

const FORM_ACTIONS = new Set<string>(['open', 'dismiss', 'facts', 'evidence', 'proposal', 'statement', 'hearing-request', 'hearing', 'review', 'collective', 'payment', 'revoke', 'reasoning']);

/** The buttons for a case, in display order. */
export function offeredActions(c: Case, can: (permission: string) => boolean, actorId: string | null): OfferedAction[] {
  const out: OfferedAction[] = [];
  const add = (key: OfferedAction['key'], label: Localized, primary = false) => out.push({ key, label, primary, form: FORM_ACTIONS.has(key) });
  const s = c.status;
  const isOfficer = can('enforcement.case.step') && (s === 'lead' || c.officerIds.includes(actorId ?? ''));
  if (isOfficer) {
    if (s === 'lead') {
      add('open', L('立案', '立案', 'Open case'), true);
      add('dismiss', L('不予立案', '不予立案', 'Do not open'));
    }
    if (s === 'investigating' || s === 'proposed') add('facts', L('录入事实', '錄入事實', 'Record facts'), s === 'investigating');
    if (s === 'investigating' || s === 'proposed' || s === 'notified') {
      add('evidence', L('添加证据', '添加證據', 'Add evidence'));
      if (c.facts) add('proposal', L('拟处理意见', '擬處理意見', 'Propose decision'));
    }
    if (s === 'proposed' && c.decidedOutcome !== 'no_penalty') add('notice', L('送达告知书', '送達告知書', 'Serve notice'), true);
    if (s === 'notified') {
      add('statement', L('陈述申辩', '陳述申辯', 'Statement'));
      if (c.hearingRight && !c.hearingRequested) add('hearing-request', L('申请听证', '申請聽證', 'Hearing request'));
      if (c.hearingRequested && !c.hearingHeld) add('hearing', L('听证记录', '聽證記錄', 'Record hearing'));
    }
    // 说理式执法: the reasoning is recorded before the decision (the server refuses a decision without it).
    if (s === 'proposed' || s === 'notified') add('reasoning', c.reasoning ? L('修改说理', '修改說理', 'Edit reasoning') : L('填写说理', '填寫說理', 'Write reasoning'));
    if (s === 'notified' || (s === 'proposed' && c.decidedOutcome === 'no_penalty')) add('decision', L('作出决定', '作出決定', 'Decide'), true);
    if (s === 'decided') add('service', L('送达', '送達', 'Record service'), true);
    if (s === 'served' && c.penalty === 'fine') add('payment', L('缴款', '繳款', 'Record payment'), true);
    if ((s === 'served' && c.penalty !== 'fine') || s === 'paid') add('close', L('结案', '結案', 'Close'));
    if (c.procedure === 'on_the_spot' && !c.filedOn && ['served', 'paid', 'closed'].includes(s)) add('filing', L('备案', '備案', 'File'));
  }
  if (can('enforcement.case.review') && (s === 'proposed' || s === 'notified') && !c.officerIds.includes(actorId ?? '')) add('review', L('法制审核', '法制審核', 'Legal review'), true);
  if (can('enforcement.case.collective') && (s === 'proposed' || s === 'notified')) add('collective', L('集体讨论', '集體討論', 'Collective discussion'));
  if (c.publicity?.status === 'pending' && can('enforcement.case.publish')) add('publish', L('公示', '公示', 'Publish'));
  if (can('enforcement.case.revoke') && ['decided', 'served', 'paid', 'closed'].includes(s)) add('revoke', L('撤销决定', '撤銷決定', 'Revoke'));
  return out;
}

/** A form's initial values (the engine's proposal for a proposal, the recorded facts for facts). */
export function initialValues(action: FormAction, c: Case): Record<string, unknown> {
  switch (action) {
    case 'facts':
      return { harm: 'minor', corrected: true, firstViolation: true, ...(c.facts ?? {}) };
    case 'proposal':
      return { outcome: c.engine?.outcome, amountYuan: fenToYuan(c.engine?.amountRange.minFen) };
    case 'review':
      return { result: 'approved' };
    case 'evidence':
      return { kind: 'evidence' };
    case 'payment':
      return { amountYuan: fenToYuan(c.amountFen) };
    case 'reasoning':
      return c.reasoning ?? { facts: c.summary, evidence: evidenceList(c), provisions: '', discretion: c.engine?.reasons.map((r) => r.text).join('；') ?? '' };
    default:
      return {};
  }
}

/** The request a step's form values become: its body (without `version`) and the form fields server errors map to. */
export function stepRequest(action: FormAction, v: Record<string, any>, actorId: string | null): { body: Record<string, unknown>; fields: string[] } { // eslint-disable-line @typescript-eslint/no-explicit-any -- antd form values, checked by the server's schema
  switch (action) {
    case 'open':
      return { body: { officerIds: [actorId, ...(v.officerIds ?? [])] }, fields: ['officerIds'] };
    case 'dismiss':
    case 'revoke':
      return { body: { reason: v.reason }, fields: ['reason'] };
    case 'facts':
      return {
        body: {
          facts: {
            violationType: v.violationType,
            firstViolation: !!v.firstViolation,
            harm: v.harm,
            corrected: !!v.corrected,
            noFault: !!v.noFault,
            mitigating: v.mitigating ?? [],
            aggravating: v.aggravating ?? [],
            minorAge: !!v.minorAge,
            impairedCapacity: !!v.impairedCapacity,
          },
        },
        fields: ['facts'],
      };
    case 'evidence':
      return { body: { kind: v.kind, description: v.description }, fields: ['kind', 'description'] };
    case 'proposal':
      return {
        body: { outcome: v.outcome, amountFen: yuanToFen(v.amountYuan), deviationReason: v.deviationReason || undefined, serious: !!v.serious, complex: !!v.complex, publicInterest: !!v.publicInterest },
        fields: ['outcome', 'amountFen', 'deviationReason'],
      };
    case 'statement':
      return { body: { statement: v.statement ?? '', waived: !!v.waived }, fields: ['statement'] };
    case 'hearing-request':
      return { body: { hearingOn: v.hearingOn }, fields: ['hearingOn'] };
    case 'hearing':
      return { body: { minutes: v.minutes }, fields: ['minutes'] };
    case 'review':
      return { body: { result: v.result, opinion: v.opinion }, fields: ['result', 'opinion'] };
    case 'collective':
      return { body: { conclusion: v.conclusion, participants: String(v.participants ?? '').split(/[,，、\s]+/).filter(Boolean) }, fields: ['conclusion', 'participants'] };
    case 'payment':
      return { body: { amountFen: yuanToFen(v.amountYuan) }, fields: ['amountFen'] };
    case 'reasoning':
      return { body: { reasoning: { facts: v.facts, evidence: v.evidence, provisions: v.provisions, discretion: v.discretion } }, fields: ['facts', 'evidence', 'provisions', 'discretion'] };
  }
}

/** The evidence recorded on a case, as a starting text for the reasoning's evidence section. */
function evidenceList(c: Case): string {
  return c.steps
    .flatMap((s) => {
      const d = s.data as Record<string, unknown> | null;
      return s.kind === 'evidence' && typeof d?.description === 'string' ? [d.description] : [];
    })
    .join('、');
}
