import {
  Badge,
  Button,
  Card,
  Group,
  Pagination,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, call } from '../api/client';
import { useNotifications } from '../api/queries';
import { useApiMutation } from '../lib/use-api-mutation';
import { PageHeader, QueryState } from '../components/page';
import { formatDateTime } from '../lib/dates';

const PAGE_SIZE = 20;

/** Each kind's badge: its label key and colour (events beside reminders and escalations). */
type InboxLabel = `inbox.${
  | 'reminder'
  | 'escalation'
  | 'kindReturned'
  | 'kindApproved'
  | 'kindRejected'
  | 'kindAwarded'
  | 'kindDecision'
  | 'kindDeclined'
  | 'kindDoneByOther'}`;
const KIND_BADGES: Record<string, { label: InboxLabel; color: string }> = {
  reminder: { label: 'inbox.reminder', color: 'blue' },
  escalation: { label: 'inbox.escalation', color: 'orange' },
  'nomination.returned': { label: 'inbox.kindReturned', color: 'orange' },
  'nomination.approved': { label: 'inbox.kindApproved', color: 'teal' },
  'nomination.rejected': { label: 'inbox.kindRejected', color: 'red' },
  'nomination.awarded': { label: 'inbox.kindAwarded', color: 'grape' },
  'decision.issued': { label: 'inbox.kindDecision', color: 'grape' },
  'pledge.declined': { label: 'inbox.kindDeclined', color: 'orange' },
  'task.done-by-other': { label: 'inbox.kindDoneByOther', color: 'gray' },
};

/** Links in messages are absolute (e-mails need them); inside the app, follow them as routes. */
function appPath(link: string): string {
  const path = link.replace(/^https?:\/\/[^/]+/, '');
  return path.startsWith('/app') ? path.slice('/app'.length) || '/' : path;
}

export function InboxPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [filter, setFilter] = useState<'all' | 'unread'>('all');
  const list = useNotifications(page, filter === 'unread');
  const inbox = [['me', 'notifications']];
  const markRead = useApiMutation({
    mutationFn: (id: string) =>
      call(api.POST('/me/notifications/{id}/read', { params: { path: { id } } })),
    invalidate: inbox,
  });
  const markAll = useApiMutation({
    mutationFn: () => call(api.POST('/me/notifications/read-all')),
    successMessage: t('inbox.allMarked'),
    invalidate: inbox,
  });
  const data = list.data;
  const pages = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;

  return (
    <>
      <PageHeader
        title={t('inbox.title')}
        description={t('inbox.description')}
        actions={
          <Button
            variant="light"
            onClick={() => markAll.mutate()}
            loading={markAll.isPending}
            disabled={!data || data.unread === 0}
          >
            {t('inbox.markAll')}
          </Button>
        }
      />
      <Group mb="md" justify="space-between">
        <SegmentedControl
          aria-label={t('inbox.filter')}
          value={filter}
          onChange={(value) => {
            setFilter(value === 'unread' ? 'unread' : 'all');
            setPage(1);
          }}
          data={[
            { value: 'all', label: t('inbox.all') },
            { value: 'unread', label: t('inbox.unreadOnly') },
          ]}
        />
        {data ? (
          <Text size="sm" c="dimmed">
            {t('inbox.counts', { total: data.total, unread: data.unread })}
          </Text>
        ) : null}
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error}>
        {data && data.items.length === 0 ? (
          <Text c="dimmed">{filter === 'unread' ? t('inbox.noUnread') : t('inbox.empty')}</Text>
        ) : null}
        <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {data?.items.map((n) => {
            const badge = KIND_BADGES[n.kind] ?? KIND_BADGES['reminder'];
            return (
              <Card
                key={n.id}
                withBorder
                padding="sm"
                component="li"
                bg={n.readAt ? undefined : 'blue.0'}
                data-testid="notification"
              >
                <Stack gap={4}>
                  <Group gap={6}>
                    <Badge size="sm" variant="light" color={badge?.color}>
                      {t(badge?.label ?? 'inbox.reminder')}
                    </Badge>
                    {n.doneAt ? (
                      <Badge
                        size="sm"
                        color="green.9"
                        variant="filled"
                        title={t('inbox.doneAt', { at: formatDateTime(n.doneAt) })}
                        data-testid="notification-done"
                      >
                        {t('inbox.done')}
                      </Badge>
                    ) : null}
                    {!n.readAt ? (
                      <Badge size="sm" color="red.8" variant="filled">
                        {t('inbox.new')}
                      </Badge>
                    ) : null}
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </Group>
                  <Text fw={600} size="sm">
                    {n.title}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
                    {n.body}
                  </Text>
                  {n.link || !n.readAt ? (
                    <Group justify="flex-end">
                      {n.link ? (
                        <Button
                          size="xs"
                          variant="light"
                          component={Link}
                          to={appPath(n.link)}
                          onClick={() => {
                            if (!n.readAt) markRead.mutate(n.id);
                          }}
                        >
                          {t('inbox.open')}
                        </Button>
                      ) : null}
                      {!n.readAt ? (
                        <Button
                          size="xs"
                          variant="subtle"
                          loading={markRead.isPending && markRead.variables === n.id}
                          onClick={() => markRead.mutate(n.id)}
                        >
                          {t('inbox.markRead')}
                        </Button>
                      ) : null}
                    </Group>
                  ) : null}
                </Stack>
              </Card>
            );
          })}
        </Stack>
        {pages > 1 ? (
          <Group justify="center" mt="md">
            <Pagination total={pages} value={page} onChange={setPage} />
          </Group>
        ) : null}
      </QueryState>
    </>
  );
}
