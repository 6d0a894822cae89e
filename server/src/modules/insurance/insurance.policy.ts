import { definePolicy } from '../../platform/auth/policy.js';

export const insurancePolicy = definePolicy({
  'policy.read': { roles: ['mediator', 'bureau_leader', 'director', 'service_supervisor', 'analyst'] },
  'policy.manage': { roles: ['bureau_leader', 'director'] },
  'claim.read': { roles: ['mediator', 'bureau_leader', 'director', 'service_supervisor', 'analyst'] },
  /** Offline claims taken by staff for the consumer. */
  'claim.file-offline': { roles: ['mediator', 'bureau_leader', 'director'] },
  /** Review, approve, refuse and record the payout. */
  'claim.review': { roles: ['bureau_leader', 'director'] },
  'claim.online': { anyone: true },
  'figures.read': { roles: ['analyst', 'director', 'bureau_leader', 'service_supervisor'] },
});
