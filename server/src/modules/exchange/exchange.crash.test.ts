// kill -9 of the worker during a burst of changes: after a restart every department's copy equals the
// register, every event reached each department in order, and none was applied twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestApp, ENGINE, type TestApp, type Client } from '../../../test/harness.js';
import { makeCreditCode } from '../registry/domain/credit-code.js';
import type { RegistryService } from '../registry/index.js';
import { startSimulator, type Simulator } from './simulator/simulator.js';
import { DEMO_DEPARTMENTS, demoSecret } from './simulator/departments.js';
import { mapView, registerView, type FieldMapping } from './domain/mapping.js';
import { copiesDiffer } from './domain/figures.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../../..');
const ENTERPRISES = 20;
const CHANGES_PER_ENTERPRISE = 15; // 300 changes: enough to be mid-burst at the kill; the long run is in npm run bench (exchange)

// On PostgreSQL the worker is a separate process beside the test's own connection. On PGlite one
// process owns the data folder, so the test writes the burst, closes its database, lets the worker
// processes (killed, then restarted) own the folder, and reopens it to check the result.
describe('exchange: kill -9 of the worker during a burst', () => {
  const dataDir = ENGINE === 'pglite' ? fs.mkdtempSync(path.join(os.tmpdir(), 'xf-crash-')) : undefined;
  let t: TestApp;
  let sim: Simulator;
  let business: Client;
  const codes: string[] = [];
  const mappings = new Map<string, FieldMapping[]>();
  const children: ChildProcess[] = [];

  function startWorker(): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'exchange.crash-worker.ts')], {
      cwd: root,
      env: {
        ...process.env,
        ...(dataDir ? { PGLITE_DATA_DIR: dataDir, DATABASE_URL: '' } : { DATABASE_URL: pgUrl }),
        TEST_DATABASE_URL: '',
        LOG_LEVEL: 'silent',
        OUTBOX_BACKOFF_MS: '10',
        PUBLIC_BASE_URL: 'http://127.0.0.1:9',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    children.push(child);
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.stdout!.on('data', (b: Buffer) => {
        if (b.toString().includes('ready')) resolve(child);
      });
    });
  }

  let pgUrl = '';
  const totalReceived = () => [...sim.departments.values()].reduce((n, d) => n + d.received.length, 0);
  const distinctApplied = () => [...sim.departments.values()].reduce((n, d) => n + new Set(d.received.map((r) => r.eventId)).size, 0);
  async function outstanding(): Promise<number> {
    const r = await t.platform.db
      .selectFrom('exchange.delivery')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'not in', ['acknowledged', 'published'])
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  before(async () => {
    t = await createTestApp({ dataDir });
    pgUrl = (t.database as { url?: string }).url ?? '';
    sim = await startSimulator({ basePort: 0 });
    const admin = await t.as({ roles: ['admin'] });
    const registrar = await t.as({ roles: ['registrar'], jurisdiction: '3301' });
    for (const d of DEMO_DEPARTMENTS.filter((x) => x.simulated)) {
      const { simulated: _s, ...def } = d;
      const res = await admin.post('/api/exchange/departments', { ...def, endpointUrl: sim.get(d.code).url, secret: demoSecret(d.code) });
      assert.equal(res.status, 201);
      mappings.set(d.code, res.body.mapping);
    }
    assert.equal((await admin.request('PUT', '/api/exchange/settings', { lowRiskKinds: ['name', 'legalRepName'], notifyDeadlineMinutes: 240 })).status, 200);
    for (let i = 0; i < ENTERPRISES; i++) {
      const creditCode = makeCreditCode('9', '1', '330102', `K${String(i).padStart(7, '0')}`);
      const res = await registrar.post('/api/enterprises', {
        creditCode,
        name: `杭州崩溃测试${i}有限公司`,
        type: 'limited_company',
        legalRepName: '张三',
        registeredCapitalFen: 100_000_000,
        address: '浙江省杭州市上城区延安路1号',
        regionCode: '330102',
        industryCode: '5179',
        establishedOn: '2020-01-02',
      });
      assert.equal(res.status, 201);
      codes.push(creditCode);
    }
    business = await t.as({ kind: 'business', enterprises: codes });
  });

  after(async () => {
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    // Each step on its own: on PGlite the test may already have closed its database (a failure
    // half-way must not leave the simulator's servers holding the process open).
    await t?.close().catch(() => undefined);
    await sim?.close().catch(() => undefined);
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    if (dataDir) fs.rmSync(`${dataDir}.lock`, { force: true }); // left by the worker killed with -9
  });

  test('300 changes: after kill -9 and a restart every copy equals the register, in order, none applied twice', { timeout: 300_000 }, async () => {
    // The burst: low-risk items are approved as they are filed (one transaction each).
    for (let round = 0; round < CHANGES_PER_ENTERPRISE; round++) {
      await Promise.all(
        codes.map(async (creditCode, i) => {
          const res = await business.post('/api/exchange/changes', { creditCode, items: { name: `杭州崩溃测试${i}第${round + 1}版有限公司`, legalRepName: `法人${round + 1}` }, idempotencyKey: `crash-${i}-${round}` });
          assert.equal(res.status, 201, JSON.stringify(res.body));
        }),
      );
    }
    const expectedDeliveries = ENTERPRISES * CHANGES_PER_ENTERPRISE * sim.departments.size;
    assert.equal(await outstanding(), expectedDeliveries);
    if (dataDir) await t.close(); // the worker processes own the embedded data folder from here

    const first = await startWorker();
    while (totalReceived() < expectedDeliveries / 3) await sleep(20);
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    const atKill = totalReceived();
    assert.ok(atKill < expectedDeliveries, 'killed in the middle of the burst');

    const second = await startWorker();
    if (dataDir) {
      for (let i = 0; i < 6000 && distinctApplied() < expectedDeliveries; i++) await sleep(50);
      await sleep(1000); // let the last acknowledgements be recorded
    } else {
      for (let i = 0; i < 6000 && (await outstanding()) > 0; i++) await sleep(50);
    }
    second.kill('SIGTERM');
    await new Promise((r) => second.once('exit', r));
    if (dataDir) t = await createTestApp({ dataDir });
    assert.equal(await outstanding(), 0);

    const registry = t.modules.find((m) => m.name === 'registry')!.api as RegistryService;
    for (const creditCode of codes) {
      const view = registerView((await registry.findByCode(creditCode))!);
      for (const dep of sim.departments.values()) {
        const copy = dep.copy.get(creditCode);
        assert.ok(copy, `${dep.code} has no copy of ${creditCode}`);
        assert.deepEqual(copiesDiffer(mapView(mappings.get(dep.code)!, view), copy.data), [], `${dep.code} / ${creditCode}`);
      }
    }
    for (const dep of sim.departments.values()) {
      // Each event was applied once (redeliveries after the crash were recognised by event id)…
      const ids = dep.received.map((r) => r.eventId);
      assert.equal(new Set(ids).size, ids.length, `${dep.code} applied an event twice`);
      assert.equal(ids.length, ENTERPRISES * CHANGES_PER_ENTERPRISE);
      // …and the changes of one enterprise arrived in order.
      for (const creditCode of codes) {
        const cursors = dep.received.filter((r) => r.creditCode === creditCode).map((r) => r.cursor);
        assert.deepEqual(cursors, [...cursors].sort((a, b) => a - b), `${dep.code} / ${creditCode} out of order`);
      }
      assert.ok(dep.received.every((r) => r.applied));
    }
  });
});
