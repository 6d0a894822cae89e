import { definePolicy } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';

/** Staff who work with enterprises and may read the register within their jurisdiction. */
const READERS: Role[] = [
  'registrar',
  'mediator',
  'enforcement_officer',
  'legal_reviewer',
  'bureau_leader',
  'credit_officer',
  'inspection_planner',
  'inspector',
  'director',
  'service_supervisor',
  'analyst',
];

export const registryPolicy = definePolicy({
  'enterprise.list': { roles: READERS, business: true },
  'enterprise.read': { roles: READERS, business: true },
  /** The full ID number of a legal representative: registrars only, and every view is audited. */
  'enterprise.read-personal': { roles: ['registrar'] },
  'enterprise.create': { roles: ['registrar'] },
  'enterprise.update': { roles: ['registrar'] },
  'enterprise.import': { roles: ['registrar'] },
  'enterprise.public-lookup': { anyone: true },
});
