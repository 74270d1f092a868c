import { Button, Group, Text } from '@mantine/core';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { text, useAwardForms, type AwardForm } from '../../api/commendation';
import { PageHeader, QueryState } from '../../components/page';
import { AwardFormView } from './award-forms-view';
import { DataTable } from '../../components/data-table';
import { DefinitionDrawer, NewVersionLink } from './definition-drawer';

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
          <Group gap="xs">
            <Button component={Link} to="/authorities" variant="default">
              {t('authorities.link')}
            </Button>
            <Button component={Link} to="/admin/award-history" variant="default">
              {t('pastAward.link')}
            </Button>
            <NewVersionLink to="/admin/award-forms/new">
              {t('awardForms.newVersion')}
            </NewVersionLink>
          </Group>
        }
      />
      <QueryState isLoading={forms.isLoading} error={forms.error}>
        <DataTable
          empty={t('awardForms.empty')}
          minWidth={960}
          highlightOnHover
          aria-label={t('awardForms.title')}
          data-testid="award-forms-table"
          rows={forms.data ?? []}
          columns={[
            {
              header: t('awardForms.code'),
              cell: (f) => (
                <Text size="sm" fw={500}>
                  {f.code}
                </Text>
              ),
            },
            { header: t('awardForms.name'), cell: (f) => nameOf(f) },
            {
              header: t('awardForms.category'),
              cell: ({ content: c }) =>
                c.category
                  ? t(`awardForms.categories.${c.category}` as 'awardForms.categories.TITLE', {
                      defaultValue: c.category,
                    })
                  : '—',
            },
            {
              header: t('awardForms.level'),
              cell: (f) => t(`level.${f.level}` as 'level.BASE', { defaultValue: f.level }),
            },
            {
              header: t('awardForms.authority'),
              cell: (f) => f.authority?.name ?? f.content.authorityCode ?? '—',
            },
            { header: t('awardForms.version'), cell: (f) => <>v{f.version}</> },
            {
              header: t('awardForms.nomineeKinds'),
              cell: (f) =>
                (f.content.nomineeKinds ?? [])
                  .map((k) => t(`awardKind.${k}` as 'awardKind.UNIT', { defaultValue: k }))
                  .join(', '),
            },
            {
              align: 'right',
              cell: (f) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setShown(f)}
                  aria-label={t('awardForms.viewOne', { code: f.code })}
                >
                  {t('common.view')}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
      <DefinitionDrawer
        title={shown ? `${nameOf(shown)} — ${shown.code} v${shown.version}` : undefined}
        onClose={() => setShown(null)}
        newFrom={{
          to: `/admin/award-forms/new?from=${shown?.id ?? ''}`,
          label: t('awardForms.newFromThis'),
        }}
      >
        {shown ? (
          <AwardFormView content={shown.content} authorityName={shown.authority?.name} />
        ) : null}
      </DefinitionDrawer>
    </>
  );
}
