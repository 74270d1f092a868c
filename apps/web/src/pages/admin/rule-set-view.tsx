import { SimpleGrid, Stack, Table, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact, JsonContentBlock } from '../../components/json-content';
import type { RuleSetContent } from '../../api/types';

/** A rule set's content, read as rules rather than JSON (the JSON follows for completeness). */
export function RuleSetView({ content }: { content: RuleSetContent }) {
  const { t } = useTranslation();
  // Stored versions are validated when published, but read defensively: older ones may lack parts.
  const c: Partial<RuleSetContent> = content;
  const pct = (n: number) => `${(n * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;
  return (
    <Stack gap="md">
      {c.criteria ? (
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('ruleSets.criteria')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('ruleSets.code')}</Table.Th>
                  <Table.Th>{t('ruleSets.criterion')}</Table.Th>
                  <Table.Th ta="right">{t('ruleSets.maxPoints')}</Table.Th>
                  <Table.Th ta="right">{t('ruleSets.weight')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.criteria.map((k) => (
                  <Table.Tr key={k.code}>
                    <Table.Td>{k.code}</Table.Td>
                    <Table.Td>{k.title}</Table.Td>
                    <Table.Td ta="right">{k.maxPoints}</Table.Td>
                    <Table.Td ta="right">{k.weight}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {c.scoring ? (
          <>
            <Fact label={t('ruleSets.selfWeight')} value={pct(c.scoring.selfWeight)} />
            <Fact label={t('ruleSets.peerWeight')} value={pct(c.scoring.peerWeight)} />
            <Fact
              label={t('ruleSets.aggregation')}
              value={
                c.scoring.aggregation === 'TRIMMED_MEAN'
                  ? t('ruleSets.trimmedMean', { percent: c.scoring.trimFraction * 100 })
                  : c.scoring.aggregation === 'MEAN'
                    ? t('ruleSets.mean')
                    : c.scoring.aggregation
              }
            />
            <Fact label={t('ruleSets.divergence')} value={c.scoring.divergenceThreshold} />
          </>
        ) : null}
        {c.crossAssessment ? (
          <Fact
            label={t('ruleSets.crossAssessment')}
            value={
              c.crossAssessment.mode === 'ALL_TO_ALL'
                ? t('ruleSets.allToAll')
                : t('ruleSets.kReviewers', { k: c.crossAssessment.reviewersPerUnit })
            }
          />
        ) : null}
        {c.vote ? (
          <>
            <Fact label={t('ruleSets.threshold')} value={`${c.vote.thresholdPercent} %`} />
            <Fact label={t('ruleSets.acclaimCount')} value={c.vote.acclaimCount} />
            <Fact label={t('ruleSets.candidateCount')} value={c.vote.candidateCount} />
          </>
        ) : null}
        {c.reminders ? (
          <Fact
            label={t('ruleSets.reminders')}
            value={t('ruleSets.remindersValue', {
              days: c.reminders.offsetsWorkingDays.join(', '),
            })}
          />
        ) : null}
      </SimpleGrid>
      {c.calendar ? (
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('ruleSets.calendar')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('phases.phase')}</Table.Th>
                  <Table.Th ta="right">{t('ruleSets.opensAt')}</Table.Th>
                  <Table.Th ta="right">{t('ruleSets.duration')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.calendar.phases.map((p) => (
                  <Table.Tr key={p.phase}>
                    <Table.Td>
                      {t(`phase.${p.phase}` as 'phase.VOTE', { defaultValue: p.phase })}
                    </Table.Td>
                    <Table.Td ta="right">{pct(p.opensAtFraction)}</Table.Td>
                    <Table.Td ta="right">{p.durationWorkingDays}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ) : null}
      <JsonContentBlock label={t('ruleSets.json')} content={content} />
    </Stack>
  );
}
