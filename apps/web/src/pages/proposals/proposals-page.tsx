import { Anchor, Badge, Button, Card, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useProposal, useProposals } from '../../api/organisations';
import type { NominationStatus } from '../../api/commendation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { formatInstantDate } from '../../lib/dates';
import { NominationStatusBadge } from '../commendation/nomination-badges';

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
        {rows.length === 0 ? (
          <Text c="dimmed">{t('proposals.none')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table striped aria-label={t('proposals.title')} data-testid="proposals-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('proposals.number')}</Table.Th>
                  <Table.Th>{t('proposals.listTitle')}</Table.Th>
                  <Table.Th>{t('proposals.proposer')}</Table.Th>
                  <Table.Th>{t('proposals.authority')}</Table.Th>
                  <Table.Th>{t('proposals.period')}</Table.Th>
                  <Table.Th ta="right">{t('proposals.nominationCount')}</Table.Th>
                  <Table.Th>{t('proposals.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{p.number ?? '—'}</Table.Td>
                    <Table.Td>
                      <Anchor component={Link} to={`/proposals/${p.id}`}>
                        {p.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{p.proposerUnitName}</Table.Td>
                    <Table.Td>{p.authorityUnitName}</Table.Td>
                    <Table.Td>
                      {i18n.language === 'en' ? p.period.label.en : p.period.label.vi}
                    </Table.Td>
                    <Table.Td ta="right">{p.nominationCount}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {formatInstantDate(p.createdAt)}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
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
                <Fact
                  label={t('proposals.period')}
                  value={i18n.language === 'en' ? p.period.label.en : p.period.label.vi}
                />
                <Fact label={t('proposals.nominationCount')} value={String(p.nominationCount)} />
              </SimpleGrid>
            </Card>
            <Table.ScrollContainer minWidth={640}>
              <Table
                striped
                aria-label={t('proposals.nominations')}
                data-testid="proposal-nominations"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('proposals.nominee')}</Table.Th>
                    <Table.Th>{t('proposals.kind')}</Table.Th>
                    <Table.Th>{t('proposals.state')}</Table.Th>
                    <Table.Th>{t('proposals.step')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {p.nominations.map((n) => (
                    <Table.Tr key={n.id}>
                      <Table.Td>
                        <Anchor component={Link} to={`/nominations/${n.id}`}>
                          {n.nomineeName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" tt="none" color="gray">
                          {t(`awardKind.${n.nomineeKind}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>
                        <NominationStatusBadge status={n.status as NominationStatus} />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" ff="monospace">
                          {n.currentStepKey ?? '—'}
                        </Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
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
