import { AppError } from '../../../platform/errors/app-error.js';
import { inspectionsRepository as repo } from '../inspections.repository.js';
import { presentVideo } from '../inspections.presenter.js';
import { VIDEO_MAX_BYTES, VIDEO_TYPES, POSTER_TYPES, generatedPoster, parseRange } from '../domain/videos.js';
import type { Actor, AuditContext, InspectionsDeps } from '../deps.js';
import { can } from './shared.js';

/**
 * Inspection videos: upload checked by content type and size, a poster frame (the uploaded image,
 * or one generated from the title), served with HTTP range requests, views counted once per visitor and day.
 */
export async function uploadVideo(
  deps: InspectionsDeps,
  actor: Actor,
  input: { title: string; video: { data: Buffer; name: string }; poster?: { data: Buffer; name: string }; proposalId?: string; taskId?: string },
  ctx: AuditContext,
) {
  can(actor, 'video.upload');
  if (input.video.data.length > VIDEO_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { params: { limit: `${Math.round(VIDEO_MAX_BYTES / 1024 / 1024)} MB` } });
  if (input.proposalId && !(await repo.proposal(deps.db, input.proposalId))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'proposalId', code: 'NOT_FOUND' }] });
  if (input.taskId && !(await repo.task(deps.db, input.taskId))) throw new AppError('VALIDATION_FAILED', { fields: [{ path: 'taskId', code: 'NOT_FOUND' }] });
  const v = await deps.db.transaction().execute(async (tx) => {
    const file = await deps.files.save(tx, { data: input.video.data, originalName: input.video.name, ownerAccountId: actor.id, accepted: VIDEO_TYPES });
    const poster = input.poster
      ? await deps.files.save(tx, { data: input.poster.data, originalName: input.poster.name, ownerAccountId: actor.id, accepted: POSTER_TYPES })
      : await deps.files.saveTrusted(tx, { data: generatedPoster(input.title), originalName: 'poster.svg', mime: 'image/svg+xml', ownerAccountId: actor.id });
    const row = await repo.insertVideo(tx, {
      title: input.title,
      file_id: file.id,
      mime: file.mime,
      size: file.size,
      poster_file_id: poster.id,
      poster_mime: poster.mime,
      proposal_id: input.proposalId ?? null,
      task_id: input.taskId ?? null,
      created_by: actor.id,
    });
    await deps.audit.record(tx, ctx, { action: 'inspections.video.upload', entityType: 'inspection_video', entityId: row.id, after: { sha256: file.sha256, size: file.size, mime: file.mime } });
    return row;
  });
  return presentVideo(v, 0);
}

export async function listVideos(deps: InspectionsDeps) {
  const rows = await repo.videos(deps.db, { limit: 100 });
  const views = await repo.viewsOf(deps.db, rows.map((r) => r.id));
  return { items: rows.map((r) => presentVideo(r, views.get(r.id) ?? 0)) };
}

/** The bytes to send for a request: the whole file (200), a range (206) or unsatisfiable (416). */
export async function streamVideo(deps: InspectionsDeps, input: { id: string; range?: string }) {
  const v = await repo.video(deps.db, input.id);
  if (!v) throw new AppError('NOT_FOUND');
  const data = await deps.files.read(v.file_id);
  const r = parseRange(input.range, data.length);
  if (r === 'unsatisfiable') return { status: 416 as const, mime: v.mime, size: data.length, body: Buffer.alloc(0), start: 0, end: 0 };
  if (r === null) return { status: 200 as const, mime: v.mime, size: data.length, body: data, start: 0, end: data.length - 1 };
  return { status: 206 as const, mime: v.mime, size: data.length, body: data.subarray(r.start, r.end + 1), start: r.start, end: r.end };
}

export async function videoPoster(deps: InspectionsDeps, id: string) {
  const v = await repo.video(deps.db, id);
  if (!v || !v.poster_file_id) throw new AppError('NOT_FOUND');
  return { data: await deps.files.read(v.poster_file_id), mime: v.poster_mime ?? 'image/svg+xml' };
}

/** Counts a view once per visitor (a random id the browser keeps) and day. */
export async function countView(deps: InspectionsDeps, input: { id: string; visitor: string }) {
  const v = await repo.video(deps.db, input.id);
  if (!v) throw new AppError('NOT_FOUND');
  const counted = await deps.db.transaction().execute((tx) => repo.countView(tx, v.id, deps.crypto.blindIndex(`video-visitor:${input.visitor}`), deps.clock.today()));
  const views = (await repo.viewsOf(deps.db, [v.id])).get(v.id) ?? 0;
  return { counted, views };
}
