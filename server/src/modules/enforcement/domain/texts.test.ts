import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { getTimeLimit } from '../../../platform/calendar/index.js';
import { hearingTooEarly, stepsMissingBeforeDecision, zhNumber } from './texts.js';
import { penaltyNoticeValues } from './decision-documents.js';
import { NATIONAL_LIMITS } from './limits.js';

describe('wording from the catalogue, numbers from the rule data', () => {
  test('Chinese numerals of day counts', () => {
    assert.deepEqual([1, 5, 7, 10, 15, 20, 30, 90].map(zhNumber), ['一', '五', '七', '十', '十五', '二十', '三十', '九十']);
  });

  test('the notice of intended penalty names the hearing-request period of the data (五个工作日)', () => {
    const v = penaltyNoticeValues({ partyName: 'A', facts: 'f', violation: undefined, penalty: '警告', hearingRight: true });
    assert.equal(getTimeLimit('penalty.hearing-request').days, 5);
    assert.match(v.hearingRight, /收到本告知书之日起五个工作日内提出/);
    assert.equal(v.violatedProvision, '有关规定');
    assert.equal(penaltyNoticeValues({ partyName: 'A', facts: 'f', violation: undefined, penalty: '警告', hearingRight: false }).hearingRight, '');
  });

  test('the missing-steps message is written in each locale, zh-TW in its own characters', () => {
    const text = stepsMissingBeforeDecision(['legal_review', 'collective_discussion']);
    assert.equal(text['zh-CN'], '本案须经法制审核（第五十八条）、集体讨论（第五十七条第二款）后方可作出决定');
    assert.equal(text['zh-TW'], '本案須經法制審核（第五十八條）、集體討論（第五十七條第二款）後方可作出決定');
    assert.equal(text.en, 'this case needs legal review (art. 58) and collective discussion (art. 57 ¶2) before the decision');
    assert.equal(hearingTooEarly('2026-03-12', 7)['zh-CN'], '听证应在通知七个工作日后举行，最早 2026-03-12（第六十四条）');
  });

  test('the limits named in route descriptions are the data', () => {
    assert.equal(NATIONAL_LIMITS.onTheSpotMaxPerson, '¥200');
    assert.equal(NATIONAL_LIMITS.onTheSpotMaxOrganisation, '¥3,000');
    assert.equal(NATIONAL_LIMITS.verificationWorkingDays, getTimeLimit('report.verification').days);
  });
});
