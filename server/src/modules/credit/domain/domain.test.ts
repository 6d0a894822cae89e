import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkEligibility, type EligibilityInput } from './eligibility.js';
import { addMonths, repairableFrom, severityOf } from './rules.js';
import { classify, RISK_RULE_SETS, type RiskInputs } from './risk.js';
import { overdueYear, reportTiming } from './annual-report.js';
import { encode, parseAck, signBody, verifyBody } from './wire.js';

const base: EligibilityInput = { kind: 'penalty', status: 'published', severity: 'general', penaltyKind: 'fine', violationType: 'advertising', finePaid: true, repairableFrom: '2026-10-20', today: '2026-11-20', otherListKinds: [], repeatPenalties: 0 };
const clean: RiskInputs = { penalties: { minor: 0, general: 0, serious: 0 }, penaltiesLast3Years: 0, onAbnormalList: false, onSeriousList: false, reportMissing: false, repairsLastYear: 0, status: 'active', ageYears: 5 };

describe('credit rules', () => {
  test('minimum periods start at the decision: 6 months, 1 year for food, drugs and special equipment; excluded kinds never', () => {
    assert.equal(repairableFrom({ kind: 'penalty', decidedOn: '2026-04-20', violationType: 'advertising', penaltyKind: 'fine', period: '3_years' }), '2026-10-20');
    assert.equal(repairableFrom({ kind: 'penalty', decidedOn: '2026-04-20', violationType: 'food', penaltyKind: 'fine', period: '3_years' }), '2027-04-20');
    assert.equal(repairableFrom({ kind: 'penalty', decidedOn: '2026-04-20', violationType: null, penaltyKind: 'licence_revoked', period: '3_years' }), null);
    assert.equal(repairableFrom({ kind: 'penalty', decidedOn: '2026-04-20', violationType: null, penaltyKind: 'warning', period: '3_months' }), null);
    assert.equal(addMonths('2026-08-31', 6), '2027-02-28');
    assert.equal(severityOf({ kind: 'penalty', period: '3_months' }), 'minor');
    assert.equal(severityOf({ kind: 'penalty', period: '3_years', penaltyKind: 'suspension' }), 'serious');
  });

  test('eligibility names every failing rule', () => {
    assert.deepEqual(checkEligibility(base), { eligible: true, reasons: [] });
    const early = checkEligibility({ ...base, today: '2026-10-19' });
    assert.equal(early.reasons[0].code, 'minimum_period');
    assert.match(early.reasons[0].rule.source, /国市监信规〔2021〕3号/);
    const many = checkEligibility({ ...base, finePaid: false, otherListKinds: ['abnormal'], repeatPenalties: 1, status: 'repaired' });
    assert.deepEqual(many.reasons.map((r) => r.code), ['not_published', 'fine_unpaid', 'on_other_list', 'repeat_violation']);
    const revoked = checkEligibility({ ...base, penaltyKind: 'licence_revoked', repairableFrom: null });
    assert.deepEqual(revoked.reasons.map((r) => r.code), ['excluded_serious_penalty']);
    assert.match(revoked.reasons[0].rule.article, /第十四条第三款/);
    assert.equal(checkEligibility({ ...base, kind: 'abnormal', groundCured: false }).reasons[0].code, 'ground_not_cured');
  });

  test('risk classes: four or five, the serious list straight to the last class', () => {
    const four = RISK_RULE_SETS['national-4-v1'];
    const five = RISK_RULE_SETS['shandong-5-v1'];
    assert.equal(classify(clean, four).riskClass, 'A');
    assert.equal(classify({ ...clean, penalties: { minor: 0, general: 1, serious: 0 } }, four).riskClass, 'B');
    assert.equal(classify({ ...clean, penalties: { minor: 0, general: 1, serious: 1 } }, four).riskClass, 'C');
    assert.equal(classify({ ...clean, onSeriousList: true }, four).riskClass, 'D');
    assert.equal(classify({ ...clean, onSeriousList: true }, five).riskClass, 'E');
    assert.equal(classify(clean, five).rulesVersion, 'shandong-5-v1');
  });

  test('annual reports: 1 January – 30 June for last year', () => {
    assert.deepEqual(reportTiming('2026-03-01', 2025), { tooEarly: false, inWindow: true, late: false });
    assert.equal(reportTiming('2026-07-01', 2025).late, true);
    assert.equal(reportTiming('2025-12-31', 2025).tooEarly, true);
    assert.equal(overdueYear('2026-06-30'), null);
    assert.equal(overdueYear('2026-07-01'), 2025);
  });

  test('each national system has its own format and acknowledgement; signatures verify', () => {
    const m = { syncId: 's1', action: 'repair' as const, creditCode: 'X', documentNo: 'D1', recordKind: 'penalty' as const, on: '2026-11-20', office: 'o' };
    assert.equal(JSON.parse(encode('gsxt', m)).czlx, 'XF');
    assert.equal(JSON.parse(encode('ccn', m)).head.msgType, 'CREDIT_REPAIR');
    assert.equal(parseAck('gsxt', 200, '{"code":"00","ackNo":"G-1"}'), 'G-1');
    assert.equal(parseAck('gsxt', 200, '{"result":"SUCCESS","receipt":"C-1"}'), null);
    assert.equal(parseAck('ccn', 200, '{"result":"SUCCESS","receipt":"C-1"}'), 'C-1');
    assert.equal(parseAck('ccn', 503, '{"result":"SUCCESS","receipt":"C-1"}'), null);
    assert.equal(parseAck('ccn', 200, '<html>'), null);
    const sig = signBody('secret-secret', '1', 'body');
    assert.equal(verifyBody('secret-secret', '1', 'body', sig), true);
    assert.equal(verifyBody('secret-secret', '2', 'body', sig), false);
  });
});
