import { definePolicy } from '../../platform/auth/policy.js';

/** Who may do what in credit supervision. The risk class is internal: never for businesses or the public. */
export const creditPolicy = definePolicy({
  'record.read': { roles: ['credit_officer', 'bureau_leader', 'director', 'analyst', 'inspection_planner'] },
  /** A business applies for the enterprises bound to its account. */
  'repair.apply': { business: true },
  /** The issuing office's credit officers accept, verify and decide. */
  'repair.decide': { roles: ['credit_officer', 'bureau_leader'] },
  'repair.read': { roles: ['credit_officer', 'bureau_leader', 'director', 'analyst'] },
  'risk.read': { roles: ['credit_officer', 'bureau_leader', 'director', 'inspection_planner', 'analyst'] },
  'risk.batch': { roles: ['credit_officer'] },
  'report.file': { business: true },
  'systems.manage': { roles: ['credit_officer'] },
  'figures.read': { roles: ['credit_officer', 'bureau_leader', 'director', 'analyst', 'service_supervisor'] },
  'public.read': { anyone: true },
});
