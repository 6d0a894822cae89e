import { test } from 'node:test';
import assert from 'node:assert/strict';
import { confirmSummary } from './confirm';
import type { Case } from './types';

const c = {
  caseNo: 'ZF-2026-000001',
  partyName: '杭州某公司',
  creditCode: '91330102MA0000000X',
  penalty: 'fine',
  amountFen: 6_500_000,
  documents: [{ kind: 'penalty_decision', docNo: '上城市监罚〔2026〕1号' }],
} as unknown as Case;

test('the confirmation of a ¥65,000 decision names the party, the amount, the document and the consequences', () => {
  const s = confirmSummary('decision', c);
  const values = s.lines.map((l) => (typeof l.value === 'string' ? l.value : l.value['zh-CN']));
  assert.ok(values.some((v) => v.includes('杭州某公司')));
  assert.ok(values.some((v) => v.includes('65,000')));
  assert.ok(values.includes('上城市监罚〔2026〕1号'));
  assert.match(s.consequence['zh-CN'], /公示/);
  assert.match(confirmSummary('revoke', c).consequence.en, /withdrawn/);
  assert.match(confirmSummary('close', c).title['zh-TW'], /結案/);
});
