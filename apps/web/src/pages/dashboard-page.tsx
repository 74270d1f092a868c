import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  SimpleGrid,
  Stack,
  Text,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconBell, IconCircleCheck, IconClockHour4 } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCycleRun, useUnreadCount } from '../api/queries';
import type { Cycle } from '../api/types';
import { capabilitiesOf, useMe, type Capabilities } from '../auth/auth';
import { CycleSummary } from '../components/cycle-summary';
import { Deadline } from '../components/deadline';
import { NoCycle } from '../components/no-cycle';
import { PageHeader, QueryState } from '../components/page';
import { PhaseTable } from '../components/phase-table';
import { useCurrentCycle } from '../lib/cycle-context';
import { useCycleSteps } from '../lib/use-live-phases';
import { formatDateTime } from '../lib/dates';
import { TaskCard } from '../components/task-card';
import { SectionCard } from '../components/section-card';

interface Task {
  key: string;
  title: string;
  detail?: ReactNode;
  due?: string;
  to: string;
  done: boolean;
}

/** What is due for the user's unit in this cycle, from the live status of each step. */
function useUnitTasks(
  cycle: Cycle | undefined,
  unitId: string,
  caps: Capabilities,
): {
  tasks: Task[];
  isLoading: boolean;
  error: Error | null;
} {
  const { t } = useTranslation();
  const steps = useCycleSteps(cycle);
  const { signing, compliance, interim, final, vote, election } = steps;
  const tasks: Task[] = [];

  const s = signing.data;
  const mine = s?.units.find((u) => u.unitId === unitId);
  if (s && mine && s.status !== 'EFFECTIVE') {
    const signed = mine.decision === 'SIGNED';
    tasks.push({
      key: 'sign',
      title: t('tasks.sign', { version: s.pledge.version }),
      detail: signed
        ? t('tasks.signedAt', { at: formatDateTime(mine.at) })
        : mine.decision === 'DECLINED'
          ? t('tasks.declined')
          : caps.isSigner
            ? undefined
            : t('tasks.signerOnly'),
      due: signed ? undefined : s.deadlineAt,
      to: '/pledge',
      done: signed,
    });
  }
  const c = compliance.data;
  const myReg = c?.units.find((u) => u.unitId === unitId);
  if (c && myReg) {
    const registered = myReg.status !== 'NOT_REGISTERED' && myReg.status !== 'LATE_REJECTED';
    if (!c.closed || !registered) {
      tasks.push({
        key: 'register',
        title: c.closed && !registered ? t('tasks.registerLate') : t('tasks.register'),
        detail: registered
          ? t('tasks.registeredRevision', {
              revision: myReg.revision,
              at: formatDateTime(myReg.at),
            })
          : undefined,
        due: c.closed ? undefined : c.deadlineAt,
        to: '/registration',
        done: registered && myReg.status !== 'LATE_PENDING',
      });
    }
  }
  const i = interim.data;
  if (i && !i.closed) {
    tasks.push({
      key: 'interim-progress',
      title: t('tasks.interimProgress'),
      due: i.deadlineAt,
      to: '/review?stage=interim',
      done: i.progressSubmitted.includes(unitId),
    });
    tasks.push({
      key: 'interim-self',
      title: t('tasks.interimSelf'),
      due: i.deadlineAt,
      to: '/review?stage=interim',
      done: i.selfSubmitted.includes(unitId),
    });
  }
  const f = final.data;
  if (f && !f.closed) {
    tasks.push({
      key: 'final-self',
      title: t('tasks.finalSelf'),
      due: f.deadlineAt,
      to: '/review?stage=final',
      done: f.selfSubmitted.includes(unitId),
    });
    const assigned = Object.entries(f.assignment).filter(([, assessors]) =>
      assessors.includes(unitId),
    ).length;
    if (assigned > 0) {
      const given = f.peerSubmitted.filter((p) => p.assessorUnitId === unitId).length;
      tasks.push({
        key: 'peer',
        title: t('tasks.peer', { given, assigned }),
        due: f.deadlineAt,
        to: '/peer-review',
        done: given >= assigned,
      });
    }
  }
  for (const [key, box] of [
    ['vote', vote.data],
    ['election', election.data],
  ] as const) {
    if (box && !box.closed && caps.isSigner) {
      tasks.push({
        key,
        title: key === 'vote' ? t('tasks.vote') : t('tasks.election'),
        due: box.deadlineAt,
        to: `/ballots?box=${key}`,
        done: box.voted.includes(unitId),
      });
    }
  }
  return {
    tasks,
    error: Object.values(steps).find((q) => q.error)?.error ?? null,
    isLoading: Object.values(steps).some((q) => q.isLoading),
  };
}

