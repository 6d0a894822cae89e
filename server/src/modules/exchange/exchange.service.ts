// The exchange module's use cases, composed: one file per use case under use-cases/, each taking
// (deps, actor, input). This object keeps the names routes, tests and the demo call.
import type { Platform } from '../../platform/module.js';
import type { Actor } from '../../platform/auth/roles.js';
import type { AuditContext } from '../../platform/audit/audit.js';
import type { OutboxMessage } from '../../platform/outbox/outbox.js';
import type { ChangeFile, ChangeItems, DepartmentCreate, DepartmentUpdate, ExchangeSettings } from '../../../../contracts/exchange.js';
import type { EventPayload, ENTERPRISE_CHANGED, ENTERPRISE_REGISTERED, REGISTRY_ENTERPRISES_IMPORTED } from '../../../../contracts/events.js';
import { EXCHANGE_DELIVERY_QUEUED } from '../../../../contracts/events.js';
import type { DeliveryView } from './exchange.repository.js';
import { exchangeDeps, type ExchangeDeps } from './deps.js';
import { listDepartments } from './use-cases/list-departments.js';
import { getDepartment } from './use-cases/get-department.js';
import { createDepartment } from './use-cases/create-department.js';
import { updateDepartment } from './use-cases/update-department.js';
import { rotateSecret } from './use-cases/rotate-secret.js';
import { issueToken } from './use-cases/issue-token.js';
import { getSettings } from './use-cases/get-settings.js';
import { putSettings } from './use-cases/put-settings.js';
import { previewChange } from './use-cases/preview-change.js';
import { fileChange } from './use-cases/file-change.js';
import { approveChange } from './use-cases/approve-change.js';
import { rejectChange } from './use-cases/reject-change.js';
import { getChange } from './use-cases/get-change.js';
import { listChanges } from './use-cases/list-changes.js';
import { listDeliveries } from './use-cases/list-deliveries.js';
import { retryDelivery } from './use-cases/retry-delivery.js';
import { receiveCallback } from './use-cases/receive-callback.js';
import { readFeed } from './use-cases/read-feed.js';
import { deliverChange } from './use-cases/deliver-change.js';
import { notifyOverdue } from './use-cases/notify-overdue.js';
import { monitorDepartments } from './use-cases/monitor-departments.js';
import { reconcileCopies } from './use-cases/reconcile-copies.js';
import { latestReconciliation } from './use-cases/latest-reconciliation.js';
import { readFigures } from './use-cases/read-figures.js';
import { shareEnterpriseChanged, shareEnterpriseRegistered, shareEnterprisesImported } from './use-cases/record-register-change.js';

/** One outbox event per push delivery; ordering key `${departmentId}:${creditCode}`. */
export const DELIVERY_TOPIC = EXCHANGE_DELIVERY_QUEUED;
export const DELIVERY_HANDLER = 'exchange.deliver';

export function createExchangeService(p: Platform, registry: ExchangeDeps['registry']) {
  const deps = exchangeDeps(p, registry);
  return {
    listDepartments: (actor: Actor) => listDepartments(deps, actor),
    getDepartment: (actor: Actor, id: string) => getDepartment(deps, actor, { id }),
    createDepartment: (actor: Actor, input: DepartmentCreate, ctx: AuditContext) => createDepartment(deps, actor, input, ctx),
    updateDepartment: (actor: Actor, id: string, input: DepartmentUpdate, ctx: AuditContext) => updateDepartment(deps, actor, { ...input, id }, ctx),
    rotateSecret: (actor: Actor, id: string, ctx: AuditContext) => rotateSecret(deps, actor, { id }, ctx),
    issueToken: (actor: Actor, id: string, ctx: AuditContext) => issueToken(deps, actor, { id }, ctx),
    getSettings: (actor: Actor) => getSettings(deps, actor),
    putSettings: (actor: Actor, input: ExchangeSettings, ctx: AuditContext) => putSettings(deps, actor, input, ctx),
    preview: (actor: Actor, input: { creditCode: string; items: ChangeItems }) => previewChange(deps, actor, input),
    fileChange: (actor: Actor, input: ChangeFile, ctx: AuditContext) => fileChange(deps, actor, input, ctx),
    approve: (actor: Actor, id: string, input: { version?: number }, ctx: AuditContext) => approveChange(deps, actor, { ...input, id }, ctx),
    reject: (actor: Actor, id: string, input: { version?: number; reason: string }, ctx: AuditContext) => rejectChange(deps, actor, { ...input, id }, ctx),
    getChange: (actor: Actor, id: string) => getChange(deps, actor, { id }),
    listChanges: (actor: Actor, q: { status?: string; cursor?: string; limit: number }) => listChanges(deps, actor, q),
    listDeliveries: (actor: Actor, q: { status?: string; departmentId?: string; cursor?: string; limit: number }) => listDeliveries(deps, actor, q),
    retryDelivery: (actor: Actor, id: string, ctx: AuditContext) => retryDelivery(deps, actor, { id }, ctx),
    callback: (deliveryId: string, headers: Record<string, unknown>, body: { reference: string; status: 'accepted' | 'rejected' }) => receiveCallback(deps, { deliveryId, headers, body }),
    readFeed: (actor: Actor, q: { after: number; limit: number }) => readFeed(deps, actor, q),
    deliver: (message: OutboxMessage<{ deliveryId: string }>, maxAttempts: number) => deliverChange(deps, { message, maxAttempts }),
    notifyOverdue: () => notifyOverdue(deps),
    /** The consumers of the register's events: every change of the register goes through the one pipeline. */
    shareEnterpriseChanged: (eventId: string, payload: EventPayload<typeof ENTERPRISE_CHANGED>) => shareEnterpriseChanged(deps, { eventId, payload }),
    shareEnterpriseRegistered: (eventId: string, payload: EventPayload<typeof ENTERPRISE_REGISTERED>) => shareEnterpriseRegistered(deps, { eventId, payload }),
    shareEnterprisesImported: (eventId: string, payload: EventPayload<typeof REGISTRY_ENTERPRISES_IMPORTED>) => shareEnterprisesImported(deps, { eventId, payload }),
    monitorDepartments: (actor: Actor) => monitorDepartments(deps, actor),
    reconcile: (actor: Actor, ctx: AuditContext) => reconcileCopies(deps, actor, {}, ctx),
    latestReconciliation: (actor: Actor) => latestReconciliation(deps, actor),
    figures: (actor: Actor) => readFigures(deps, actor),
  };
}

export type ExchangeService = ReturnType<typeof createExchangeService>;
export type { DeliveryView };
