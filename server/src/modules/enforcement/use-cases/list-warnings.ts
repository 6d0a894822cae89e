import type { Actor } from '../../../platform/auth/roles.js';
import { assertInScope, authorize, can } from '../../../platform/auth/policy.js';
import { AppError } from '../../../platform/errors/app-error.js';
import { SIGNAL_RULES, type SignalRule } from '../domain/signals.js';
import { signalText } from '../domain/texts.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { warningsRepository as repo, type SignalStatus } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { warningView } from './warning-view.js';

export interface ListSignalsInput {
  rule?: SignalRule;
  status?: SignalStatus;
  q?: string;
}

/**
 * The officers' warning list: the enterprises of the actor's jurisdiction with computed signals not
 * cleared, one row per enterprise (its signals, each with its rule version and citation), newest first.
 */
export async function listWarningSignals(deps: EnforcementDeps, actor: Actor, input: ListSignalsInput) {
  authorize(actor, P['warning.read']);
  const rows = await repo.activeSignals(deps.db, { regionPrefix: actor.jurisdiction, rule: input.rule, status: input.status, q: input.q?.trim() || undefined });
  const byEnterprise = new Map<string, typeof rows>();
  for (const r of rows) byEnterprise.set(r.credit_code, [...(byEnterprise.get(r.credit_code) ?? []), r]);
  const citations = { complaints_rising: SIGNAL_RULES.complaintsRising.citation, permit_expiring: SIGNAL_RULES.permitExpiring.citation, repeat_findings: SIGNAL_RULES.repeatFindings.citation };
  return [...byEnterprise.values()].map((signals) => {
    const first = signals[0]!;
    return {
      creditCode: first.credit_code,
      enterpriseName: first.enterprise_name,
      regionCode: first.region_code,
      computedOn: signals.map((s) => s.computed_on).sort().at(-1) ?? first.computed_on,
      open: signals.some((s) => s.status === 'open'),
      signals: signals.map((s) => ({ id: s.id, rule: s.rule, ruleVersion: s.rule_version, status: s.status, text: signalText(s.detail), citation: citations[s.rule], warningId: s.warning_id })),
    };
  });
}

/** Warnings issued in the actor's jurisdiction (officers) or to the actor's enterprises (a business). */
export async function listWarnings(deps: EnforcementDeps, actor: Actor) {
  if (actor.kind === 'business') authorize(actor, P['warning.acknowledge']);
  else authorize(actor, P['warning.read']);
  const rows = actor.kind === 'business' ? await repo.warningsOf(deps.db, { creditCodes: actor.enterprises }) : await repo.warningsOf(deps.db, { regionPrefix: actor.jurisdiction });
  return Promise.all(rows.map((r) => warningView(deps, r)));
}

/** One warning, for an officer of its region or the business it is addressed to. */
async function readableWarning(deps: EnforcementDeps, actor: Actor, id: string) {
  if (!can(actor, P['warning.read']) && !can(actor, P['warning.acknowledge'])) authorize(actor, P['warning.read']);
  const w = await repo.getWarning(deps.db, id);
  if (!w) throw new AppError('NOT_FOUND');
  assertInScope(actor, { regionCode: w.region_code, creditCode: w.credit_code });
  return w;
}

export async function getWarning(deps: EnforcementDeps, actor: Actor, input: { id: string }) {
  return warningView(deps, await readableWarning(deps, actor, input.id));
}

/** The 风险提示函 PDF of a warning. */
export async function warningLetterPdf(deps: EnforcementDeps, actor: Actor, input: { id: string }) {
  const w = await readableWarning(deps, actor, input.id);
  const doc = w.document_id ? await deps.docs.get(deps.db, w.document_id) : undefined;
  if (!doc) throw new AppError('NOT_FOUND');
  return { name: `${doc.doc_no}.pdf`, data: await deps.files.read(doc.file_id) };
}
