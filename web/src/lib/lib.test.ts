// Unit tests of the web app's pure helpers (run by scripts/run-tests.mjs like every other *.test.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FormInstance } from 'antd';
import { ApiError, withQuery } from './api';
import { applyFieldErrors } from './forms';
import { L, translate } from './i18n';
import { allowed, areaOf } from '../app/feature';
import { chinaDate, chinaYear } from './clock';

describe('withQuery', () => {
  test('appends defined values and drops empty ones', () => {
    assert.equal(withQuery('/api/x'), '/api/x');
    assert.equal(withQuery('/api/x', { a: 1, b: '', c: null, d: undefined, e: false }), '/api/x?a=1&e=false');
    assert.equal(withQuery('/api/x?p=1', { q: '张 三' }), '/api/x?p=1&q=%E5%BC%A0+%E4%B8%89');
    assert.equal(withQuery('/api/x', { a: '' }), '/api/x');
  });
});

describe('ApiError.fieldMessage', () => {
  test('finds the exact path first, then the first nested one', () => {
    const err = new ApiError(400, 'VALIDATION', 'bad', [
      { path: 'investors.0.name', code: 'required', message: 'name missing' },
      { path: 'investors', code: 'too_small', message: 'too few' },
    ]);
    assert.equal(err.fieldMessage('investors'), 'too few');
    assert.equal(err.fieldMessage('investors.0'), 'name missing');
    assert.equal(err.fieldMessage('phone'), undefined);
  });
});

describe('applyFieldErrors', () => {
  function recordingForm() {
    const set: { name: (string | number)[]; errors: string[] }[] = [];
    const form = { setFields: (fields: typeof set) => set.push(...fields) } as unknown as FormInstance;
    return { form, set };
  }

  test('puts field errors under the form fields, numeric segments as indexes, with aliases', () => {
    const { form, set } = recordingForm();
    const err = new ApiError(400, 'VALIDATION', 'Check the form', [
      { path: 'investors.0.name', code: 'required', message: 'name missing' },
      { path: 'registeredCapitalFen', code: 'too_small', message: 'too small' },
      { path: 'unknownField', code: 'x', message: 'server-only problem' },
    ]);
    const rest = applyFieldErrors(form, err, ['investors', 'capitalWan'], { registeredCapitalFen: 'capitalWan' });
    assert.deepEqual(set, [
      { name: ['investors', 0, 'name'], errors: ['name missing'] },
      { name: ['capitalWan'], errors: ['too small'] },
    ]);
    assert.deepEqual(rest, ['Check the form', 'server-only problem']);
  });

  test('without field errors it returns the message; a non-API error returns its text', () => {
    const { form, set } = recordingForm();
    assert.deepEqual(applyFieldErrors(form, new ApiError(409, 'VERSION_CONFLICT', 'changed meanwhile')), ['changed meanwhile']);
    assert.deepEqual(applyFieldErrors(form, new Error('offline')), ['offline']);
    assert.deepEqual(set, []);
  });
});

describe('translate', () => {
  test('picks the locale, falls back to zh-CN and fills placeholders', () => {
    const hello = L('你好，{who}', '你好，{who}', 'Hello {who}');
    assert.equal(translate(hello, { who: 'Li' }, 'en'), 'Hello Li');
    assert.equal(translate(hello, { who: '李' }, 'zh-TW'), '你好，李');
    assert.equal(translate(hello, {}, 'en'), 'Hello {who}');
    assert.equal(translate({ 'zh-CN': '企业' } as ReturnType<typeof L>, undefined, 'en'), '企业');
  });
});

describe('feature areas and audiences', () => {
  test('areaOf maps path prefixes to areas', () => {
    assert.equal(areaOf('/staff'), 'staff');
    assert.equal(areaOf('/admin/outbox'), 'staff');
    assert.equal(areaOf('/business/x'), 'business');
    assert.equal(areaOf('/citizen/complaints'), 'citizen');
    assert.equal(areaOf('/staffing'), 'public');
  });

  test('allowed checks kinds and server-given permissions', () => {
    const registrar = { kind: 'staff', permissions: ['registry.enterprise.create', 'registry.enterprise.list'] };
    assert.equal(allowed(undefined, null), true);
    assert.equal(allowed('public', null), true);
    assert.equal(allowed('staff', null), false);
    assert.equal(allowed('staff', registrar), true);
    assert.equal(allowed('business', registrar), false);
    assert.equal(allowed({ permission: 'platform.audit.read' }, registrar), false);
    assert.equal(allowed({ permission: 'registry.enterprise.create' }, registrar), true);
    assert.equal(allowed({ permission: 'registry.enterprise.create' }, null), false);
  });
});

describe('China dates', () => {
  test('chinaDate and chinaYear read the instant in Asia/Shanghai, whatever the machine zone', () => {
    assert.equal(chinaDate(new Date('2026-12-31T15:59:59Z')), '2026-12-31');
    assert.equal(chinaDate(new Date('2026-12-31T16:00:00Z')), '2027-01-01');
    assert.equal(chinaYear(new Date('2026-12-31T16:00:00Z')), 2027);
  });
});
