import { definePolicy } from '../../platform/auth/policy.js';

export const exchangePolicy = definePolicy({
  /** The department catalogue and mappings: admins manage them (admins pass every rule). */
  'department.manage': { roles: [] },
  'department.read': { roles: ['registrar', 'analyst', 'service_supervisor', 'director'] },
  /** A business files and previews changes for its bound enterprises (checked with assertInScope). */
  'change.file': { business: true },
  'change.preview': { business: true, roles: ['registrar'] },
  'change.read': { business: true, roles: ['registrar', 'analyst', 'service_supervisor', 'director'] },
  'change.decide': { roles: ['registrar'] },
  'delivery.read': { roles: ['registrar', 'analyst', 'service_supervisor', 'director'] },
  'delivery.retry': { roles: ['registrar'] },
  'settings.read': { roles: ['registrar'] },
  'settings.manage': { roles: [] },
  'monitor.read': { roles: ['registrar', 'analyst', 'service_supervisor', 'director'] },
  'reconcile.run': { roles: ['registrar'] },
  /** A department's system reads its own mapped view of the feed with its API token. */
  'feed.read': { roles: ['department_client'] },
});
