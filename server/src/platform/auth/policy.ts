import { AppError } from '../errors/app-error.js';
import type { Actor, Role } from './roles.js';

/**
 * One rule of a module's policy table: who may perform an action. Modules declare their tables
 * (`<m>.policy.ts`); routes and services check them through `authorize` and `assertInScope` only.
 */
export interface Rule {
  /** Staff roles allowed. */
  roles?: readonly Role[];
  /** Business accounts allowed (for their bound enterprises: check the resource with assertInScope). */
  business?: boolean;
  /** Citizen accounts allowed. */
  citizen?: boolean;
  /** Anyone, logged in or not. */
  anyone?: boolean;
}

export type Policy<A extends string = string> = Readonly<Record<A, Rule>>;

export function definePolicy<A extends string>(rules: Record<A, Rule>): Policy<A> {
  return Object.freeze(rules);
}

export function can(actor: Actor, rule: Rule): boolean {
  if (rule.anyone) return true;
  if (actor.kind === 'anonymous') return false;
  if (actor.kind === 'business') return !!rule.business;
  if (actor.kind === 'citizen') return !!rule.citizen;
  return actor.roles.some((r) => r === 'admin' || rule.roles?.includes(r));
}

/**
 * The actions an actor may perform, as `<area>.<action>` keys (e.g. `enforcement.case.list`), computed
 * from the policy tables by `can` — what GET /api/auth/me tells the web app, so the web never copies
 * role lists. `policies` maps an area (the platform or a module name) to its table.
 */
export function permissionsOf(actor: Actor, policies: Readonly<Record<string, Policy>>): string[] {
  const out: string[] = [];
  for (const [area, policy] of Object.entries(policies)) {
    for (const [action, rule] of Object.entries(policy)) if (can(actor, rule)) out.push(`${area}.${action}`);
  }
  return out.sort();
}

/** Throws UNAUTHENTICATED for an anonymous caller and FORBIDDEN for a caller without the rule. */
export function authorize(actor: Actor, rule: Rule): void {
  if (can(actor, rule)) return;
  throw new AppError(actor.kind === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
}

/** Where a record sits: its region (for staff) and the enterprise it belongs to (for businesses). */
export interface Scope {
  regionCode?: string | null;
  creditCode?: string | null;
}

export function inScope(actor: Actor, scope: Scope): boolean {
  if (actor.kind === 'business') return !!scope.creditCode && actor.enterprises.includes(scope.creditCode);
  if (actor.kind === 'staff' || actor.kind === 'system') {
    if (!actor.jurisdiction) return true;
    return !!scope.regionCode && scope.regionCode.startsWith(actor.jurisdiction);
  }
  return false;
}

/**
 * A record outside the actor's jurisdiction or bindings is reported as NOT_FOUND, so its
 * existence is not disclosed.
 */
export function assertInScope(actor: Actor, scope: Scope): void {
  if (!inScope(actor, scope)) throw new AppError('NOT_FOUND');
}

/** The region prefix a staff query must be limited to (null = no limit). */
export function jurisdictionPrefix(actor: Actor): string | null {
  return actor.kind === 'staff' || actor.kind === 'system' ? actor.jurisdiction : null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return actor.kind === 'staff' && actor.roles.some((r) => r === 'admin' || roles.includes(r));
}
