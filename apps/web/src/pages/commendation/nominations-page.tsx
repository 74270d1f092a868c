import { Anchor, Button, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { text, useApprovals, useNominations, type NominationSummary } from '../../api/commendation';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { NominationStatusBadge } from './nomination-badges';

function NominationTable({ rows, label }: { rows: NominationSummary[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('nominations.empty')}</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('nominations.nominee')}</Table.Th>
            <Table.Th>{t('nominations.form')}</Table.Th>
            <Table.Th>{t('nominations.status')}</Table.Th>
            <Table.Th>{t('nominations.currentStep')}</Table.Th>
            <Table.Th>{t('nominations.dueAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((n) => (
            <Table.Tr key={n.id}>
              <Table.Td>
                <Anchor component={Link} to={`/nominations/${n.id}`} fw={500}>
                  {n.nomineeName}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {n.year} · {formatDateTime(n.submittedAt)}
                </Text>
              </Table.Td>
              <Table.Td>{text(n.formName, i18n.language)}</Table.Td>
              <Table.Td>
                <NominationStatusBadge status={n.status} />
              </Table.Td>
              <Table.Td>
                {n.currentStep ? (
                  <>
                    {text(n.currentStep.title, i18n.language)}
                    <Text size="xs" c="dimmed">
                      {n.currentStep.actorUnitName}
                    </Text>
                  </>
                ) : (
                  '—'
                )}
              </Table.Td>
              <Table.Td>{n.stepDueAt ? formatDateTime(n.stepDueAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The unit's own nominations (khen thưởng). */
export function NominationsPage() {
  const { t } = useTranslation();
  const list = useNominations();
  return (
    <>
      <PageHeader
        title={t('nominations.title')}
        description={t('nominations.description')}
        actions={
          <Button component={Link} to="/nominations/new" leftSection={<IconPlus size={16} />}>
            {t('nominations.create')}
          </Button>
        }
      />
      <QueryState isLoading={list.isLoading} error={list.error}>
        <NominationTable rows={list.data ?? []} label={t('nominations.title')} />
      </QueryState>
    </>
  );
}

/** Nominations whose current step waits for the signed-in user (hồ sơ chờ xử lý). */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const list = useApprovals();
  return (
    <>
      <PageHeader title={t('approvals.title')} description={t('approvals.description')} />
      <QueryState isLoading={list.isLoading} error={list.error}>
        <NominationTable rows={list.data ?? []} label={t('approvals.title')} />
      </QueryState>
    </>
  );
}
