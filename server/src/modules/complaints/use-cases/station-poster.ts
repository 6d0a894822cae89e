import type { Actor } from '../../../platform/auth/roles.js';
import { authorize, assertInScope } from '../../../platform/auth/policy.js';
import { renderPdf } from '../../../platform/documents/pdf.js';
import { renderPoster } from '../../../platform/documents/templates.js';
import { intakeUrl } from '../complaints.presenter.js';
import { complaintsPolicy as P } from '../complaints.policy.js';
import type { ComplaintsDeps } from '../deps.js';
import { stationOr404 } from './shared.js';

/** A printable A4 poster whose QR code opens the phone intake form bound to the station. */
export async function stationPoster(deps: ComplaintsDeps, actor: Actor, id: string): Promise<{ pdf: Buffer; fileName: string }> {
  authorize(actor, P['station.read']);
  const row = await stationOr404(deps.db, id);
  assertInScope(actor, { regionCode: row.region_code });
  const hours = (row.opening_hours ?? []).map((h) => `${h.days.map((d) => '一二三四五六日'[d - 1]).join('、')} ${h.open}–${h.close}`).join('；');
  const doc = renderPoster({
    title: row.name,
    subtitle: '扫码投诉 · 就近调解 · 放心消费',
    url: intakeUrl(deps.baseUrl(), row.id),
    lines: [`地址：${row.address}`, ...(hours ? [`开放时间：星期${hours}`] : []), ...(row.phone ? [`电话：${row.phone}`] : []), '手机扫码即可提交投诉，凭编号和短信查询码查询进度'],
  });
  return { pdf: await renderPdf(doc, { creationDate: deps.clock.now() }), fileName: `station-${row.id}.pdf` };
}
