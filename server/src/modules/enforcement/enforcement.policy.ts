import { definePolicy } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';

/** Staff who may read enforcement records within their jurisdiction. */
const READERS: Role[] = ['enforcement_officer', 'legal_reviewer', 'bureau_leader', 'director', 'credit_officer', 'service_supervisor'];

export const enforcementPolicy = definePolicy({
  'case.list': { roles: READERS },
  'case.read': { roles: READERS },
  'lead.create': { roles: ['enforcement_officer'] },
  /** Case steps: enforcement officers (and, inside the service, only the case's own officers). */
  'case.step': { roles: ['enforcement_officer'] },
  /** Legal review (法制审核): legal reviewers only, never an officer of the case. */
  'case.review': { roles: ['legal_reviewer'] },
  /** Collective discussion and extensions are recorded by the bureau's leaders. */
  'case.collective': { roles: ['bureau_leader', 'director'] },
  'case.extension': { roles: ['bureau_leader', 'director'] },
  'case.publish': { roles: ['enforcement_officer', 'credit_officer'] },
  'case.revoke': { roles: ['bureau_leader', 'director', 'legal_reviewer'] },
  'template.read': { roles: READERS },
  'template.update': { roles: ['legal_reviewer'] },
  'document.read': { roles: READERS },
  'document.verify': { anyone: true },
  'engagement.create': { roles: ['enforcement_officer'] },
  'engagement.read': { roles: READERS },
  'supervision.read': { roles: ['bureau_leader', 'director', 'legal_reviewer', 'service_supervisor'] },
  'figures.read': { roles: ['bureau_leader', 'director', 'analyst', 'service_supervisor'] },
  'service-card.read': { roles: ['enforcement_officer'] },
  'rating.create': { anyone: true },
  'rules.read': { roles: READERS },
  // Early warnings (issue 11): the computed warning list, issuing a 风险提示函, the business's acknowledgement.
  'warning.read': { roles: READERS },
  'warning.issue': { roles: ['enforcement_officer'] },
  'warning.acknowledge': { business: true },
  'permit.create': { roles: ['enforcement_officer'] },
  // The rulebook (issue 11): lenient lists and discretion benchmarks as versioned data.
  'rulebook.read': { roles: READERS },
  'rulebook.edit': { roles: ['legal_reviewer'] },
  'rulebook.publish': { roles: ['legal_reviewer'] },
});
