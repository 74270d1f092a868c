import { Alert, Badge, Card, Code, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMembers, useOutcome } from '../../api/queries';
import { NoCycle } from '../../components/no-cycle';
import { PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { formatDateTime } from '../../lib/dates';
import { formatDecimal } from '../../lib/reports';

const score = (n: number | null) => (n === null ? '—' : formatDecimal(n));

export function ResultsPage() {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  const outcome = useOutcome(cycle);
  const { nameOf } = useMembers(cycle);
  if (!cycle) return <NoCycle />;
  const o = outcome.data;
  const hasAnything = o && (o.ranking.length > 0 || o.vote || o.election || o.minutes);

  return (
    <>
      <PageHeader title={t('results.title')} description={t('results.description')} />
      {cycle.status === 'PLANNED' ? (
        <Alert color="gray" variant="light">
          {t('results.none')}
        </Alert>
      ) : (
        <QueryState isLoading={outcome.isLoading} error={outcome.error}>
          {!o || !hasAnything ? (
            <Alert color="gray" variant="light">
              {t('results.none')}
            </Alert>
          ) : (
            <Stack gap="lg">
              {o.completedAt ? (
                <Text size="sm" c="dimmed">
                  {t('results.completedAt', { at: formatDateTime(o.completedAt) })}
                </Text>
              ) : null}
              <Card withBorder padding="md">
                <Title order={2} size="h4" mb="sm">
                  {t('results.ranking')}
                </Title>
                {o.ranking.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('results.noRanking')}
                  </Text>
                ) : (
                  <Table.ScrollContainer minWidth={560}>
                    <Table striped aria-label={t('results.ranking')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('results.rank')}</Table.Th>
                          <Table.Th>{t('common.unit')}</Table.Th>
                          <Table.Th ta="right">{t('results.self')}</Table.Th>
                          <Table.Th ta="right">{t('results.peer')}</Table.Th>
                          <Table.Th ta="right">{t('results.final')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {o.ranking.map((r) => (
                          <Table.Tr key={r.unitId}>
                            <Table.Td>{r.rank}</Table.Td>
                            <Table.Td>
                              <Group gap={6}>
                                <Text size="sm">{r.unitName || r.unitCode}</Text>
                                {o.acclaimedUnitIds.includes(r.unitId) ? (
                                  <Badge color="red.8" variant="filled" size="sm">
                                    {t('results.acclaimed')}
                                  </Badge>
                                ) : null}
                              </Group>
                            </Table.Td>
                            <Table.Td ta="right">{score(r.selfScore)}</Table.Td>
                            <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                              {score(r.peerScore)}{' '}
                              <Text component="span" size="xs" c="dimmed">
                                ({t('results.peerCount', { count: r.peerCount })})
                              </Text>
                            </Table.Td>
                            <Table.Td ta="right" fw={600}>
                              {score(r.finalScore)}
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                )}
              </Card>

              {o.vote ? (
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
                  <Table.ScrollContainer minWidth={420}>
                    <Table aria-label={t('results.vote')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('results.candidate')}</Table.Th>
                          <Table.Th ta="right">{t('results.votes')}</Table.Th>
                          <Table.Th ta="right">{t('results.share')}</Table.Th>
                          <Table.Th>{t('results.outcome')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {o.vote.results.map((r) => (
                          <Table.Tr key={r.candidateUnitId}>
                            <Table.Td>{nameOf(r.candidateUnitId)}</Table.Td>
                            <Table.Td ta="right">{r.votes}</Table.Td>
                            <Table.Td ta="right">
                              {(r.share * 100).toLocaleString('vi-VN', {
                                maximumFractionDigits: 1,
                              })}{' '}
                              %
                            </Table.Td>
                            <Table.Td>
                              <Badge color={r.passed ? 'green' : 'gray'} variant="light">
                                {r.passed ? t('results.passed') : t('results.notPassed')}
                              </Badge>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                  <Text size="sm" mt="sm" fw={600}>
                    {t('results.acclamation')}:{' '}
                    {o.acclaimedUnitIds.length > 0
                      ? o.acclaimedUnitIds.map(nameOf).join('; ')
                      : t('results.noAcclamation')}
                  </Text>
                </Card>
              ) : null}

              {o.minutes ? (
                <Card withBorder padding="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('results.minutes')}
                  </Title>
                  <Code block style={{ whiteSpace: 'pre-wrap', fontSize: 13 }}>
                    {o.minutes}
                  </Code>
                </Card>
              ) : null}

              {o.electedHeadUnitId || o.election ? (
                <Card withBorder padding="md">
                  <Title order={2} size="h4" mb="sm">
                    {t('results.election')}
                  </Title>
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
                </Card>
              ) : null}

              {o.divergent.length > 0 ? (
                <Card withBorder padding="md">
                  <Title order={2} size="h4" mb="xs">
                    {t('results.divergent')}
                  </Title>
                  <Text size="sm" c="dimmed" mb="sm">
                    {t('results.divergentHint')}
                  </Text>
                  <Table.ScrollContainer minWidth={520}>
                    <Table aria-label={t('results.divergent')}>
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>{t('results.assessor')}</Table.Th>
                          <Table.Th>{t('results.subject')}</Table.Th>
                          <Table.Th ta="right">{t('results.sheetTotal')}</Table.Th>
                          <Table.Th ta="right">{t('results.othersMedian')}</Table.Th>
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {o.divergent.map((d) => (
                          <Table.Tr key={`${d.assessorUnitId}>${d.subjectUnitId}`}>
                            <Table.Td>{nameOf(d.assessorUnitId)}</Table.Td>
                            <Table.Td>{nameOf(d.subjectUnitId)}</Table.Td>
                            <Table.Td ta="right">{score(d.total)}</Table.Td>
                            <Table.Td ta="right">{score(d.othersMedian)}</Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Table.ScrollContainer>
                </Card>
              ) : null}
            </Stack>
          )}
        </QueryState>
      )}
    </>
  );
}
