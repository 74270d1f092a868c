import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { api, call } from '../../api/client';
import { text } from '../../api/commendation';
import type { ModelDetail } from '../../api/types';
import { PageHeader, QueryState } from '../../components/page';
import { formatDate } from '../../lib/dates';

type LevelHistory = ModelDetail['history'][number];

/** A model (mô hình, giải pháp): what it is, and its recognition level by level. */
export function ModelDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const model = useQuery({
    queryKey: ['models', 'detail', id],
    enabled: !!id,
    queryFn: () => call(api.GET('/models/{id}', { params: { path: { id } } })),
  });
  const data = model.data;
  return (
    <>
      <PageHeader title={data?.title ?? t('models.title')} description={t('models.description')} />
      <QueryState isLoading={model.isLoading} error={model.error}>
        {data ? (
          <Stack gap="md">
            <Card withBorder>
              <Group gap="lg" wrap="wrap">
                <Text size="sm">
                  {t('models.kind')}: <b>{t(`initiativeKind.${data.kind}`)}</b>
                </Text>
                <Text size="sm">
                  {t('models.unit')}: <b>{data.unit.name}</b>
                </Text>
                <Text size="sm">
                  {t('models.cycle')}:{' '}
                  <b>
                    {data.cycle.movementName} ({data.cycle.periodLabel})
                  </b>
                </Text>
                <Text size="sm">
                  {t('models.owner')}: <b>{data.ownerName}</b>
                </Text>
                <Text size="sm">
                  {t('models.field')}: <b>{data.field}</b>
                </Text>
              </Group>
              {data.description ? (
                <Text size="sm" mt="sm">
                  {data.description}
                </Text>
              ) : null}
            </Card>
            {data.history.map((level) => (
              <LevelCard key={level.level} level={level} />
            ))}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}

function LevelCard({ level }: { level: LevelHistory }) {
  const { t, i18n } = useTranslation();
  const empty = level.awards.length === 0 && level.inProgress.length === 0;
  return (
    <Card withBorder>
      <Title order={2} size="h4" mb="xs">
        {t(`level.${level.level}`)}
      </Title>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('models.none')}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('models.form')}</Table.Th>
                <Table.Th>{t('models.authority')}</Table.Th>
                <Table.Th>{t('models.period')}</Table.Th>
                <Table.Th>{t('models.decision')}</Table.Th>
                <Table.Th>{t('models.state')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {level.awards.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>{a.formName}</Table.Td>
                  <Table.Td>{a.authority?.name ?? '—'}</Table.Td>
                  <Table.Td>{text(a.period.label, i18n.language)}</Table.Td>
                  <Table.Td>
                    {a.decisionNumber
                      ? `${a.decisionNumber}${a.decisionDate ? ` (${formatDate(a.decisionDate)})` : ''}`
                      : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={a.revoked ? 'red' : 'green'} variant="light">
                      {t(a.revoked ? 'awardStatus.REVOKED' : 'awardStatus.VALID')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
              {level.inProgress.map((n) => (
                <Table.Tr key={n.id}>
                  <Table.Td>{n.formName}</Table.Td>
                  <Table.Td>{n.authority?.name ?? '—'}</Table.Td>
                  <Table.Td>{text(n.period.label, i18n.language)}</Table.Td>
                  <Table.Td>—</Table.Td>
                  <Table.Td>
                    <Badge color="blue" variant="light">
                      {t('models.inProgress')}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Card>
  );
}
