/**
 * The public's order (点单, Shenyang 守护蓝在行动): limits of phone verification and the rules of
 * moderation. One support per verified phone per proposal; a merged proposal keeps its supports'
 * origin (traceability); a rejection carries an official answer; every proposal ends answered.
 */
export const CODE_VALID_MINUTES = 10;
export const CODE_RESEND_SECONDS = 60;
export const CODE_MAX_FAILURES = 5;
export const SESSION_HOURS = 24;

export type ProposalState = 'open' | 'hidden' | 'merged' | 'rejected' | 'adopted' | 'answered';
export type Moderation = 'hide' | 'merge' | 'reject' | 'answer' | 'solve';

/** The state a moderation leads to, or null when not allowed from the current one. */
export function moderate(state: ProposalState, action: Moderation): ProposalState | null {
  switch (action) {
    case 'hide':
      return state === 'open' ? 'hidden' : null;
    case 'merge':
      return state === 'open' || state === 'hidden' ? 'merged' : null;
    case 'reject':
      return state === 'open' || state === 'hidden' ? 'rejected' : null;
    case 'answer':
      return state === 'open' || state === 'hidden' ? 'answered' : state === 'merged' || state === 'rejected' ? null : state;
    case 'solve':
      return state === 'adopted' || state === 'answered' ? state : null;
  }
}

/** Proposals the public sees in the list. */
export const PUBLIC_STATES: readonly ProposalState[] = ['open', 'adopted', 'answered', 'rejected', 'merged'];
