import { Button, Drawer, Group, Stack, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { text, useAwardForms, type AwardForm } from '../../api/commendation';
import { PageHeader, QueryState } from '../../components/page';
import { AwardFormView } from './award-forms-view';

export function AwardFormsPage() {
  const { t, i18n } = useTranslation();
  const forms = useAwardForms();
  const [shown, setShown] = useState<AwardForm | null>(null);
  const nameOf = (f: AwardForm) => text(f.content.name ?? f.name, i18n.language);

  return (
    <>
      <PageHeader
        title={t('awardForms.title')}
        description={t('awardForms.description')}
        actions={
          <Button component={Link} to="/admin/award-forms/new" leftSection={<IconPlus size={16} />}>
            {t('awardForms.newVersion')}
          </Button>
        }
      />
      <QueryState isLoading={forms.isLoading} error={forms.error}>
        {(forms.data ?? []).length === 0 ? (
          <Text c="dimmed">{t('awardForms.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={960}>
            <Table
              striped
              highlightOnHover
              aria-label={t('awardForms.title')}
              data-testid="award-forms-table"
            >
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('awardForms.code')}</Table.Th>
                  <Table.Th>{t('awardForms.name')}</Table.Th>
                  <Table.Th>{t('awardForms.category')}</Table.Th>
                  <Table.Th>{t('awardForms.level')}</Table.Th>
                  <Table.Th>{t('awardForms.authority')}</Table.Th>
                  <Table.Th>{t('awardForms.version')}</Table.Th>
                  <Table.Th>{t('awardForms.nomineeKinds')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(forms.data ?? []).map((f) => {
                  const c = f.content;
                  return (
                    <Table.Tr key={f.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {f.code}
                        </Text>
                      </Table.Td>
                      <Table.Td>{nameOf(f)}</Table.Td>
                      <Table.Td>
                        {c.category
                          ? t(
                              `awardForms.categories.${c.category}` as 'awardForms.categories.TITLE',
                              {
                                defaultValue: c.category,
                              },
                            )
                          : '—'}
                      </Table.Td>
                      <Table.Td>
                        {t(`level.${f.level}` as 'level.BASE', { defaultValue: f.level })}
                      </Table.Td>
                      <Table.Td>{f.authority?.name ?? c.authorityCode ?? '—'}</Table.Td>
                      <Table.Td>v{f.version}</Table.Td>
                      <Table.Td>
                        {(c.nomineeKinds ?? [])
                          .map((k) => t(`awardKind.${k}` as 'awardKind.UNIT', { defaultValue: k }))
                          .join(', ')}
                      </Table.Td>
                      <Table.Td ta="right">
                        <Button
                          size="xs"
                          variant="default"
                          onClick={() => setShown(f)}
                          aria-label={t('awardForms.viewOne', { code: f.code })}
                        >
                          {t('common.view')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      <Drawer
        opened={shown !== null}
        onClose={() => setShown(null)}
        title={shown ? `${nameOf(shown)} — ${shown.code} v${shown.version}` : undefined}
        position="right"
        size="xl"
      >
        {shown ? (
          <Stack>
            <Group>
              <Button
                component={Link}
                to={`/admin/award-forms/new?from=${shown.id}`}
                size="xs"
                variant="light"
              >
                {t('awardForms.newFromThis')}
              </Button>
            </Group>
            <AwardFormView content={shown.content} authorityName={shown.authority?.name} />
          </Stack>
        ) : null}
      </Drawer>
    </>
  );
}
