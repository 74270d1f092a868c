import { SimpleGrid, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { ContentSection, Fact, JsonContentBlock } from '../../components/json-content';
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
        <ContentSection title={t('ruleSets.criteria')}>
          <DataTable
            minWidth={420}
            rows={c.criteria}
            rowKey={(k) => k.code}
            columns={[
              { header: t('ruleSets.code'), cell: (k) => k.code },
              { header: t('ruleSets.criterion'), cell: (k) => k.title },
              { header: t('ruleSets.maxPoints'), align: 'right', cell: (k) => k.maxPoints },
              { header: t('ruleSets.weight'), align: 'right', cell: (k) => k.weight },
            ]}
          />
        </ContentSection>
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
        <ContentSection title={t('ruleSets.calendar')}>
          <DataTable
            minWidth={420}
            rows={c.calendar.phases}
            rowKey={(p) => p.phase}
            columns={[
              {
                header: t('phases.phase'),
                cell: (p) => t(`phase.${p.phase}` as 'phase.VOTE', { defaultValue: p.phase }),
              },
              {
                header: t('ruleSets.opensAt'),
                align: 'right',
                cell: (p) => pct(p.opensAtFraction),
              },
              {
                header: t('ruleSets.duration'),
                align: 'right',
                cell: (p) => p.durationWorkingDays,
              },
            ]}
          />
        </ContentSection>
      ) : null}
      <JsonContentBlock label={t('ruleSets.json')} content={content} />
    </Stack>
  );
}
