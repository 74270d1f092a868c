import { Code, List, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Fact, JsonContentBlock } from '../../components/json-content';
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
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('awardForms.chain')}
          </Title>
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('awardForms.chain')} data-testid="award-form-chain">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th ta="right">{t('awardForms.stepNo')}</Table.Th>
                  <Table.Th>{t('awardForms.step')}</Table.Th>
                  <Table.Th>{t('awardForms.stepKind')}</Table.Th>
                  <Table.Th>{t('awardForms.actor')}</Table.Th>
                  <Table.Th ta="right">{t('awardForms.sla')}</Table.Th>
                  <Table.Th ta="right">{t('awardForms.posting')}</Table.Th>
                  <Table.Th ta="right">{t('awardForms.threshold')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.chain.map((s, i) => (
                  <Table.Tr key={s.key}>
                    <Table.Td ta="right">{i + 1}</Table.Td>
                    <Table.Td>{text(s.title, lang)}</Table.Td>
                    <Table.Td>
                      {t(`awardForms.kinds.${s.kind}` as 'awardForms.kinds.APPROVAL', {
                        defaultValue: s.kind,
                      })}
                    </Table.Td>
                    <Table.Td>
                      {t(`awardForms.actors.${s.actor}` as 'awardForms.actors.PROPOSER_HEAD', {
                        defaultValue: s.actor,
                      })}
                    </Table.Td>
                    <Table.Td ta="right">{s.slaWorkingDays}</Table.Td>
                    <Table.Td ta="right">{s.postingWorkingDays ?? '—'}</Table.Td>
                    <Table.Td ta="right">
                      {s.thresholdPercent !== undefined ? `${number(s.thresholdPercent)} %` : '—'}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ) : null}

      <div>
        <Title order={3} size="h5" mb={6}>
          {t('awardForms.eligibility')}
        </Title>
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
      </div>

      {c.dossier ? (
        <div>
          <Title order={3} size="h5" mb={6}>
            {t('awardForms.dossier')}
          </Title>
          <Table.ScrollContainer minWidth={420}>
            <Table striped aria-label={t('awardForms.dossier')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('awardForms.dossierLabel')}</Table.Th>
                  <Table.Th>{t('awardForms.dossierKind')}</Table.Th>
                  <Table.Th>{t('awardForms.requirement')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {c.dossier.map((d) => (
                  <Table.Tr key={d.kind}>
                    <Table.Td>{text(d.label, lang)}</Table.Td>
                    <Table.Td>
                      <Code>{d.kind}</Code>
                    </Table.Td>
                    <Table.Td>
                      {d.required ? t('awardForms.required') : t('awardForms.optional')}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </div>
      ) : null}

      <JsonContentBlock label={t('awardForms.json')} content={content} />
    </Stack>
  );
}
