import type { DemoContext, Platform } from '../../platform/module.js';
import type { ExchangeService } from './exchange.service.js';
import { exchangeRepository as repo } from './exchange.repository.js';
import { DEMO_DEPARTMENTS, demoSecret, simulatedDepartments, SIM_BASE_PORT } from './simulator/departments.js';
import type { Actor } from '../../platform/auth/roles.js';

/**
 * Registers the demo city's linked departments through the admin use case, pointing at the
 * simulator's default ports (`npm run simulate:departments`). Without the simulator running,
 * deliveries simply retry with backoff until it is.
 */
export async function seedExchangeDemo(p: Platform, service: ExchangeService, ctx: DemoContext): Promise<void> {
  if ((await repo.listDepartments(p.db)).length) return;
  const admin: Actor = {
    id: ctx.accounts['admin'] ?? null,
    kind: 'staff',
    username: 'demo-seed',
    displayName: 'demo-seed',
    roles: ['admin'],
    jurisdiction: null,
    orgUnitId: null,
    enterprises: [],
    via: 'session',
  };
  const ports = new Map(simulatedDepartments(SIM_BASE_PORT).map((d) => [d.code, d.port]));
  for (const d of DEMO_DEPARTMENTS) {
    const { simulated, ...def } = d;
    await service.createDepartment(
      admin,
      {
        ...def,
        endpointUrl: simulated ? `http://127.0.0.1:${ports.get(d.code)}/events` : null,
        timeoutMs: 5000,
        enabled: true,
        secret: demoSecret(d.code),
      },
      { actorName: 'demo-seed' },
    );
  }
  await service.putSettings(admin, { lowRiskKinds: ['businessScope'], notifyDeadlineMinutes: 240 }, { actorName: 'demo-seed' });
}
