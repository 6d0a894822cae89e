import type { ResponseOf } from '../../../lib/api';

/** A case as GET /api/enforcement/cases/{id} answers it. */
export type Case = ResponseOf<'/api/enforcement/cases/{id}', 'get'>;
/** The discretion rule set (violation catalogue) as GET /api/enforcement/rule-set answers it. */
export type RuleSet = ResponseOf<'/api/enforcement/rule-set', 'get'>;
