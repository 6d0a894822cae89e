import type { COMPLAINTS_COMPLAINT_FILED, EventPayload } from '../../../../../contracts/events.js';
import { warningsRepository as repo } from '../warnings.repository.js';
import type { EnforcementDeps } from '../deps.js';
import { recomputeSignals } from './recompute-signals.js';

export interface RecordComplaintSignalInput {
  eventId: string;
  payload: EventPayload<typeof COMPLAINTS_COMPLAINT_FILED>;
}

/**
 * The outbox handler of `complaints.complaint-filed`: keeps the enforcement module's own copy of the
 * complaint (once per complaint) and recomputes the respondent's signals. A complaint whose
 * respondent is not in the register counts for nobody.
 */
export async function recordComplaintSignal(deps: EnforcementDeps, input: RecordComplaintSignalInput): Promise<void> {
  const { eventId, payload } = input;
  const code = payload.respondentCreditCode?.trim() || null;
  const inserted = await repo.insertComplaintSignal(deps.db, {
    complaint_id: payload.complaintId,
    event_id: eventId,
    kind: payload.kind,
    credit_code: code,
    region_code: payload.regionCode,
    category: payload.category,
    filed_on: payload.filedOn,
  });
  if (inserted && code) await recomputeSignals(deps, { creditCodes: [code] });
}
