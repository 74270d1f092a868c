import { Code, List, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { ContentSection, Fact, JsonContentBlock } from '../../components/json-content';
import { text, type AwardFormContent } from '../../api/commendation';

/** An award form's content, read as a procedure rather than JSON (the JSON follows for
 * completeness). `authorityName` comes from the list: the content names the authority by code. */
export function AwardFormView({
  content,
  authorityName,
}: {
  content: AwardFormContent;
  authorityName?: string | null;
}) {
  const { t, i18n } = useTranslation();
  // Stored versions are validated when published, but read defensively: older ones may lack parts.
  const c: Partial<AwardFormContent> = content;
  const lang = i18n.language;
  const number = (n: number) =>
    n.toLocaleString(lang === 'en' ? 'en-GB' : 'vi-VN', { maximumFractionDigits: 2 });
  const e = c.eligibility;
  const conditions = [
    e?.requiresEarlierAward
      ? t('awardForms.requiresEarlierAward', {
          label: e.requiresEarlierAward.label,
          codes: e.requiresEarlierAward.formCodes.join(', '),
        })
      : null,
    e?.consecutiveYears
      ? t('awardForms.consecutiveYears', {
          label: e.consecutiveYears.label,
          years: e.consecutiveYears.years,
          codes: e.consecutiveYears.formCodes.join(', '),
        })
      : null,
    e?.requiresLowerLevel
      ? t('awardForms.requiresLowerLevel', {
          label: e.requiresLowerLevel.label,
          code: e.requiresLowerLevel.formCode,
        })
      : null,
  ].filter((s): s is string => s !== null);

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm">
        {c.category ? (
          <Fact
            label={t('awardForms.category')}
            value={t(`awardForms.categories.${c.category}` as 'awardForms.categories.TITLE', {
              defaultValue: c.category,
            })}
          />
        ) : null}
        {c.level ? (
          <Fact
            label={t('awardForms.level')}
            value={t(`level.${c.level}` as 'level.BASE', { defaultValue: c.level })}
          />
        ) : null}
        {c.authorityCode ? (
          <Fact
            label={t('awardForms.authority')}
            value={authorityName ? `${authorityName} (${c.authorityCode})` : c.authorityCode}
          />
        ) : null}
        {c.nomineeKinds ? (
          <Fact
            label={t('awardForms.nomineeKinds')}
            value={c.nomineeKinds
              .map((k) => t(`awardKind.${k}` as 'awardKind.UNIT', { defaultValue: k }))
              .join(', ')}
          />
        ) : null}
        <Fact
          label={t('awardForms.quota')}
          value={
            c.quota
              ? t('awardForms.quotaValue', { percent: number(c.quota.percentOfHeadcount) })
              : t('awardForms.noQuota')
          }
        />
        {c.reminders ? (
          <Fact
            label={t('awardForms.reminders')}
            value={t('awardForms.remindersValue', {
              days: c.reminders.offsetsWorkingDays.join(', '),
            })}
          />
        ) : null}
        {c.certificate ? (
          <Fact label={t('awardForms.signer')} value={c.certificate.signerTitle} />
        ) : null}
      </SimpleGrid>

      {c.chain ? (
        <ContentSection title={t('awardForms.chain')}>
          <DataTable
            minWidth={720}
            aria-label={t('awardForms.chain')}
            data-testid="award-form-chain"
            rows={c.chain}
            rowKey={(s) => s.key}
            columns={[
              { header: t('awardForms.stepNo'), align: 'right', cell: (_, i) => i + 1 },
              { header: t('awardForms.step'), cell: (s) => text(s.title, lang) },
              {
                header: t('awardForms.stepKind'),
                cell: (s) =>
                  t(`awardForms.kinds.${s.kind}` as 'awardForms.kinds.APPROVAL', {
                    defaultValue: s.kind,
                  }),
              },
              {
                header: t('awardForms.actor'),
                cell: (s) =>
                  t(`awardForms.actors.${s.actor}` as 'awardForms.actors.PROPOSER_HEAD', {
                    defaultValue: s.actor,
                  }),
              },
              { header: t('awardForms.sla'), align: 'right', cell: (s) => s.slaWorkingDays },
              {
                header: t('awardForms.posting'),
                align: 'right',
                cell: (s) => s.postingWorkingDays ?? '—',
              },
              {
                header: t('awardForms.threshold'),
                align: 'right',
                cell: (s) =>
                  s.thresholdPercent !== undefined ? `${number(s.thresholdPercent)} %` : '—',
              },
            ]}
          />
        </ContentSection>
      ) : null}

      <ContentSection title={t('awardForms.eligibility')}>
        {conditions.length > 0 ? (
          <List size="sm" spacing={4}>
            {conditions.map((s) => (
              <List.Item key={s}>{s}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="sm" c="dimmed">
            {t('awardForms.noEligibility')}
          </Text>
        )}
      </ContentSection>

      {c.dossier ? (
        <ContentSection title={t('awardForms.dossier')}>
          <DataTable
            minWidth={420}
            aria-label={t('awardForms.dossier')}
            rows={c.dossier}
            rowKey={(d) => d.kind}
            columns={[
              { header: t('awardForms.dossierLabel'), cell: (d) => text(d.label, lang) },
              { header: t('awardForms.dossierKind'), cell: (d) => <Code>{d.kind}</Code> },
              {
                header: t('awardForms.requirement'),
                cell: (d) => (d.required ? t('awardForms.required') : t('awardForms.optional')),
              },
            ]}
          />
        </ContentSection>
      ) : null}

      <JsonContentBlock label={t('awardForms.json')} content={content} />
    </Stack>
  );
}
