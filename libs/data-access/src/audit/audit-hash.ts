import { createHash } from 'node:crypto';

export const AUDIT_GENESIS_HASH = '0'.repeat(64);

export interface AuditHashInput {
  occurredAt: Date;
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  payload: unknown;
  eventKey: string;
}

/** JSON with sorted keys, so the hash does not depend on key order (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function computeAuditHash(prevHash: string, entry: AuditHashInput): string {
  const body = canonicalJson({
    occurredAt: entry.occurredAt.toISOString(),
    actorUserId: entry.actorUserId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    payload: entry.payload,
    eventKey: entry.eventKey,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/** SHA-256 of a pledge's items, the content hash every signature refers to. */
export function pledgeContentHash(items: readonly string[]): string {
  return createHash('sha256')
    .update(canonicalJson(items.map((t) => t.normalize('NFC'))))
    .digest('hex');
}
