import type { AuditContext } from '../../../platform/audit/audit.js';
import { REGISTRY_ENTERPRISES_IMPORTED, REGISTRY_IMPORT_ACCEPTED } from '../../../../../contracts/events.js';
import type { RegistryDeps } from '../deps.js';
import { registryRepository as repo } from '../registry.repository.js';
import { normalizeIdentifier } from '../domain/normalize.js';
import { IMPORT_BATCH_SIZE, IMPORT_BATCHES_PER_RUN } from '../domain/rules.js';
import { toValues, unstageRow } from '../registry.shared.js';

/**
 * The outbox handler of `registry.import-accepted`: inserts the validated rows in batches, recording
 * progress after each. One run does at most IMPORT_BATCHES_PER_RUN batches, then queues the rest as a
 * new event (so a long import shows progress, lets other work through, and resumes where it stopped).
 */
export async function runImport(deps: RegistryDeps, input: { jobId: string; ctx: AuditContext }): Promise<void> {
  const { jobId, ctx } = input;
  const job = await repo.getImportJob(deps.db, jobId);
  if (!job || job.status !== 'importing') return;
  const staged = job.rows ?? [];
  let processed = Number(job.processed);
  let imported = Number(job.imported);
  let skipped = Number(job.skipped);
  for (let n = 1; processed < staged.length; n++) {
    const batch = staged.slice(processed, processed + IMPORT_BATCH_SIZE).map((s) => unstageRow(deps, s));
    const last = n >= IMPORT_BATCHES_PER_RUN;
    await deps.db.transaction().execute(async (tx) => {
      const existing = await repo.existingCodes(tx, batch.map((b) => normalizeIdentifier(b.input.creditCode)));
      const fresh = batch.filter((b) => !existing.has(normalizeIdentifier(b.input.creditCode)));
      await repo.insertMany(tx, fresh.map((b) => toValues(deps, b.input)));
      // One event per batch, not per enterprise: the exchange module shares the batch in one go.
      if (fresh.length) {
        await deps.outbox.append(tx, REGISTRY_ENTERPRISES_IMPORTED, { jobId, creditCodes: fresh.map((f) => normalizeIdentifier(f.input.creditCode)), actorId: ctx.actorId ?? null });
      }
      processed += batch.length;
      imported += fresh.length;
      skipped += batch.length - fresh.length;
      const done = processed >= staged.length;
      await repo.updateImportJob(tx, jobId, { processed, imported, skipped, ...(done ? { status: 'done', finished_at: deps.clock.now(), rows: null } : {}) });
      if (done) await deps.audit.record(tx, ctx, { action: 'enterprise.import-done', entityType: 'import_job', entityId: jobId, after: { imported, skipped } });
      else if (last) await deps.outbox.append(tx, REGISTRY_IMPORT_ACCEPTED, { jobId, ctx });
    });
    if (last) return;
  }
}
