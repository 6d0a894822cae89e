import { definePolicy } from '../../platform/auth/policy.js';

/**
 * Who may do what in service experience, 好差评 and the directors' clinic. Experiencers are citizen
 * accounts enrolled in `service.experiencer` (the use cases check the enrolment); departments are
 * staff who own measures or clinic actions (the use cases check ownership).
 */
const STAFF_READ = ['service_supervisor', 'director', 'bureau_leader', 'analyst', 'registrar'] as const;
const DEPARTMENT = ['service_supervisor', 'director', 'bureau_leader', 'registrar', 'mediator', 'enforcement_officer', 'inspector', 'credit_officer'] as const;

export const servicePolicy = definePolicy({
  'item.read': { roles: [...STAFF_READ], citizen: true, business: true },
  'item.manage': { roles: ['service_supervisor', 'director'] },
  'experiencer.manage': { roles: ['service_supervisor', 'director'] },
  'experiencer.read': { roles: [...STAFF_READ] },
  /** File findings and suggestions, evaluate measures (enrolled experiencers only). */
  'experience.take-part': { citizen: true },
  'finding.read': { roles: [...STAFF_READ] },
  'measure.assign': { roles: ['service_supervisor', 'director'] },
  /** Close a measure one owns (the owner department's staff). */
  'measure.close': { roles: [...DEPARTMENT] },
  'rating.counter': { roles: [...DEPARTMENT] },
  'rating.online': { business: true, citizen: true },
  'rating.read': { roles: [...STAFF_READ] },
  'rating.rectify': { roles: [...DEPARTMENT] },
  'rating.decide-appeal': { roles: ['service_supervisor', 'director'] },
  'settings.manage': { roles: ['service_supervisor', 'director'] },
  'clinic.read': { roles: [...DEPARTMENT], business: true },
  'clinic.hold': { roles: ['director'] },
  'clinic.book': { business: true },
  'clinic.report': { roles: [...DEPARTMENT] },
  'clinic.classify': { roles: ['director', 'service_supervisor'] },
  'figures.read': { roles: [...STAFF_READ] },
});
export type ServiceAction = keyof typeof servicePolicy;