function TaskList({ tasks, accelerated }: { tasks: Task[]; accelerated: boolean }) {
  const { t } = useTranslation();
  if (tasks.length === 0) {
    return (
      <Alert color="green" variant="light">
        {t('tasks.nothingDue')}
      </Alert>
    );
  }
  return (
    <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {tasks.map((task) => (
        <TaskCard
          key={task.key}
          data-testid={`task-${task.key}`}
          iconColor={task.done ? 'green.8' : 'orange.8'}
          icon={task.done ? <IconCircleCheck size={18} /> : <IconClockHour4 size={18} />}
          title={task.title}
          detail={task.detail}
          action={
            <Button
              component={Link}
              to={task.to}
              size="xs"
              variant={task.done ? 'default' : 'filled'}
              style={{ flexShrink: 0 }}
            >
              {task.done ? t('common.view') : t('common.open')}
            </Button>
          }
        >
          {task.due && !task.done ? (
            <Text size="sm">
              {t('tasks.due')} <Deadline at={task.due} accelerated={accelerated} />
            </Text>
          ) : null}
        </TaskCard>
      ))}
    </Stack>
  );
}

function AdminShortcuts({ cycles }: { cycles: Cycle[] }) {
  const { t } = useTranslation();
  const count = (status: string) => cycles.filter((c) => c.status === status).length;
  return (
    <SectionCard title={t('dashboard.adminTitle')}>
      <Group gap="xs" mb="sm">
        <Badge variant="light" color="green">
          {t('cycleStatus.ACTIVE')}: {count('ACTIVE')}
        </Badge>
        <Badge variant="light" color="gray">
          {t('cycleStatus.PLANNED')}: {count('PLANNED')}
        </Badge>
        <Badge variant="light" color="dark">
          {t('cycleStatus.CLOSED')}: {count('CLOSED')}
        </Badge>
      </Group>
      <Group gap="xs">
        <Button component={Link} to="/admin/cycles" size="xs" variant="light">
          {t('nav.cycles')}
        </Button>
        <Button component={Link} to="/admin/rule-sets" size="xs" variant="light">
          {t('nav.ruleSets')}
        </Button>
        <Button component={Link} to="/admin/holidays" size="xs" variant="light">
          {t('nav.holidays')}
        </Button>
        <Button component={Link} to="/admin/schedules" size="xs" variant="light">
          {t('nav.schedules')}
        </Button>
      </Group>
    </SectionCard>
  );
}

export function DashboardPage() {
  const { t } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const { cycle, cycles, isLoading, error } = useCurrentCycle();
  const run = useCycleRun(cycle);
  const unread = useUnreadCount(true);
  const unitTasks = useUnitTasks(cycle, me.data?.unitId ?? '', caps);
  const accelerated = (cycle?.calendarScale ?? 1) > 1;

  return (
    <>
      <PageHeader
        title={t('dashboard.title')}
        description={
          me.data?.unitName && !me.data.fullName.includes(me.data.unitName)
            ? t('dashboard.greetingUnit', { name: me.data.fullName, unit: me.data.unitName })
            : t('dashboard.greeting', { name: me.data?.fullName ?? '' })
        }
      />
      <Stack gap="lg">
        <QueryState isLoading={isLoading} error={error}>
          {cycle ? <CycleSummary cycle={cycle} /> : <NoCycle />}
        </QueryState>

        <SimpleGrid cols={{ base: 1, md: caps.isUnitUser ? 2 : 1 }} spacing="lg">
          {caps.isUnitUser && cycle ? (
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('dashboard.tasksTitle')}
              </Title>
              <QueryState isLoading={unitTasks.isLoading} error={unitTasks.error}>
                <TaskList tasks={unitTasks.tasks} accelerated={accelerated} />
              </QueryState>
            </Stack>
          ) : null}
          <Stack gap="sm">
            <Card withBorder padding="md">
              <Group justify="space-between" wrap="nowrap">
                <Group gap="sm" wrap="nowrap">
                  <ThemeIcon variant="light" radius="xl" size="lg" aria-hidden>
                    <IconBell size={20} />
                  </ThemeIcon>
                  <div>
                    <Text fw={600} size="sm">
                      {t('dashboard.inbox')}
                    </Text>
                    <Text size="sm" c="dimmed" data-testid="unread-count">
                      {t('dashboard.unread', { count: unread.data?.unread ?? 0 })}
                    </Text>
                  </div>
                </Group>
                <Anchor component={Link} to="/inbox" size="sm">
                  {t('common.view')}
                </Anchor>
              </Group>
            </Card>
            {caps.isAdmin ? <AdminShortcuts cycles={cycles} /> : null}
            {(caps.isOversight || caps.isAdmin) && cycle ? (
              <Button component={Link} to="/results" variant="light">
                {t('dashboard.seeResults')}
              </Button>
            ) : null}
          </Stack>
        </SimpleGrid>

        {cycle ? (
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('dashboard.phasesTitle')}
            </Title>
            {cycle.status === 'PLANNED' ? (
              <Alert color="gray" variant="light">
                {t('dashboard.notStarted')}
              </Alert>
            ) : (
              <QueryState isLoading={run.isLoading} error={run.error}>
                {run.data && run.data.phases.length > 0 ? (
                  <PhaseTable phases={run.data.phases} accelerated={accelerated} />
                ) : (
                  <Alert color="gray" variant="light">
                    {t('dashboard.noPhases')}
                  </Alert>
                )}
              </QueryState>
            )}
          </Stack>
        ) : null}
      </Stack>
    </>
  );
}
