import { Anchor, Badge, Button, Card, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProposal, useProposals } from '../../api/organisations';
import { text, type NominationStatus } from '../../api/commendation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { CodeText, DataTable } from '../../components/data-table';
import { formatInstantDate } from '../../lib/dates';
import { NominationStatusBadge } from '../commendation/nomination-badges';

const NOWRAP = { style: { whiteSpace: 'nowrap' } } as const;

/** Tờ trình đề nghị khen thưởng: the caller's organisation's proposal lists, newest first. */
export function ProposalsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const proposals = useProposals();
  const rows = proposals.data ?? [];
  return (
    <>
      <PageHeader
        title={t('proposals.title')}
        description={t('proposals.description')}
        actions={
          caps.isUnitUser ? (
            <Button
              component={Link}
              to="/proposals/new"
              leftSection={<IconPlus size={16} aria-hidden />}
            >
              {t('proposals.create')}
            </Button>
          ) : null
        }
      />
      <QueryState isLoading={proposals.isLoading} error={proposals.error}>
        <DataTable
          empty={t('proposals.none')}
          minWidth={720}
          aria-label={t('proposals.title')}
          data-testid="proposals-table"
          rows={rows}
          columns={[
            { header: t('proposals.number'), td: NOWRAP, cell: (p) => p.number ?? '—' },
            {
              header: t('proposals.listTitle'),
              cell: (p) => (
                <Anchor component={Link} to={`/proposals/${p.id}`}>
                  {p.title}
                </Anchor>
              ),
            },
            { header: t('proposals.proposer'), cell: (p) => p.proposerUnitName },
            { header: t('proposals.authority'), cell: (p) => p.authorityUnitName },
            { header: t('proposals.period'), cell: (p) => text(p.period.label, i18n.language) },
            {
              header: t('proposals.nominationCount'),
              align: 'right',
              cell: (p) => p.nominationCount,
            },
            {
              header: t('proposals.createdAt'),
              td: NOWRAP,
              cell: (p) => formatInstantDate(p.createdAt),
            },
          ]}
        />
      </QueryState>
    </>
  );
}

/** One proposal list and the state of each of its nominations. */
export function ProposalDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const proposal = useProposal(id);
  const p = proposal.data;
  return (
    <>
      <PageHeader
        title={p ? p.title : t('proposals.detailTitle')}
        description={p?.number ? t('proposals.numbered', { number: p.number }) : undefined}
        actions={
          <Button component={Link} to="/proposals" variant="default">
            {t('proposals.back')}
          </Button>
        }
      />
      <QueryState isLoading={proposal.isLoading} error={proposal.error}>
        {p ? (
          <Stack gap="md">
            <Card withBorder padding="md">
              <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm">
                <Fact label={t('proposals.proposer')} value={p.proposerUnitName} />
                <Fact label={t('proposals.authority')} value={p.authorityUnitName} />
                <Fact label={t('proposals.form')} value={p.formCode} />
                <Fact label={t('proposals.movement')} value={p.movementCode ?? '—'} />
                <Fact label={t('proposals.period')} value={text(p.period.label, i18n.language)} />
                <Fact label={t('proposals.nominationCount')} value={String(p.nominationCount)} />
              </SimpleGrid>
            </Card>
            <DataTable
              minWidth={640}
              aria-label={t('proposals.nominations')}
              data-testid="proposal-nominations"
              rows={p.nominations}
              columns={[
                {
                  header: t('proposals.nominee'),
                  cell: (n) => (
                    <Anchor component={Link} to={`/nominations/${n.id}`}>
                      {n.nomineeName}
                    </Anchor>
                  ),
                },
                {
                  header: t('proposals.kind'),
                  cell: (n) => (
                    <Badge variant="light" tt="none" color="gray">
                      {t(`awardKind.${n.nomineeKind}`)}
                    </Badge>
                  ),
                },
                {
                  header: t('proposals.state'),
                  cell: (n) => <NominationStatusBadge status={n.status as NominationStatus} />,
                },
                {
                  header: t('proposals.step'),
                  cell: (n) => <CodeText>{n.currentStepKey ?? '—'}</CodeText>,
                },
              ]}
            />
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </Stack>
  );
}
