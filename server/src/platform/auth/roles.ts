/** Staff roles (a staff account may hold several) and the other account kinds. */
export const ROLES = [
  'admin',
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
  'department_client',
] as const;
export type Role = (typeof ROLES)[number];

export const ACCOUNT_KINDS = ['staff', 'business', 'citizen', 'system'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

/** The authenticated (or anonymous) caller of a use case. */
export interface Actor {
  id: string | null;
  kind: AccountKind | 'anonymous';
  username: string | null;
  displayName: string | null;
  roles: Role[];
  /** Region-code prefix the actor may see ('33' province, '3301' city, '330102' district); null = everywhere. */
  jurisdiction: string | null;
  orgUnitId: string | null;
  /** Credit codes a business account acts for. */
  enterprises: string[];
  via: 'session' | 'token' | 'anonymous';
}

export const ANONYMOUS: Actor = {
  id: null,
  kind: 'anonymous',
  username: null,
  displayName: null,
  roles: [],
  jurisdiction: null,
  orgUnitId: null,
  enterprises: [],
  via: 'anonymous',
};
