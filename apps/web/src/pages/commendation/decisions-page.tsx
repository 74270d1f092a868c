import {
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { awardKeys, useDecisions, type DecisionSummary } from '../../api/awards';
import { api, call } from '../../api/client';
import { commendationKeys, text } from '../../api/commendation';
import { useApiMutation } from '../../lib/use-api-mutation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { DateField } from '../../components/date-field';
import { PageHeader, QueryState } from '../../components/page';
import { formatDate, formatDateTime, todayInVietnam } from '../../lib/dates';
import { formatCount } from '../../lib/reports';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

export function DecisionStatusBadge({ status }: { status: DecisionSummary['status'] }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={status === 'ISSUED' ? 'green' : 'gray'}
      variant="light"
      styles={{ label: { overflow: 'visible' } }}
    >
      {t(`decisionStatus.${status}`)}
    </Badge>
  );
}

/** Quyết định khen thưởng: every decision, by ceremony; the deciding authority drafts new ones. */
export function DecisionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const [ceremony, setCeremony] = useState<string | null>(null);
  const all = useDecisions(null);
  const list = useDecisions(ceremony);
  const ceremonies = [
    ...new Set((all.data ?? []).flatMap((d) => (d.ceremonyName ? [d.ceremonyName] : []))),
  ];
  const rows = list.data ?? [];

  return (
    <>
      <PageHeader
        title={t('decisions.title')}
        description={t('decisions.description')}
        actions={
          caps.isAuthority ? (
            <Button component={Link} to="/decisions/new" leftSection={<IconPlus size={16} />}>
              {t('decisions.create')}
            </Button>
          ) : null
        }
      />
      <Group mb="md" align="flex-end">
        <Select
          label={t('decisions.ceremony')}
          placeholder={t('decisions.allCeremonies')}
          data={ceremonies}
          value={ceremony}
          onChange={setCeremony}
          clearable
          searchable
          w={420}
          maw="100%"
          nothingFoundMessage={t('common.nothingFound')}
        />
      </Group>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          empty={t('decisions.empty')}
          minWidth={760}
          highlightOnHover
          aria-label={t('decisions.title')}
          rows={rows}
          columns={[
            {
              header: t('decisions.number'),
              td: { style: { whiteSpace: 'nowrap' } },
              cell: (d) => (
                <>
                  <Anchor component={Link} to={`/decisions/${d.id}`} fw={500}>
                    {d.number}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {formatDate(d.signedOn)}
                  </Text>
                </>
              ),
            },
            {
              header: t('decisions.titleColumn'),
              cell: (d) => (
                <>
                  {d.title}
                  <Text size="xs" c="dimmed">
                    {d.authority?.name}
                  </Text>
                </>
              ),
            },
            {
              header: t('decisions.ceremony'),
              cell: (d) => (
                <>
                  {d.ceremonyName ?? '—'}
                  {d.ceremonyOn ? (
                    <Text size="xs" c="dimmed">
                      {formatDate(d.ceremonyOn)}
                    </Text>
                  ) : null}
                </>
              ),
            },
            {
              header: t('decisions.status'),
              cell: (d) => <DecisionStatusBadge status={d.status} />,
            },
            {
              header: t('decisions.recipients'),
              align: 'right',
              cell: (d) =>
                d.status === 'ISSUED' ? formatCount(d.awards) : formatCount(d.nominations),
            },
          ]}
        />
      </QueryState>
    </>
  );
}

interface DecisionValues {
  number: string;
  signedOn: string | null;
  title: string;
  signerName: string;
  signerTitle: string;
  ceremonyName: string;
  ceremonyOn: string | null;
  nominationIds: string[];
}

/** Nominations that completed their chain and wait for this authority's decision. */
function useAwaitingDecision(authorityUnitId: string | null | undefined) {
  return useQuery({
    queryKey: [...commendationKeys.nominations, 'AWAITING_DECISION', authorityUnitId ?? ''],
    enabled: !!authorityUnitId,
    queryFn: async () =>
      (
        await call(api.GET('/nominations', { params: { query: { status: 'AWAITING_DECISION' } } }))
      ).filter((n) => n.authorityUnitId === authorityUnitId),
  });
}

