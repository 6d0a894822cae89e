import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, TEST_PASSWORD, type TestApp } from './harness.js';
import { can, type Policy } from '../src/platform/auth/policy.js';
import type { Actor } from '../src/platform/auth/roles.js';
import { platformPolicy } from '../src/platform/platform.policy.js';

/** GET /api/auth/me carries the actor's permissions, derived from every module's policy table. */
describe('permissions in /api/auth/me', () => {
  let t: TestApp;
  let policies: Record<string, Policy>;
  before(async () => {
    t = await createTestApp();
    policies = { platform: platformPolicy, ...Object.fromEntries(t.modules.flatMap((m) => (m.policy ? [[m.name, m.policy]] : []))) };
  });
  after(() => t.close());

  /** What the policy tables grant `actor`, computed here from the tables themselves. */
  const expected = (actor: Actor) =>
    Object.entries(policies)
      .flatMap(([area, policy]) => Object.entries(policy).filter(([, rule]) => can(actor, rule)).map(([action]) => `${area}.${action}`))
      .sort();

  test('a registrar gets exactly the actions the policies grant the registrar role', async () => {
    const me = await (await t.as({ roles: ['registrar'] })).get('/api/auth/me');
    assert.equal(me.status, 200);
    const permissions: string[] = me.body.permissions;
    assert.deepEqual(permissions, expected(me.body.actor as Actor));
    assert.ok(permissions.includes('registry.enterprise.create'));
    assert.ok(permissions.includes('exchange.change.decide'));
    assert.ok(!permissions.includes('enforcement.case.list'));
    assert.ok(!permissions.includes('platform.audit.read'));
  });

  test('every module contributes its table, and an admin holds every action', async () => {
    assert.deepEqual(Object.keys(policies).sort(), ['complaints', 'credit', 'enforcement', 'exchange', 'inspections', 'insurance', 'platform', 'registry', 'service']);
    const me = await (await t.as({ roles: ['admin'] })).get('/api/auth/me');
    const all = Object.entries(policies).flatMap(([area, policy]) => Object.keys(policy).map((a) => `${area}.${a}`)).sort();
    assert.deepEqual(me.body.permissions, all);
  });

  test('a business account gets the business actions only; log-in returns the same list', async () => {
    const client = await t.as({ kind: 'business', enterprises: [], username: 'biz.perm' });
    const me = await client.get('/api/auth/me');
    assert.deepEqual(me.body.permissions, expected(me.body.actor as Actor));
    assert.ok(me.body.permissions.includes('exchange.change.file'));
    assert.ok(!me.body.permissions.includes('registry.enterprise.create'));
    const login = await t.anonymous().post('/api/auth/login', { username: 'biz.perm', password: TEST_PASSWORD });
    assert.equal(login.status, 200);
    assert.deepEqual(login.body.permissions, me.body.permissions);
    const officer = await t.as({ roles: ['enforcement_officer'] });
    const officerMe = await officer.get('/api/auth/me');
    assert.ok(officerMe.body.permissions.includes('enforcement.case.step'));
    assert.ok(!officerMe.body.permissions.includes('enforcement.case.review'));
  });
});
