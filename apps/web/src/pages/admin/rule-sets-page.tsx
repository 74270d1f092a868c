import { Button } from '@mantine/core';

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDefaultRuleSet, useRuleSets } from '../../api/queries';
import type { RuleSet, RuleSetContent } from '../../api/types';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { RuleSetView } from './rule-set-view';
import { DataTable, NameCell } from '../../components/data-table';
import { DefinitionDrawer, NewVersionLink } from './definition-drawer';

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

  // The built-in rule set first, then every version recorded.
  const rows = [
    {
      key: 'built-in',
      code: t('ruleSets.builtIn'),
      name: t('ruleSets.builtInName'),
      // Ships with the system: no stored version or date, said in words rather than "—".
      version: t('ruleSetList.builtInVersion'),
      createdAt: t('ruleSetList.builtInDate'),
      disabled: !builtIn.data,
      onView: () => {
        if (builtIn.data) setShown({ title: t('ruleSets.builtInName'), content: builtIn.data });
      },
    },
    ...(ruleSets.data ?? []).map((r) => ({
      key: r.id,
      code: r.code,
      name: r.name,
      version: `v${r.version}${latestOf.get(r.code) === r.version ? ` (${t('ruleSets.latest')})` : ''}`,
      createdAt: formatDateTime(r.createdAt),
      disabled: false,
      onView: () => show(r),
    })),
  ];

  return (
    <>
      <PageHeader
        title={t('ruleSets.title')}
        description={t('ruleSets.description')}
        actions={
          <NewVersionLink to="/admin/rule-sets/new">{t('ruleSets.newVersion')}</NewVersionLink>
        }
      />
      <QueryState isLoading={ruleSets.isLoading} error={ruleSets.error}>
        <DataTable
          minWidth={640}
          highlightOnHover
          aria-label={t('ruleSets.title')}
          data-testid="rule-sets-table"
          rows={rows}
          rowKey={(r) => r.key}
          columns={[
            {
              // The name first; the code (DVK-MAC-DINH) is a technical key, shown small below it.
              header: t('ruleSets.name'),
              cell: (r) => <NameCell name={r.name} detail={`${t('ruleSets.code')}: ${r.code}`} />,
            },
            { header: t('ruleSets.version'), cell: (r) => r.version },
            { header: t('ruleSets.createdAt'), cell: (r) => r.createdAt },
            {
              align: 'right',
              cell: (r) => (
                <Button size="xs" variant="default" disabled={r.disabled} onClick={r.onView}>
                  {t('common.view')}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
      <DefinitionDrawer
        title={shown?.title}
        onClose={() => setShown(null)}
        newFrom={{
          to: shown?.id ? `/admin/rule-sets/new?from=${shown.id}` : '/admin/rule-sets/new',
          label: t('ruleSets.newFromThis'),
        }}
      >
        {shown ? <RuleSetView content={shown.content} /> : null}
      </DefinitionDrawer>
    </>
  );
}
