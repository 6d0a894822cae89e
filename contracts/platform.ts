import { z } from 'zod';

export const LoginSchema = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(200) }).strict();

export const ActorSchema = z.object({
  id: z.string().nullable(),
  kind: z.enum(['staff', 'business', 'citizen', 'system', 'anonymous']),
  username: z.string().nullable(),
  displayName: z.string().nullable(),
  roles: z.array(z.string()),
  jurisdiction: z.string().nullable(),
  orgUnitId: z.string().nullable(),
  enterprises: z.array(z.string()),
  via: z.enum(['session', 'token', 'anonymous']),
});
export type ActorDto = z.infer<typeof ActorSchema>;

/**
 * GET /api/auth/me (and the log-in answer): the actor, the CSRF token of the session, and the
 * actions the actor may perform as `<area>.<action>` keys (e.g. `enforcement.case.list`), derived
 * on the server from the policy tables — the web app's menus, route guards and buttons read these.
 */
export const MeSchema = z.object({ actor: ActorSchema, csrfToken: z.string().nullable(), permissions: z.array(z.string()) });
export type MeDto = z.infer<typeof MeSchema>;
