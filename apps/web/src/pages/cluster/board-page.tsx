import { Alert, Anchor, Badge, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useMediaQuery } from '@mantine/hooks';
import { IconCheck, IconMinus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  useAssessment,
  useBallotBox,
  useCompliance,
  useMembers,
  useRegistrations,
  useSigningStatus,
} from '../../api/queries';
import { clusterRoleOf, useMe } from '../../auth/auth';
import { DecisionBadge, RegistrationBadge, RoundStatusBadge } from '../../components/badges';
import { CycleSummary } from '../../components/cycle-summary';
import { NoCycle } from '../../components/no-cycle';
import { RoundDocuments } from '../../components/round-documents';
import { ErrorAlert, PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDateTime, todayInVietnam } from '../../lib/dates';
import {
  AmendPledgeCard,
  LateRegistrationsCard,
  OpenRoundCard,
  SigningActionsCard,
} from './head-actions';
import { DataTable, NameCell } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

const NOWRAP = { whiteSpace: 'nowrap' } as const;

function Stat(props: { label: string; value: ReactNode; hint?: ReactNode; testId?: string }) {
  return (
    <Card withBorder padding="sm" data-testid={props.testId}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {props.label}
      </Text>
      <Text size="xl" fw={700}>
        {props.value}
      </Text>
      {props.hint ? (
        <Text size="xs" c="dimmed">
          {props.hint}
        </Text>
      ) : null}
    </Card>
  );
}

function Done({ yes }: { yes: boolean | undefined }) {
  const { t } = useTranslation();
  if (yes === undefined) return <Text c="dimmed">—</Text>;
  return yes ? (
    <IconCheck size={18} color="var(--mantine-color-green-8)" aria-label={t('common.yes')} />
  ) : (
    <IconMinus size={18} color="var(--mantine-color-gray-7)" aria-label={t('common.no')} />
  );
}

/** The "late" mark after a member's unit code. */
function LateBadge({ late }: { late: boolean }) {
  const { t } = useTranslation();
  return late ? (
    <Badge ml={6} size="xs" color="orange" variant="light">
      {t('common.late')}
    </Badge>
  ) : null;
}

/** One label and value of a member's card on a phone; nothing when there is no value. */
function CardField({ label, value }: { label: string; value: ReactNode }) {
  if (value == null) return null;
  return (
    <>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <div>{value}</div>
    </>
  );
}

