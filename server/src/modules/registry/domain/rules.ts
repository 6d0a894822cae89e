// The register's limits, each with its source. Pure data read by the use cases.

/** Rows inserted per transaction (× ~20 columns, well under PostgreSQL's 65,535 bind parameters). */
export const IMPORT_BATCH_SIZE = 500;
/** Batches per worker run before the rest is queued again (progress is visible between runs). */
export const IMPORT_BATCHES_PER_RUN = 20;
/** Codes looked up per query when checking an import against the register (70,000 codes in one query would pass the 65,535-parameter limit). */
export const IMPORT_LOOKUP_BATCH = 5000;
/** Row errors kept on a job (the count of refused rows is always exact). */
export const MAX_STORED_ERRORS = 5000;
/** Characters of an uploaded file's name kept on the job. */
export const FILE_NAME_CHARS = 200;

/** Where each value comes from. */
export const REGISTRY_RULE_SOURCES = {
  IMPORT_BATCH_SIZE: 'engineering: PostgreSQL bind-parameter limit (65,535) divided by the ~20 columns of a row, with margin',
  IMPORT_BATCHES_PER_RUN: 'engineering: one worker run stays short so progress shows and other outbox work passes',
  IMPORT_LOOKUP_BATCH: 'engineering: PostgreSQL bind-parameter limit (65,535)',
  MAX_STORED_ERRORS: 'engineering: bounded job row; the refused count stays exact',
  FILE_NAME_CHARS: 'engineering: column kept small',
} as const;
