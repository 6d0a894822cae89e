import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { renderPoster } from '../../../platform/documents/templates.js';
import { intakeUrl } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { SMS_LOCALE as POSTER_LOCALE, WEEKDAY_NAMES, complaintText } from '../domain/texts.js';
import { stationOr404 } from './shared.js';

/** A printable A4 poster whose QR code opens the phone intake form bound to the station. */
export async function stationPoster(deps: ComplaintsDeps, actor: Actor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  authorize(actor, P['station.read']);
  const row = await stationOr404(deps.db, id);
  assertInScope(actor, { regionCode: row.region_code });
  const t = (key: Parameters<typeof complaintText>[0], values?: Record<string, string>) => complaintText(key, POSTER_LOCALE, values);
  const day = (d: number) => WEEKDAY_NAMES[POSTER_LOCALE][d - 1];
  const hours = (row.opening_hours ?? []).map((h) => `${h.days.map(day).join('、')} ${h.open}–${h.close}`).join('；');
  const doc = renderPoster({
    title: row.name,
    subtitle: t('poster.subtitle'),
    url: intakeUrl(deps.baseUrl(), row.id),
    lines: [t('poster.address', { address: row.address }), ...(hours ? [t('poster.hours', { hours })] : []), ...(row.phone ? [t('poster.phone', { phone: row.phone })] : []), t('poster.hint')],
  });
  return { pdf: await renderPdf(doc, { creationDate: deps.clock.now() }), fileName: `station-${row.id}.pdf` };
}
