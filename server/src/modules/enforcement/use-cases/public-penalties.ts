import { AppError } from '../../../platform/errors/app-error.js';
import { PUBLICITY_TEXT } from '../domain/texts.js';
import { enforcementRepository as repo, type PublicityRow } from '../enforcement.repository.js';
import type { EnforcementDeps } from '../deps.js';

/**
 * The public side of penalty publicity (Order 45): the published decisions still inside their
 * period — a list with search by name, credit code or document number, a detail page and the
 * redacted PDF. Nothing pending is shown; an ended, repaired or withdrawn publication answers 410
 * with the reason, an unknown one 404. No login (the routes are rate-limited).
 */

function summaryOf(p: PublicityRow) {
  const s = (p.summary ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    id: p.case_id,
    docNo: p.doc_no ?? str(s.docNo),
    partyName: p.party_name ?? str(s.party),
    creditCode: p.credit_code,
    violation: str(s.violation),
    penalty: str(s.penalty),
    office: str(s.office),
    decidedOn: p.decided_on,
    publishedOn: p.published_on ?? '',
    endsOn: p.ends_on ?? '',
    pdfUrl: `/api/public/penalties/${p.case_id}/pdf`,
  };
}

export async function listPublicPenalties(deps: EnforcementDeps, input: { q?: string; cursor?: string; limit: number }) {
  let after: [string, string] | undefined;
  if (input.cursor) {
    const [on, id] = Buffer.from(input.cursor, 'base64url').toString('utf8').split('|');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(on ?? '') || !/^[0-9a-f-]{36}$/.test(id ?? '')) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'cursor', code: 'INVALID' }] });
    after = [on, id];
  }
  const rows = await repo.publicPenalties(deps.db, { today: deps.clock.today(), q: input.q || undefined, after, limit: input.limit + 1 });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > input.limit && last ? Buffer.from(`${last.published_on}|${last.case_id}`).toString('base64url') : null;
  return { items: page.map(summaryOf), nextCursor };
}

/** The publication of one case if the public may see it now; 404 or 410 otherwise. */
async function visible(deps: EnforcementDeps, id: string): Promise<PublicityRow> {
  const p = /^[0-9a-f-]{36}$/i.test(id) ? await repo.getPublicity(deps.db, id) : undefined;
  if (!p || p.status === 'pending') throw new AppError('NOT_FOUND', { text: PUBLICITY_TEXT.notFound });
  if (p.status === 'withdrawn') throw new AppError('GONE', { text: PUBLICITY_TEXT.withdrawn });
  if (p.status === 'ended') throw new AppError('GONE', { text: p.end_reason === 'repaired' ? PUBLICITY_TEXT.repaired : PUBLICITY_TEXT.ended });
  // Past its end date even before the job has run.
  if (!p.ends_on || p.ends_on < deps.clock.today()) throw new AppError('GONE', { text: PUBLICITY_TEXT.ended });
  return p;
}

export async function getPublicPenalty(deps: EnforcementDeps, input: { id: string }) {
  return summaryOf(await visible(deps, input.id));
}

export async function publicPenaltyPdf(deps: EnforcementDeps, input: { id: string }) {
  const p = await visible(deps, input.id);
  if (!p.public_file_id) throw new AppError('NOT_FOUND', { text: PUBLICITY_TEXT.notFound });
  return { data: await deps.files.read(p.public_file_id), name: `${p.doc_no ?? p.case_id}.pdf` };
}
