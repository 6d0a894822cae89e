/**
 * The two national systems' wire formats (as simulated here) and their acknowledgements.
 * GSXT (国家企业信用信息公示系统): JSON with pinyin-abbreviated fields, acknowledged by
 * `{"code":"00","ackNo":…}`. 信用中国: an envelope `{head:{msgId,…},body:{…}}`, acknowledged by
 * `{"result":"SUCCESS","receipt":…}`. Both are signed with HMAC-SHA256 over timestamp + body.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-credit-signature';
export const TIMESTAMP_HEADER = 'x-credit-timestamp';

export function signBody(secret: string, timestamp: string, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifyBody(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export interface SyncMessage {
  syncId: string;
  action: 'repair' | 'expire';
  creditCode: string;
  documentNo: string | null;
  recordKind: 'penalty' | 'abnormal' | 'serious';
  /** The repair or expiry date. */
  on: string;
  office: string;
}

export function encode(system: 'gsxt' | 'ccn', m: SyncMessage): string {
  if (system === 'gsxt') {
    return JSON.stringify({ lsh: m.syncId, uniscid: m.creditCode, xzcfjdsh: m.documentNo, xxlx: m.recordKind, czlx: m.action === 'repair' ? 'XF' : 'DQ', czrq: m.on, jgmc: m.office });
  }
  return JSON.stringify({ head: { msgId: m.syncId, msgType: m.action === 'repair' ? 'CREDIT_REPAIR' : 'PUBLICITY_EXPIRED', source: 'SAMR' }, body: { tyshxydm: m.creditCode, wsh: m.documentNo, lb: m.recordKind, rq: m.on, bm: m.office } });
}

/** The system's acknowledgement reference, or null when the answer is not one. */
export function parseAck(system: 'gsxt' | 'ccn', status: number, text: string): string | null {
  if (status !== 200) return null;
  try {
    const j = JSON.parse(text) as Record<string, unknown>;
    if (system === 'gsxt') return j.code === '00' && typeof j.ackNo === 'string' ? j.ackNo : null;
    return j.result === 'SUCCESS' && typeof j.receipt === 'string' ? j.receipt : null;
  } catch {
    return null;
  }
}

/** What 信用中国 signs in a mutual-recognition notice (fields in a fixed order, independent of JSON layout). */
export function noticeSigningString(n: { noticeId: string; creditCode: string; documentNo: string; repairedOn: string }): string {
  return [n.noticeId, n.creditCode, n.documentNo, n.repairedOn].join('.');
}
