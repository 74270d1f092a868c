import { Alert, Anchor, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconAlertTriangle, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TaskCard } from '../../components/task-card';
import { Deadline } from '../../components/deadline';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { useOpenTask, useTasks, type Task } from '../../lib/next-task';

type Section = 'all' | Task['section'];

/** Days pass in seconds on an accelerated calendar: a deadline that close shows its seconds. */
const isSoon = (iso: string) => Math.abs(Date.parse(iso) - Date.now()) < 3_600_000;

function TaskEntry({ task }: { task: Task }) {
  const { t } = useTranslation();
  const open = useOpenTask();
  return (
    <TaskCard
      data-testid={`todo-${task.kind}`}
      iconColor={task.overdue ? 'red.8' : 'orange.8'}
      icon={task.overdue ? <IconAlertTriangle size={18} /> : <IconClockHour4 size={18} />}
      above={
        <Group gap={6} wrap="wrap">
          <Badge variant="light" color="gray" size="sm" style={{ maxWidth: '100%' }}>
            {t(`todo.kind.${task.kind}`)}
          </Badge>
          {task.overdue ? (
            <Badge variant="filled" color="red.8" size="sm">
              {t('todo.overdue')}
            </Badge>
          ) : null}
        </Group>
      }
      title={task.title}
      detail={task.detail}
      action={
        <Button
          size="xs"
          style={{ flexShrink: 0 }}
          onClick={() => open(task)}
          aria-label={`${t('todo.act')}: ${task.title}`}
          data-testid="todo-act"
        >
          {t('todo.act')}
        </Button>
      }
    >
      <Text size="sm">
        {task.deadline ? (
          <>
            {t('todo.deadline')}:{' '}
            <Deadline at={task.deadline} accelerated={isSoon(task.deadline)} />
          </>
        ) : (
          <Text component="span" size="sm" c="dimmed">
            {t('todo.noDeadline')}
          </Text>
        )}
      </Text>
      <Text size="xs" c="dimmed">
        {t('todo.waitingSince', { at: formatDateTime(task.createdAt) })}
      </Text>
    </TaskCard>
  );
}

/**
 * The to-do list, the first page after login for every role: everything waiting on the user,
 * oldest deadline first, each with the button that opens the page to act on it. It updates
 * itself from the live events (no reload, no polling).
 */
export function TasksPage() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  const tasks = useTasks();
  const [section, setSection] = useState<Section>('all');
  const data = tasks.data;
  const items = (data?.items ?? []).filter((task) => section === 'all' || task.section === section);
  const countOf = (key: string) => data?.counts.bySection.find((c) => c.key === key)?.count ?? 0;
  const label = (text: string, count: number) => (count > 0 ? `${text} (${count})` : text);

  return (
    <>
      <PageHeader
        title={t('todo.title')}
        description={t('todo.description')}
        actions={
          <Anchor component={Link} to="/dashboard" size="sm">
            {t('todo.dashboard')}
          </Anchor>
        }
      />
      <QueryState isLoading={tasks.isLoading} error={tasks.error}>
        <Stack gap="sm">
          <Group justify="space-between" gap="sm">
            <SegmentedControl
              aria-label={t('todo.filter')}
              // Four sections with their counts do not fit a phone's width side by side.
              orientation={phone ? 'vertical' : 'horizontal'}
              fullWidth={phone}
              value={section}
              onChange={(value) => setSection(value as Section)}
              data={[
                { value: 'all', label: label(t('todo.all'), data?.counts.total ?? 0) },
                { value: 'unit', label: label(t('todo.sectionUnit'), countOf('unit')) },
                { value: 'cluster', label: label(t('todo.sectionCluster'), countOf('cluster')) },
                {
                  value: 'commendation',
                  label: label(t('todo.sectionCommendation'), countOf('commendation')),
                },
              ]}
            />
            {data ? (
              <Text size="sm" c="dimmed" data-testid="todo-summary" aria-live="polite">
                {t('todo.summary', { total: data.counts.total, overdue: data.counts.overdue })}
              </Text>
            ) : null}
          </Group>
          {items.length === 0 ? (
            <Alert
              color="green"
              variant="light"
              icon={<IconCircleCheck size={18} aria-hidden />}
              title={t('todo.empty')}
              data-testid="todo-empty"
            >
              {t('todo.emptyHint')}
            </Alert>
          ) : (
            <Stack
              gap="xs"
              component="ul"
              p={0}
              m={0}
              style={{ listStyle: 'none' }}
              aria-label={t('todo.title')}
              data-testid="todo-list"
            >
              {items.map((task) => (
                <TaskEntry key={task.id} task={task} />
              ))}
            </Stack>
          )}
          <Text size="xs" c="dimmed">
            {t('todo.live')}
          </Text>
        </Stack>
      </QueryState>
    </>
  );
}