/** Dự thảo quyết định: number, date, signer, ceremony and the annex of recipients. */
export function DecisionCreatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const awaiting = useAwaitingDecision(me.data?.unitId);
  const year = todayInVietnam().slice(0, 4);
  const form = useForm<DecisionValues>({
    mode: 'controlled',
    initialValues: {
      number: '',
      signedOn: todayInVietnam(),
      title: t('decisionForm.defaultTitle', { year }),
      signerName: '',
      signerTitle: t('decisionForm.defaultSignerTitle'),
      ceremonyName: '',
      ceremonyOn: null,
      nominationIds: [],
    },
    validate: {
      number: (v) => (v.trim() ? null : t('common.required')),
      signedOn: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim().length >= 5 ? null : t('rules.minLength', { n: 5 })),
      signerTitle: (v) => (v.trim().length >= 2 ? null : t('rules.minLength', { n: 2 })),
      nominationIds: (v) => (v.length > 0 ? null : t('decisionForm.chooseOne')),
    },
  });
  const create = useApiMutation({
    form,
    codeFields: {
      CONFLICT: 'number',
      NOT_AWAITING_DECISION: 'nominationIds',
      NOMINATION_IN_OTHER_DRAFT: 'nominationIds',
      WRONG_AUTHORITY: 'nominationIds',
    },
    mutationFn: (v: DecisionValues) =>
      call(
        api.POST('/decisions', {
          body: {
            number: v.number.trim(),
            signedOn: v.signedOn ?? '',
            title: v.title.trim(),
            signerTitle: v.signerTitle.trim(),
            ...(v.signerName.trim() ? { signerName: v.signerName.trim() } : {}),
            ...(v.ceremonyName.trim() ? { ceremonyName: v.ceremonyName.trim() } : {}),
            ...(v.ceremonyOn ? { ceremonyOn: v.ceremonyOn } : {}),
            nominationIds: v.nominationIds,
          },
        }),
      ),
    successMessage: (d) => t('decisionForm.created', { number: d.number }),
    invalidate: [awardKeys.allDecisions],
    onSuccess: (d) => void navigate(`/decisions/${d.id}`),
  });
  const candidates = awaiting.data ?? [];
  const chosen = new Set(form.values.nominationIds);
  const toggle = (id: string) =>
    form.setFieldValue(
      'nominationIds',
      chosen.has(id) ? form.values.nominationIds.filter((x) => x !== id) : [...chosen, id],
    );
  const allChosen = candidates.length > 0 && candidates.every((n) => chosen.has(n.id));

  return (
    <>
      <PageHeader
        title={t('decisionForm.title')}
        description={t('decisionForm.description')}
        actions={
          <Anchor component={Link} to="/decisions">
            {t('decisionDetail.back')}
          </Anchor>
        }
      />
      <form onSubmit={form.onSubmit((v) => create.mutate(v))} noValidate>
        <Stack gap="lg">
          <SectionCard title={t('decisionForm.details')}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('decisions.number')}
                  description={t('decisionForm.numberHint')}
                  placeholder="01/QĐ-HĐTĐ"
                  withAsterisk
                  {...form.getInputProps('number')}
                />
                <DateField
                  label={t('decisionForm.signedOn')}
                  withAsterisk
                  {...form.getInputProps('signedOn')}
                />
              </SimpleGrid>
              <Textarea
                label={t('decisions.titleColumn')}
                autosize
                minRows={2}
                withAsterisk
                {...form.getInputProps('title')}
              />
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('decisionForm.signerTitle')}
                  withAsterisk
                  {...form.getInputProps('signerTitle')}
                />
                <TextInput
                  label={t('decisionForm.signerName')}
                  {...form.getInputProps('signerName')}
                />
                <TextInput
                  label={t('decisions.ceremony')}
                  description={t('decisionForm.ceremonyHint')}
                  {...form.getInputProps('ceremonyName')}
                />
                <DateField
                  label={t('decisionForm.ceremonyOn')}
                  clearable
                  {...form.getInputProps('ceremonyOn')}
                />
              </SimpleGrid>
            </Stack>
          </SectionCard>
          <Card withBorder padding="md">
            <Group justify="space-between" mb="xs">
              <Title order={2} size="h4">
                {t('decisionForm.annex')}
              </Title>
              <Text size="sm" c="dimmed" aria-live="polite">
                {t('decisionForm.chosen', { count: chosen.size })}
              </Text>
            </Group>
            <Text size="sm" c="dimmed" mb="sm">
              {t('decisionForm.annexHint')}
            </Text>
            <QueryState isLoading={awaiting.isLoading} error={awaiting.error}>
              <DataTable
                empty={t('decisionForm.noneAwaiting')}
                minWidth={640}
                aria-label={t('decisionForm.annex')}
                rows={candidates}
                columns={[
                  {
                    header: (
                      <Checkbox
                        aria-label={t('decisionForm.chooseAll')}
                        checked={allChosen}
                        indeterminate={chosen.size > 0 && !allChosen}
                        onChange={() =>
                          form.setFieldValue(
                            'nominationIds',
                            allChosen ? [] : candidates.map((n) => n.id),
                          )
                        }
                      />
                    ),
                    th: { w: 40 },
                    cell: (n) => (
                      <Checkbox
                        aria-label={t('decisionForm.choose', { name: n.nomineeName })}
                        checked={chosen.has(n.id)}
                        onChange={() => toggle(n.id)}
                      />
                    ),
                  },
                  {
                    header: t('nominations.nominee'),
                    cell: (n) => (
                      <>
                        <Anchor component={Link} to={`/nominations/${n.id}`} size="sm">
                          {n.nomineeName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`nomineeKind.${n.nomineeKind}`)} · {n.year}
                        </Text>
                      </>
                    ),
                  },
                  { header: t('nominations.form'), cell: (n) => text(n.formName, i18n.language) },
                  {
                    header: t('decisionForm.submittedAt'),
                    cell: (n) => formatDateTime(n.submittedAt),
                  },
                ]}
              />
            </QueryState>
            {form.errors['nominationIds'] ? (
              <Text c="red" size="sm" mt="xs" role="alert" style={{ whiteSpace: 'pre-line' }}>
                {form.errors['nominationIds']}
              </Text>
            ) : null}
          </Card>
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('decisionForm.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
