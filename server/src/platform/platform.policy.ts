import { definePolicy } from './auth/policy.js';

/** Who may use the platform's own routes. */
export const platformPolicy = definePolicy({
  'audit.read': { roles: ['admin'] },
  'audit.verify': { roles: ['admin'] },
  'outbox.read': { roles: ['admin'] },
  'outbox.retry': { roles: ['admin'] },
  'calendar.read': { anyone: true },
  'calendar.edit': { roles: ['admin'] },
  'obligation.work': { roles: ['mediator', 'enforcement_officer', 'legal_reviewer', 'bureau_leader', 'credit_officer', 'inspector', 'director', 'service_supervisor'] },
  'account.create': { roles: ['admin'] },
  'account.manage': { roles: ['admin'] },
  'api-token.manage': { roles: ['admin'] },
  'notification.read-own': { roles: ['admin', 'registrar', 'mediator', 'enforcement_officer', 'legal_reviewer', 'bureau_leader', 'credit_officer', 'inspection_planner', 'inspector', 'director', 'service_supervisor', 'analyst'], business: true, citizen: true },
  'file.upload': { roles: ['admin', 'registrar', 'mediator', 'enforcement_officer', 'legal_reviewer', 'credit_officer', 'inspector'], business: true, citizen: true },
});
