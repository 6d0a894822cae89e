import type { ChangeRow, DeliveryView, DepartmentRow } from './exchange.repository.js';

const iso = (d: Date | string | null | undefined) => (d === null || d === undefined ? null : new Date(d).toISOString());

/** Department → API view: the secrets never leave the server (only their key ids). */
export function presentDepartment(r: DepartmentRow) {
  return {
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    deliveryMode: r.delivery_mode,
    format: r.format,
    endpointUrl: r.endpoint_url,
    timeoutMs: Number(r.timeout_ms),
    keyId: r.key_id,
    previousKeyId: r.previous_key_id,
    hasPullAccount: !!r.account_id,
    enabled: r.enabled,
    mapping: r.mapping,
    version: r.version,
    updatedAt: iso(r.updated_at)!,
  };
}

export function presentDelivery(d: DeliveryView) {
  return {
    id: d.id,
    changeId: d.change_id,
    departmentId: d.department_id,
    departmentCode: d.department_code,
    departmentName: d.department_name,
    creditCode: String(d.credit_code),
    channel: d.channel,
    status: d.status,
    attempts: Number(d.attempts),
    lastError: d.last_error,
    reference: d.reference,
    queuedAt: iso(d.queued_at)!,
    firstAttemptAt: iso(d.first_attempt_at),
    lastAttemptAt: iso(d.last_attempt_at),
    acknowledgedAt: iso(d.acknowledged_at),
    durationMs: d.duration_ms === null ? null : Number(d.duration_ms),
  };
}

/** The change as filed: the ID number of a new legal representative is never shown in clear. */
export function presentChange(c: ChangeRow, deliveries?: DeliveryView[]) {
  const { legalRepIdNumberEnc, legalRepIdMasked, ...items } = c.items;
  void legalRepIdNumberEnc;
  return {
    id: c.id,
    creditCode: String(c.credit_code),
    enterpriseName: c.enterprise_name,
    regionCode: String(c.region_code),
    status: c.status,
    items: legalRepIdMasked ? { ...items, legalRepIdNumber: legalRepIdMasked } : items,
    kinds: c.kinds,
    autoApproved: c.auto_approved,
    reason: c.reason,
    filedAt: iso(c.filed_at)!,
    decidedAt: iso(c.decided_at),
    feedCursor: c.feed_cursor === null ? null : Number(c.feed_cursor),
    notifiedAt: iso(c.notified_at),
    completedAt: iso(c.completed_at),
    version: c.version,
    origin: c.origin,
    ...(deliveries ? { deliveries: deliveries.map(presentDelivery) } : {}),
  };
}
