import { Alert, Badge, Card, Group, Stack, Text, Timeline } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconShieldCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { useSignatures } from '../../api/queries';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';

/** The audit actions of a signing round, in the order of the translations (unknown ones show
 * their key). */
const KNOWN = [
  'pledge-signing.opened',
  'pledge-signing.signed',
  'pledge-signing.declined',
  'pledge-signing.amended',
  'pledge-signing.deadline-extended',
  'pledge-signing.overdue',
  'pledge-signing.countersigned',
  'pledge-signing.personal-signature',
] as const;
type KnownAction = (typeof KNOWN)[number];
const isKnown = (a: string): a is KnownAction => (KNOWN as readonly string[]).includes(a);

const COLOURS: Record<KnownAction, string> = {
  'pledge-signing.opened': 'blue',
  'pledge-signing.signed': 'green',
  'pledge-signing.declined': 'red',
  'pledge-signing.amended': 'orange',
  'pledge-signing.deadline-extended': 'orange',
  'pledge-signing.overdue': 'red',
  'pledge-signing.countersigned': 'green',
  'pledge-signing.personal-signature': 'grape',
};

const field = (payload: unknown, key: string): unknown =>
  typeof payload === 'object' && payload !== null
    ? (payload as Record<string, unknown>)[key]
    : null;

/** Nhật ký đợt ký kết: who did what and when in a signing round, from its audit entries (the
 * hash-chained log), oldest first. */
export function RoundAuditPage() {
  const { t } = useTranslation();
  const { roundId = '' } = useParams();
  const trail = useQuery({
    queryKey: ['signing-rounds', roundId, 'audit'],
    enabled: !!roundId,
    queryFn: () =>
      call(api.GET('/signing-rounds/{roundId}/audit', { params: { path: { roundId } } })),
  });
  const signatures = useSignatures(roundId);
  const unitName = new Map<string, string>();
  const unitOfActor = new Map<string, string>();
  for (const s of signatures.data ?? []) {
    unitName.set(s.unitId, s.unitName);
    unitOfActor.set(s.actorUserId, s.unitName);
  }
  /** Who acted: the unit that signed or declined, else the unit of the account, else a role. */
  const who = (action: string, actorUserId: string | null, payload: unknown): string => {
    const unitId = field(payload, 'unitId');
    if (typeof unitId === 'string' && unitName.has(unitId)) return unitName.get(unitId) ?? '';
    if (actorUserId && unitOfActor.has(actorUserId)) return unitOfActor.get(actorUserId) ?? '';
    if (!actorUserId) return t('roundAudit.system');
    return action === 'pledge-signing.personal-signature'
      ? t('roundAudit.signer')
      : t('roundAudit.head');
  };
  const details = (payload: unknown): string[] => {
    const out: string[] = [];
    const version = field(payload, 'version');
    if (typeof version === 'number') out.push(t('roundAudit.version', { n: version }));
    const reason = field(payload, 'reason');
    if (typeof reason === 'string' && reason) out.push(t('roundAudit.reason', { reason }));
    if (field(payload, 'late') === true) out.push(t('roundAudit.late'));
    const deadline = field(payload, 'deadlineAt');
    if (typeof deadline === 'string') {
      out.push(t('roundAudit.deadline', { when: formatDateTime(deadline) }));
    }
    const missing = field(payload, 'missingUnitIds');
    if (Array.isArray(missing) && missing.length > 0) {
      const names = missing.map((id) => unitName.get(String(id)) ?? String(id));
      out.push(t('roundAudit.missing', { units: names.join(', ') }));
    }
    return out;
  };
  const entries = trail.data ?? [];
  return (
    <>
      <PageHeader title={t('roundAudit.title')} description={t('roundAudit.description')} />
      <QueryState isLoading={trail.isLoading} error={trail.error}>
        {entries.length === 0 ? (
          <Alert color="gray" variant="light">
            {t('roundAudit.empty')}
          </Alert>
        ) : (
          <Card withBorder padding="lg">
            <Stack gap="md">
              <Group gap="xs">
                <IconShieldCheck size={18} aria-hidden />
                <Text size="sm" c="dimmed">
                  {t('roundAudit.count', { n: entries.length })}
                </Text>
              </Group>
              <Timeline
                bulletSize={14}
                lineWidth={2}
                aria-label={t('roundAudit.title')}
                component="ol"
                data-testid="round-audit"
              >
                {entries.map((e) => (
                  <Timeline.Item
                    key={e.id}
                    component="li"
                    color={isKnown(e.action) ? COLOURS[e.action] : 'gray'}
                    title={
                      <Group gap="xs" wrap="wrap">
                        <Text fw={600} size="sm">
                          {isKnown(e.action) ? t(`roundAudit.action.${e.action}`) : e.action}
                        </Text>
                        <Badge variant="light" color="gray" tt="none" size="sm">
                          {who(e.action, e.actorUserId, e.payload)}
                        </Badge>
                      </Group>
                    }
                  >
                    <Text size="xs" c="dimmed">
                      <time dateTime={e.occurredAt}>{formatDateTime(e.occurredAt)}</time>
                    </Text>
                    {details(e.payload).map((d) => (
                      <Text size="sm" key={d}>
                        {d}
                      </Text>
                    ))}
                    <Text size="xs" c="dimmed" ff="monospace" title={t('roundAudit.hash')}>
                      #{e.hash.slice(0, 12)}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Stack>
          </Card>
        )}
      </QueryState>
    </>
  );
}
