import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createTestApp, type Client, type TestApp } from './harness.js';

describe('the actor\'s notifications: list, unread count, mark read', () => {
  let t: TestApp;
  let alice: Client;
  let bob: Client;
  let biz: Client;

  before(async () => {
    t = await createTestApp();
    alice = await t.as({ roles: ['mediator'], jurisdiction: '330102' });
    bob = await t.as({ roles: ['mediator'], jurisdiction: '330102' });
    biz = await t.as({ kind: 'business' });
    const { db, notifier } = t.platform;
    for (let i = 0; i < 5; i++) {
      t.clock.set(new Date(Date.parse('2026-11-20T02:00:00Z') + i * 60_000));
      await notifier.notify(db, { accountId: alice.accountId, title: `任务 ${i}`, body: `正文 ${i}`, link: '/staff/complaints' });
    }
    await notifier.notify(db, { accountId: bob.accountId, title: 'Bob 的', body: 'x', link: '/staff' });
  });
  after(() => t.close());

  test('keyset paging, newest first, only one\'s own', async () => {
    const p1 = await alice.get('/api/notifications?limit=2');
    assert.equal(p1.status, 200, JSON.stringify(p1.body));
    assert.deepEqual(p1.body.items.map((n: { title: string }) => n.title), ['任务 4', '任务 3']);
    assert.ok(p1.body.nextCursor);
    const p2 = await alice.get(`/api/notifications?limit=2&cursor=${p1.body.nextCursor}`);
    assert.deepEqual(p2.body.items.map((n: { title: string }) => n.title), ['任务 2', '任务 1']);
    const p3 = await alice.get(`/api/notifications?limit=2&cursor=${p2.body.nextCursor}`);
    assert.deepEqual(p3.body.items.map((n: { title: string }) => n.title), ['任务 0']);
    assert.equal(p3.body.nextCursor, null);
    const bobs = await bob.get('/api/notifications');
    assert.deepEqual(bobs.body.items.map((n: { title: string }) => n.title), ['Bob 的']);
    assert.equal((await biz.get('/api/notifications')).body.items.length, 0);
  });

  test('unread count, mark one read, mark all read', async () => {
    assert.equal((await alice.get('/api/notifications/unread-count')).body.unread, 5);
    const first = (await alice.get('/api/notifications?limit=1')).body.items[0];
    const marked = await alice.post(`/api/notifications/${first.id}/read`);
    assert.equal(marked.status, 200);
    assert.ok(marked.body.readAt);
    assert.equal((await alice.get('/api/notifications/unread-count')).body.unread, 4);
    assert.equal((await alice.get('/api/notifications?unread=true')).body.items.length, 4);
    const all = await alice.post('/api/notifications/read-all');
    assert.deepEqual(all.body, { ok: true, marked: 4 });
    assert.equal((await alice.get('/api/notifications/unread-count')).body.unread, 0);
    assert.equal((await bob.get('/api/notifications/unread-count')).body.unread, 1, 'another account is untouched');
  });

  test('denials: anonymous, another account\'s notification, a bad cursor', async () => {
    assert.equal((await t.anonymous().get('/api/notifications')).status, 401);
    assert.equal((await t.anonymous().get('/api/notifications/unread-count')).status, 401);
    const bobsId = (await bob.get('/api/notifications')).body.items[0].id;
    assert.equal((await alice.post(`/api/notifications/${bobsId}/read`)).status, 404, 'one actor cannot mark another\'s');
    assert.equal((await biz.post(`/api/notifications/${bobsId}/read`)).status, 404);
    assert.equal((await bob.get('/api/notifications/unread-count')).body.unread, 1);
    assert.ok(!(await alice.get('/api/notifications')).body.items.some((n: { id: string }) => n.id === bobsId), 'one actor cannot read another\'s');
    assert.equal((await alice.get('/api/notifications?cursor=bm90LWpzb24')).status, 400);
    assert.equal((await alice.post('/api/notifications/not-a-uuid/read')).status, 400);
  });

  test('the preferred locale writes notifications and SMS in the recipient\'s language', async () => {
    assert.equal((await alice.request('PUT', '/api/auth/locale', { locale: 'en' })).status, 200);
    assert.equal((await alice.request('PUT', '/api/auth/locale', { locale: 'fr' })).status, 400);
    assert.equal((await t.anonymous().request('PUT', '/api/auth/locale', { locale: 'en' })).status, 401);
    const { db, notifier } = t.platform;
    const texts = (l: string) => (l === 'en' ? { title: 'New task', body: 'Mediate it' } : { title: '新的调解任务', body: '请调解' });
    t.clock.set('2026-11-20T03:00:00Z');
    await notifier.notify(db, { accountId: alice.accountId, localized: texts });
    await notifier.notify(db, { accountId: bob.accountId, localized: texts });
    assert.equal((await alice.get('/api/notifications?limit=1')).body.items[0].title, 'New task');
    assert.equal((await bob.get('/api/notifications?limit=1')).body.items[0].title, '新的调解任务');
    await notifier.notify(db, { phone: '13912340000', locale: 'en', localized: texts });
    const sms = await db.selectFrom('platform.outbox_event').select('payload').where('topic', '=', 'notification.sms').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
    assert.match(JSON.stringify(sms.payload), /\[Xingfeng\] New task: Mediate it/);
  });
});
