// What the registrar's correction form sends: only the items that differ from the register (a
// partial update changes only what it names), and the old → new lines the confirmation shows.
import { wanToFen } from '../../lib/money';

export interface CorrectionForm {
  name?: string;
  address?: string;
  legalRepName?: string;
  legalRepIdNumber?: string;
  capitalWan?: number | null;
  businessScope?: string;
  industryCode?: string;
  status?: string;
}

export interface CurrentItems {
  name: string;
  address: string;
  legalRepName: string;
  legalRepIdMasked: string | null;
  registeredCapitalFen: number;
  businessScope: string;
  industryCode: string;
  status: string;
}

/** The PATCH body's items (without version): each item whose value differs from the register. */
export function correctionItems(current: CurrentItems, v: CorrectionForm): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const text = (k: 'name' | 'address' | 'legalRepName' | 'businessScope' | 'industryCode') => {
    const x = v[k];
    if (typeof x === 'string' && x.trim() !== current[k]) out[k] = x.trim();
  };
  text('name');
  text('address');
  text('legalRepName');
  text('businessScope');
  text('industryCode');
  if (typeof v.capitalWan === 'number' && wanToFen(v.capitalWan) !== current.registeredCapitalFen) out.registeredCapitalFen = wanToFen(v.capitalWan);
  if (v.legalRepIdNumber && v.legalRepIdNumber.trim()) out.legalRepIdNumber = v.legalRepIdNumber.trim().toUpperCase();
  if (v.status && v.status !== current.status) out.status = v.status;
  return out;
}

/** One line of the confirmation: the item, its value now and after. */
export interface DiffLine {
  field: string;
  before: unknown;
  after: unknown;
}

export function diffLines(current: CurrentItems, items: Record<string, unknown>): DiffLine[] {
  const lines: DiffLine[] = [];
  for (const [field, after] of Object.entries(items)) {
    if (field === 'legalRepIdNumber') lines.push({ field, before: current.legalRepIdMasked, after: '••••' + String(after).slice(-4) });
    else lines.push({ field, before: (current as unknown as Record<string, unknown>)[field], after });
  }
  // A new representative without a number clears the previous person's (the server does the same).
  if ('legalRepName' in items && !('legalRepIdNumber' in items) && current.legalRepIdMasked) lines.push({ field: 'legalRepIdNumber', before: current.legalRepIdMasked, after: null });
  return lines;
}
