import { Anchor, Button, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { text, useApprovals, useNominations, type NominationSummary } from '../../api/commendation';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { NominationStatusBadge } from './nomination-badges';
import { DataTable } from '../../components/data-table';

function NominationTable({ rows, label }: { rows: NominationSummary[]; label: string }) {
  const { t, i18n } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('nominations.empty')}</Text>;
  return (
    <DataTable
      minWidth={720}
      highlightOnHover
      aria-label={label}
      rows={rows}
      columns={[
        {
          header: t('nominations.nominee'),
          cell: (n) => (
            <>
              <Anchor component={Link} to={`/nominations/${n.id}`} fw={500}>
                {n.nomineeName}
              </Anchor>
              <Text size="xs" c="dimmed">
                {n.year} · {formatDateTime(n.submittedAt)}
              </Text>
            </>
          ),
        },
        { header: t('nominations.form'), cell: (n) => text(n.formName, i18n.language) },
        {
          header: t('nominations.status'),
          cell: (n) => <NominationStatusBadge status={n.status} />,
        },
        {
          header: t('nominations.currentStep'),
          cell: (n) =>
            n.currentStep ? (
              <>
                {text(n.currentStep.title, i18n.language)}
                <Text size="xs" c="dimmed">
                  {n.currentStep.actorUnitName}
                </Text>
              </>
            ) : (
              '—'
            ),
        },
        {
          header: t('nominations.dueAt'),
          cell: (n) => (n.stepDueAt ? formatDateTime(n.stepDueAt) : '—'),
        },
      ]}
    />
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
