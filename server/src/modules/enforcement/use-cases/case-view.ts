import type { Actor } from '../../../platform/auth/roles.js';
import { authorize } from '../../../platform/auth/policy.js';
import type { Locale } from '../../../platform/i18n/i18n.js';
import { proposeOutcome } from '../domain/discretion.js';
import { enforcementRepository as repo, type CaseRow } from '../enforcement.repository.js';
import { enforcementPolicy as P } from '../enforcement.policy.js';
import { presentCase } from '../enforcement.presenter.js';
import type { EnforcementDeps } from '../deps.js';
import { dueOf, readable } from './shared.js';

/** The full view of a case: its steps, documents, publicity and the discretion engine's proposal. */
export async function caseView(deps: EnforcementDeps, row: CaseRow, locale: Locale) {
  const [steps, documents, publicity] = await Promise.all([
    repo.listSteps(deps.db, row.id),
    deps.docs.documentsOf(deps.db, 'enforcement.case', [row.id]),
    repo.getPublicity(deps.db, row.id),
  ]);
  let engine = null;
  if (row.facts) {
    try {
      engine = proposeOutcome({ ...row.facts, partyKind: row.party_kind }, await deps.rulebook.ofCase(deps.db, row));
    } catch {
      engine = null;
    }
  }
  return presentCase(
    row,
    { steps, documents, publicity: publicity ?? null, engine, today: deps.clock.today(), due: dueOf(deps)(row), verifyUrl: deps.docs.verifyUrl, cal: deps.calendar.get() },
    locale,
  );
}

export async function getCase(deps: EnforcementDeps, actor: Actor, input: { id: string }, locale: Locale) {
  authorize(actor, P['case.read']);
  return caseView(deps, readable(actor, await repo.getCase(deps.db, input.id)), locale);
}