/** The cluster head's view: every member's progress through the year, and the head's actions. */
export function BoardPage() {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const signing = useSigningStatus(cycle);
  const compliance = useCompliance(cycle);
  const registrations = useRegistrations(cycle);
  const interim = useAssessment(cycle, 'interim');
  const final = useAssessment(cycle, 'final');
  const vote = useBallotBox(cycle, 'vote');
  const election = useBallotBox(cycle, 'election');
  const { members, nameOf, isLoading } = useMembers(cycle);
  const phone = useMediaQuery('(max-width: 48em)');
  const me = useMe();
  if (!cycle) return <NoCycle />;

  const cycleYear = cycle.startsOn.slice(0, 4);
  const clusterRole = clusterRoleOf(me.data, cycle, todayInVietnam());
  const mayLead = clusterRole === undefined || clusterRole === 'HEAD';

  const s = signing.data;
  const c = compliance.data;
  const i = interim.data;
  const f = final.data;
  const v = vote.data;
  const e = election.data;
  const yes = t('common.yes');
  const no = t('common.no');
  const lateUnits = new Set([
    ...(s?.missingAtDeadline ?? []),
    ...(c?.missingAtDeadline ?? []),
    ...(s?.units.filter((u) => u.late).map((u) => u.unitId) ?? []),
    ...(c?.units.filter((u) => u.late).map((u) => u.unitId) ?? []),
  ]);

  // A step that failed to load must not look like a step that has not started.
  const stepError =
    [interim, final, vote, election, registrations].find((q) => q.error)?.error ?? null;
  const rows = members.map((m) => {
    const sign = s?.units.find((u) => u.unitId === m.unitId);
    const reg = c?.units.find((u) => u.unitId === m.unitId);
    const given = f?.peerSubmitted.filter((p) => p.assessorUnitId === m.unitId).length ?? 0;
    const assigned = f ? Object.values(f.assignment).filter((a) => a.includes(m.unitId)).length : 0;
    return {
      ...m,
      late: lateUnits.has(m.unitId),
      signing: sign ? (
        <Stack gap={2}>
          <DecisionBadge decision={sign.decision} late={sign.late} />
          {sign.at ? (
            <Text size="xs" c="dimmed">
              {formatDateTime(sign.at)}
            </Text>
          ) : null}
        </Stack>
      ) : (
        '—'
      ),
      registration: reg ? (
        <Stack gap={2}>
          <RegistrationBadge status={reg.status} late={reg.late} />
          {reg.status !== 'NOT_REGISTERED' ? (
            <Text size="xs" c="dimmed">
              {t('board.initiativeCount', { count: reg.initiativeCount })}
            </Text>
          ) : null}
        </Stack>
      ) : (
        '—'
      ),
      interim: i ? (
        <Text size="xs">
          {t('board.progress')}: {i.progressSubmitted.includes(m.unitId) ? yes : no} ·{' '}
          {t('board.self')}: {i.selfSubmitted.includes(m.unitId) ? yes : no}
        </Text>
      ) : null,
      final: f ? (
        <Text size="xs">
          {t('board.self')}: {f.selfSubmitted.includes(m.unitId) ? yes : no} ·{' '}
          {t('board.peers', { given, assigned })}
        </Text>
      ) : null,
      voted: v ? v.voted.includes(m.unitId) : undefined,
      elected: e ? e.voted.includes(m.unitId) : undefined,
    };
  });

  return (
    <>
      <PageHeader
        title={t('board.title')}
        description={t('board.description')}
        actions={
          cycle.signingRound ? (
            <Anchor component={Link} to={`/rounds/${cycle.signingRound.id}/audit`} size="sm">
              {t('roundAudit.link')}
            </Anchor>
          ) : null
        }
      />
      <Stack gap="lg">
        <CycleSummary cycle={cycle} />
        <SimpleGrid cols={{ base: 2, sm: 3, lg: 5 }} spacing="sm">
          <Stat
            testId="stat-signed"
            label={t('board.statSigned')}
            value={s ? `${s.signedCount}/${s.memberCount}` : '—'}
            hint={s ? <RoundStatusBadge status={s.status} /> : t('board.notOpen')}
          />
          <Stat
            testId="stat-registered"
            label={t('board.statRegistered')}
            value={c ? `${c.registeredCount}/${c.memberCount}` : '—'}
            hint={
              c
                ? c.targetMet
                  ? t('board.targetMet', { percent: c.targetPercent })
                  : t('board.targetNotMet', { percent: c.targetPercent })
                : t('board.notOpen')
            }
          />
          <Stat
            label={t('board.statAssessed')}
            value={f ? `${f.selfSubmitted.length}/${members.length}` : '—'}
            hint={
              f
                ? t('board.peerSheets', {
                    given: f.peerSubmitted.length,
                    expected: f.expectedPeerCount,
                  })
                : t('board.notOpen')
            }
          />
          <Stat
            label={t('board.statVoted')}
            value={v ? `${v.voted.length}/${v.eligibleCount}` : '—'}
            hint={v ? t('board.written', { count: v.writtenCount }) : t('board.notOpen')}
          />
          <Stat
            testId="stat-late"
            label={t('board.statLate')}
            value={lateUnits.size}
            hint={t('board.lateHint')}
          />
        </SimpleGrid>

        {stepError ? <ErrorAlert error={stepError} /> : null}
        <Alert color="blue" variant="light" data-testid="board-role">
          {clusterRole === 'HEAD'
            ? t('board.youAreHead', { year: cycleYear })
            : clusterRole
              ? t('board.notHead', {
                  year: cycleYear,
                  role: t(`clusterRole.${clusterRole}`).toLocaleLowerCase(),
                })
              : clusterRole === null
                ? t('board.notMember', { year: cycleYear })
                : t('board.headOnly')}
        </Alert>
        {mayLead && !cycle.signingRound && cycle.status !== 'CLOSED' ? (
          <OpenRoundCard cycle={cycle} />
        ) : null}
        {mayLead && s ? <SigningActionsCard cycle={cycle} status={s} /> : null}
        {mayLead && s && s.status !== 'EFFECTIVE' ? <AmendPledgeCard status={s} /> : null}
        {s ? (
          <SectionCard title={t('pledge.title')}>
            <RoundDocuments status={s} />
          </SectionCard>
        ) : null}
        {mayLead && c ? (
          <LateRegistrationsCard
            cycle={cycle}
            compliance={c}
            registrations={registrations.data ?? []}
            nameOf={nameOf}
          />
        ) : null}

        <SectionCard title={t('board.membersTitle')}>
          <QueryState isLoading={isLoading} error={signing.error ?? compliance.error}>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('board.noMembers')}
              </Text>
            ) : phone ? (
              <Stack gap="xs" data-testid="board-cards">
                {rows.map((r) => (
                  <Card key={r.unitId} withBorder padding="sm">
                    <Text size="sm" fw={600}>
                      {r.unitName}
                    </Text>
                    <Text size="xs" c="dimmed" mb={6}>
                      {r.unitCode}
                      <LateBadge late={r.late} />
                    </Text>
                    <SimpleGrid cols={2} spacing={6} verticalSpacing={6}>
                      <CardField label={t('board.colSigned')} value={r.signing} />
                      <CardField label={t('board.colRegistered')} value={r.registration} />
                      <CardField label={t('board.colInterim')} value={r.interim} />
                      <CardField label={t('board.colFinal')} value={r.final} />
                    </SimpleGrid>
                  </Card>
                ))}
              </Stack>
            ) : (
              <DataTable
                minWidth={900}
                highlightOnHover
                aria-label={t('board.membersTitle')}
                data-testid="board-table"
                rows={rows}
                rowKey={(r) => r.unitId}
                columns={[
                  {
                    header: t('common.unit'),
                    cell: (r) => (
                      <NameCell
                        name={r.unitName}
                        detail={
                          <>
                            {r.unitCode}
                            <LateBadge late={r.late} />
                          </>
                        }
                      />
                    ),
                  },
                  {
                    header: t('board.colSigned'),
                    th: { style: NOWRAP },
                    td: { style: NOWRAP },
                    cell: (r) => r.signing,
                  },
                  {
                    header: t('board.colRegistered'),
                    th: { style: NOWRAP },
                    td: { style: NOWRAP },
                    cell: (r) => r.registration,
                  },
                  {
                    header: t('board.colInterim'),
                    th: { style: NOWRAP },
                    cell: (r) => r.interim ?? '—',
                  },
                  {
                    header: t('board.colFinal'),
                    th: { style: NOWRAP },
                    cell: (r) => r.final ?? '—',
                  },
                  {
                    header: t('board.colVote'),
                    th: { style: NOWRAP },
                    cell: (r) => <Done yes={r.voted} />,
                  },
                  {
                    header: t('board.colElection'),
                    th: { style: NOWRAP },
                    cell: (r) => <Done yes={r.elected} />,
                  },
                ]}
              />
            )}
          </QueryState>
        </SectionCard>
      </Stack>
    </>
  );
}
