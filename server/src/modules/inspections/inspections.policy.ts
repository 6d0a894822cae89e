import { definePolicy } from '../../platform/auth/policy.js';
import type { Role } from '../../platform/auth/roles.js';

/** Who plans: the bureau's planners and its leaders. */
const PLANNERS: Role[] = ['inspection_planner', 'bureau_leader', 'director'];
/** Staff who read plans, tasks and results within their jurisdiction. */
const READERS: Role[] = [...PLANNERS, 'inspector', 'analyst', 'credit_officer', 'service_supervisor'];

export const inspectionsPolicy = definePolicy({
  'catalogue.read': { roles: READERS },
  /** Departments, industry fields, items, target directories, inspectors. */
  'catalogue.manage': { roles: PLANNERS },
  'task.read': { roles: READERS },
  /** Plans, tasks, commitments, reveals, the draw, publication. */
  'task.manage': { roles: PLANNERS },
  'visit.read': { roles: [...PLANNERS, 'inspector'] },
  /** Record results on a visit's checklist: an inspector on its team (checked in the use case). */
  'visit.record': { roles: ['inspector'] },
  'proposal.read': { roles: READERS },
  'proposal.moderate': { roles: [...PLANNERS, 'service_supervisor'] },
  'video.upload': { roles: [...PLANNERS, 'inspector'] },
  'figures.read': { roles: READERS },
  'public.read': { anyone: true },
  'public.propose': { anyone: true },
});
export type InspectionsAction = keyof typeof inspectionsPolicy;
