import type { Locale } from '../../../platform/i18n/i18n.js';
import { complaintsRepository as repo } from '../complaints.repository.js';
import { presentPublic } from '../complaints.presenter.js';
import type { ComplaintsDeps } from '../deps.js';

export interface TrackInput {
  trackingNo: string;
  /** The access code (查询码) sent by SMS. */
  code: string;
  locale: Locale;
}

/** The consumer's view of their case, for the tracking number and access code. */
export async function trackComplaint(deps: ComplaintsDeps, input: TrackInput) {
  const row = await deps.access.verify(input.trackingNo, input.code);
  return presentPublic(row, await repo.entries(deps.db, row.id), deps.calendar(), deps.clock.today(), input.locale);
}
