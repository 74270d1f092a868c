import { Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDefaultRuleSet, useRuleSets } from '../../api/queries';
import type { RuleSet, RuleSetContent } from '../../api/types';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { RuleSetView } from './rule-set-view';

export function RuleSetsPage() {
  const { t } = useTranslation();
  const ruleSets = useRuleSets();
  const builtIn = useDefaultRuleSet();
  const [shown, setShown] = useState<{
    title: string;
    content: RuleSetContent;
    id?: string;
    code?: string;
  } | null>(null);
  const latestOf = new Map<string, number>();
  for (const r of ruleSets.data ?? [])
    latestOf.set(r.code, Math.max(latestOf.get(r.code) ?? 0, r.version));
  const show = (r: RuleSet) =>
    setShown({
      title: `${r.name} — ${r.code} v${r.version}`,
      content: r.content,
      id: r.id,
      code: r.code,
    });

  return (
    <>
      <PageHeader
        title={t('ruleSets.title')}
        description={t('ruleSets.description')}
        actions={
          <Button component={Link} to="/admin/rule-sets/new" leftSection={<IconPlus size={16} />}>
            {t('ruleSets.newVersion')}
          </Button>
        }
      />
      <QueryState isLoading={ruleSets.isLoading} error={ruleSets.error}>
        <Table.ScrollContainer minWidth={640}>
          <Table
            striped
            highlightOnHover
            aria-label={t('ruleSets.title')}
            data-testid="rule-sets-table"
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('ruleSets.code')}</Table.Th>
                <Table.Th>{t('ruleSets.name')}</Table.Th>
                <Table.Th>{t('ruleSets.version')}</Table.Th>
                <Table.Th>{t('ruleSets.createdAt')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {t('ruleSets.builtIn')}
                  </Text>
                </Table.Td>
                <Table.Td>{t('ruleSets.builtInName')}</Table.Td>
                <Table.Td>—</Table.Td>
                <Table.Td>—</Table.Td>
                <Table.Td ta="right">
                  <Button
                    size="xs"
                    variant="default"
                    disabled={!builtIn.data}
                    onClick={() => {
                      if (builtIn.data)
                        setShown({ title: t('ruleSets.builtInName'), content: builtIn.data });
                    }}
                  >
                    {t('common.view')}
                  </Button>
                </Table.Td>
              </Table.Tr>
              {(ruleSets.data ?? []).map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {r.code}
                    </Text>
                  </Table.Td>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    v{r.version}
                    {latestOf.get(r.code) === r.version ? ` (${t('ruleSets.latest')})` : ''}
                  </Table.Td>
                  <Table.Td>{formatDateTime(r.createdAt)}</Table.Td>
                  <Table.Td ta="right">
                    <Button size="xs" variant="default" onClick={() => show(r)}>
                      {t('common.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </QueryState>
      <Drawer
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown?.title}
        position="right"
        size="xl"
      >
        {shown ? (
          <Stack>
            <Group>
              <Button
                component={Link}
                to={shown.id ? `/admin/rule-sets/new?from=${shown.id}` : '/admin/rule-sets/new'}
                size="xs"
                variant="light"
              >
                {t('ruleSets.newFromThis')}
              </Button>
            </Group>
            <RuleSetView content={shown.content} />
          </Stack>
        ) : null}
      </Drawer>
    </>
  );
}
