import { AppError } from '../../../platform/errors/app-error.js';
import { presentStation } from '../complaints.presenter.js';
import type { ComplaintsDeps } from '../deps.js';
import { stationOr404 } from './shared.js';

/** The station's name and hours for the phone form opened from its QR code (public; no mediator names). */
export async function publicStation(deps: ComplaintsDeps, id: string) {
  const row = await stationOr404(deps.db, id);
  if (!row.active) throw new AppError('NOT_FOUND');
  return presentStation({ ...row, mediators: [] }, deps.baseUrl());
}
