import { Alert, Badge, Card, Code, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMembers, useOutcome } from '../../api/queries';
import { meaningfulOutcome } from '../../lib/outcome';
import { NoCycle } from '../../components/no-cycle';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDateTime } from '../../lib/dates';
import { formatDecimal } from '../../lib/reports';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

const score = (n: number | null) => (n === null ? '—' : formatDecimal(n));

export function ResultsPage() {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const outcome = useOutcome(cycle);
  const { nameOf } = useMembers(cycle);
  if (!cycle) return <NoCycle />;
  const o = outcome.data;
  const shown = o ? meaningfulOutcome(o) : null;

  return (
    <>
      <PageHeader title={t('results.title')} description={t('results.description')} />
      {cycle.status === 'PLANNED' ? (
        <Alert color="gray" variant="light">
          {t('results.none')}
        </Alert>
      ) : (
        <QueryState isLoading={outcome.isLoading} error={outcome.error}>
          {!o || !shown?.any ? (
            <Alert color="gray" variant="light" data-testid="results-none">
              {t('results.none')}
            </Alert>
          ) : (
            <Stack gap="lg">
              {o.completedAt ? (
                <Text size="sm" c="dimmed">
                  {t('results.completedAt', { at: formatDateTime(o.completedAt) })}
                </Text>
              ) : null}
              <SectionCard title={t('results.ranking')}>
                {!shown?.ranking ? (
                  <Text size="sm" c="dimmed">
                    {t('results.noRanking')}
                  </Text>
                ) : (
                  <DataTable
                    minWidth={560}
                    aria-label={t('results.ranking')}
                    rows={o.ranking}
                    rowKey={(r) => r.unitId}
                    columns={[
                      { header: t('results.rank'), cell: (r) => r.rank },
                      {
                        header: t('common.unit'),
                        cell: (r) => (
                          <Group gap={6}>
                            <Text size="sm">{r.unitName || r.unitCode}</Text>
                            {o.acclaimedUnitIds.includes(r.unitId) ? (
                              <Badge color="red.8" variant="filled" size="sm">
                                {t('results.acclaimed')}
                              </Badge>
                            ) : null}
                          </Group>
                        ),
                      },
                      {
                        header: t('results.self'),
                        align: 'right',
                        cell: (r) => score(r.selfScore),
                      },
                      {
                        header: t('results.peer'),
                        align: 'right',
                        td: { style: { whiteSpace: 'nowrap' } },
                        cell: (r) => (
                          <>
                            {score(r.peerScore)}{' '}
                            <Text component="span" size="xs" c="dimmed">
                              ({t('results.peerCount', { count: r.peerCount })})
                            </Text>
                          </>
                        ),
                      },
                      {
                        header: t('results.final'),
                        align: 'right',
                        td: { fw: 600 },
                        cell: (r) => score(r.finalScore),
                      },
                    ]}
                  />
                )}
              </SectionCard>

              {o.vote && shown?.vote ? (
                <Card withBorder padding="md">
                  <Title order={2} size="h4" mb="xs">
                    {t('results.vote')}
                  </Title>
                  <Text size="sm" mb="sm">
                    {t('results.voteTurnout', {
                      cast: o.vote.ballotsCast,
                      eligible: o.vote.eligibleCount,
                      written: o.vote.writtenBallots,
                    })}
                  </Text>
                  <DataTable
                    striped={false}
                    minWidth={420}
                    aria-label={t('results.vote')}
                    rows={o.vote.results}
                    rowKey={(r) => r.candidateUnitId}
                    columns={[
                      { header: t('results.candidate'), cell: (r) => nameOf(r.candidateUnitId) },
                      { header: t('results.votes'), align: 'right', cell: (r) => r.votes },
                      {
                        header: t('results.share'),
                        align: 'right',
                        cell: (r) => (
                          <>
                            {(r.share * 100).toLocaleString('vi-VN', {
                              maximumFractionDigits: 1,
                            })}{' '}
                            %
                          </>
                        ),
                      },
                      {
                        header: t('results.outcome'),
                        cell: (r) => (
                          <Badge color={r.passed ? 'green' : 'gray'} variant="light">
                            {r.passed ? t('results.passed') : t('results.notPassed')}
                          </Badge>
                        ),
                      },
                    ]}
                  />
                  <Text size="sm" mt="sm" fw={600}>
                    {t('results.acclamation')}:{' '}
                    {o.acclaimedUnitIds.length > 0
                      ? o.acclaimedUnitIds.map(nameOf).join('; ')
                      : t('results.noAcclamation')}
                  </Text>
                </Card>
              ) : null}

              {o.minutes && shown?.vote ? (
                <SectionCard title={t('results.minutes')}>
                  <Code
                    block
                    style={{
                      whiteSpace: 'pre-wrap',
                      fontSize: 13,
                      fontFamily: 'var(--mantine-font-family)',
                    }}
                  >
                    {o.minutes}
                  </Code>
                </SectionCard>
              ) : null}

              {shown?.election || o.election?.carriedOver ? (
                <SectionCard title={t('results.election')}>
                  <Stack gap={4}>
                    <Text size="sm">
                      {t('results.nextHead')}:{' '}
                      <b>{o.electedHeadUnitId ? nameOf(o.electedHeadUnitId) : '—'}</b>
                      {o.election?.tally
                        ? ` (${t('results.votesCount', { count: o.election.tally.headVotes[o.election.tally.headUnitId] ?? 0 })})`
                        : ''}
                    </Text>
                    <Text size="sm">
                      {t('results.nextDeputy')}:{' '}
                      <b>{o.electedDeputyUnitId ? nameOf(o.electedDeputyUnitId) : '—'}</b>
                      {o.election?.tally
                        ? ` (${t('results.votesCount', { count: o.election.tally.deputyVotes[o.election.tally.deputyUnitId] ?? 0 })})`
                        : ''}
                    </Text>
                    {o.election?.carriedOver ? (
                      <Text size="sm" c="dimmed">
                        {t('results.carriedOver')}
                      </Text>
                    ) : null}
                  </Stack>
                </SectionCard>
              ) : null}

              {o.divergent.length > 0 ? (
                <Card withBorder padding="md">
                  <Title order={2} size="h4" mb="xs">
                    {t('results.divergent')}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('results.divergentHint')}
                  </Text>
                  <DataTable
                    striped={false}
                    minWidth={520}
                    aria-label={t('results.divergent')}
                    rows={o.divergent}
                    rowKey={(d) => `${d.assessorUnitId}>${d.subjectUnitId}`}
                    columns={[
                      { header: t('results.assessor'), cell: (d) => nameOf(d.assessorUnitId) },
                      { header: t('results.subject'), cell: (d) => nameOf(d.subjectUnitId) },
                      {
                        header: t('results.sheetTotal'),
                        align: 'right',
                        cell: (d) => score(d.total),
                      },
                      {
                        header: t('results.othersMedian'),
                        align: 'right',
                        cell: (d) => score(d.othersMedian),
                      },
                    ]}
                  />
                </Card>
              ) : null}
            </Stack>
          )}
        </QueryState>
      )}
    </>
  );
}
