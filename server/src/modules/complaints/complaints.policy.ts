import { definePolicy } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';

/** Staff who may read complaints and stations within their jurisdiction. */
const READERS: Role[] = ['mediator', 'bureau_leader', 'director', 'service_supervisor', 'analyst', 'enforcement_officer'];
/** Staff who take in and decide on complaints. */
const HANDLERS: Role[] = ['mediator', 'bureau_leader', 'director'];

export const complaintsPolicy = definePolicy({
  'station.read': { roles: READERS },
  'station.manage': { roles: ['bureau_leader', 'director'] },
  'station.public': { anyone: true },
  'complaint.intake': { anyone: true },
  'complaint.staff-entry': { roles: HANDLERS },
  'complaint.list': { roles: READERS },
  'complaint.read': { roles: READERS },
  /** Accept or refuse (art. 14–15). */
  'complaint.decide': { roles: HANDLERS },
  'complaint.assign': { roles: ['bureau_leader', 'director', 'mediator'] },
  /** Record steps, pause, resume, conclude: the assigned mediator (checked in the service). */
  'complaint.mediate': { roles: ['mediator'] },
  'complaint.follow-up': { roles: ['mediator', 'service_supervisor', 'bureau_leader', 'director'] },
  /** Move a complaint to another district or handling unit (issue 11), with a reason. */
  'complaint.reroute': { roles: ['director'] },
  /** The routing table (category × industry → department or industry committee). */
  'routing.read': { roles: READERS },
  'routing.manage': { roles: ['director'] },
  'complaint.figures': { roles: ['analyst', 'director', 'bureau_leader', 'service_supervisor'] },
});
