import '@mantine/charts/styles.css';
import { BarChart, DonutChart } from '@mantine/charts';
import {
  Alert,
  ColorSwatch,
  Anchor,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { IconFileSpreadsheet, IconFileTypePdf } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  LEVELS,
  queryString,
  useRecognitionReport,
  type RecipientKind,
  type RecognitionLevel,
  type ReportFilters,
} from '../../api/awards';
import { downloadFile } from '../../api/commendation';
import { api, call } from '../../api/client';
import { directoryKeys } from '../../api/directory';
import { flattenTree, useOrganisationTree } from '../../api/organisations';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { useMovements } from '../../lib/movements';
import { NO_PERIOD, PeriodFields, type PeriodValue } from '../proposals/period-fields';
import { ApiError } from '../../api/problem';
import { describeViolation } from '../../api/violations';
import { QueryState, PageHeader } from '../../components/page';
import { ScrollHintContainer } from '../../components/scroll-hint-container';
import {
  fileSlug,
  formatCount,
  fillYears,
  formatShare,
  periodSlug,
  yearChartData,
  yearOptions,
} from '../../lib/reports';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

const LEVEL_COLORS: Record<RecognitionLevel, string> = {
  BASE: 'teal.6',
  BLOC: 'blue.6',
  DISTRICT: 'violet.6',
  PROVINCE: 'orange.6',
  CENTRAL: 'red.7',
};

function CountTable({
  label,
  header,
  rows,
  total,
}: {
  label: string;
  header: string;
  rows: { label: string; count: number }[];
  total: number;
}) {
  const { t } = useTranslation();
  if (rows.length === 0) return <Text c="dimmed">{t('reports.none')}</Text>;
  return (
    <DataTable
      minWidth={360}
      aria-label={label}
      rows={rows}
      rowKey={(r) => r.label}
      columns={[
        { header, cell: (r) => r.label },
        { header: t('reports.count'), align: 'right', cell: (r) => formatCount(r.count) },
        {
          header: t('reports.share'),
          align: 'right',
          td: { style: { whiteSpace: 'nowrap' } },
          cell: (r) => formatShare(r.count, total),
        },
      ]}
    />
  );
}

function Stat({ label, value }: { label: string; value: number }) {
  return (
    <Card withBorder padding="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>
        {label}
      </Text>
      <Text fz={28} fw={700} lh={1.2}>
        {formatCount(value)}
      </Text>
    </Card>
  );
}

/** Báo cáo thống kê khen thưởng: by year, level, collective or individual, field and movement. */
export function ReportsPage() {
  const { t, i18n } = useTranslation();
  const thisYear = new Date().getUTCFullYear();
  const [filters, setFilters] = useState<ReportFilters>({
    yearFrom: thisYear - 2,
    yearTo: thisYear,
  });
  const [period, setPeriod] = useState<PeriodValue>(NO_PERIOD);
  const [exporting, setExporting] = useState<'xlsx' | 'pdf' | null>(null);
  const choices = useOrganisationChoices();
  // An exact period replaces the range of years (the API takes one or the other).
  const query: ReportFilters = period.kind
    ? {
        ...filters,
        yearFrom: undefined,
        yearTo: undefined,
        periodKind: period.kind,
        year: period.year ?? undefined,
        quarter: period.kind === 'QUARTER' ? (period.quarter ?? undefined) : undefined,
        startYear: period.kind === 'PHASE' ? (period.startYear ?? undefined) : undefined,
      }
    : filters;
  const report = useRecognitionReport(query);
  const movements = useMovements();
  const r = report.data;
  const set = (patch: Partial<ReportFilters>) => setFilters((f) => ({ ...f, ...patch }));

  // A period the API refuses (yearTo before yearFrom) is shown next to the field it names.
  const violations = report.error instanceof ApiError ? report.error.errors : [];
  const fieldError = (field: string) => {
    const v = violations.find((e) => e.field === field);
    return v ? describeViolation(v, t, i18n.language) : undefined;
  };
  const otherError = violations.length > 0 ? null : report.error;

  const levelName = (l: string) => t(`level.${l as RecognitionLevel}`);
  const exportAs = async (format: 'xlsx' | 'pdf') => {
    setExporting(format);
    try {
      const scope = r?.organisation ? `${fileSlug(r.organisation.code)}-` : '';
      const when = period.kind
        ? fileSlug(r?.filters.period?.label.vi ?? String(period.year ?? ''))
        : periodSlug(filters.yearFrom, filters.yearTo);
      await downloadFile(
        `/reports/recognitions${queryString({ ...query, format })}`,
        `bao-cao-khen-thuong-${scope}${when}.${format}`,
      );
    } finally {
      setExporting(null);
    }
  };
  const years = yearOptions();
  const collective = r?.kinds.find((k) => k.key === 'COLLECTIVE')?.count ?? 0;
  const individual = r?.kinds.find((k) => k.key === 'INDIVIDUAL')?.count ?? 0;
  const kindSlices = [
    { name: t('reports.collective'), value: collective, color: 'blue.6' },
    { name: t('reports.individual'), value: individual, color: 'orange.6' },
  ];
  const models = r?.recipientKinds.find((k) => k.key === 'INITIATIVE')?.count ?? 0;

  return (
    <>
      <PageHeader
        title={t('reports.title')}
        description={t('reports.description')}
        actions={
          <>
            <Button
              variant="light"
              leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
              loading={exporting === 'xlsx'}
              disabled={!r}
              onClick={() => void exportAs('xlsx')}
            >
              {t('reports.exportXlsx')}
            </Button>
            <Button
              variant="light"
              leftSection={<IconFileTypePdf size={16} aria-hidden />}
              loading={exporting === 'pdf'}
              disabled={!r}
              onClick={() => void exportAs('pdf')}
            >
              {t('reports.exportPdf')}
            </Button>
          </>
        }
      />
      <Group align="flex-start" gap="sm" mb="sm">
        <Select
          label={t('reportScope.organisation')}
          placeholder={
            choices.isAdmin ? t('reportScope.everyOrganisation') : t('reportScope.ownOrganisation')
          }
          data={choices.options}
          value={filters.organisationId ?? null}
          onChange={(v) => set({ organisationId: v ?? undefined })}
          searchable
          clearable
          nothingFoundMessage={t('common.nothingFound')}
          w={360}
          error={fieldError('organisationId')}
        />
        <Select
          label={t('reports.movement')}
          placeholder={t('reportScope.allMovements')}
          data={movements.map((m) => ({ value: m.code, label: `${m.code} – ${m.name}` }))}
          value={filters.movementCode ?? null}
          onChange={(v) => set({ movementCode: v ?? undefined })}
          searchable
          clearable
          w={320}
          error={fieldError('movementCode')}
        />
        <PeriodFields
          value={period}
          onChange={setPeriod}
          optional
          errors={{
            kind: fieldError('periodKind'),
            year: fieldError('year'),
            quarter: fieldError('quarter'),
            startYear: fieldError('startYear'),
          }}
        />
      </Group>
      <Group align="flex-start" gap="sm" mb="md">
        {period.kind ? null : (
          <>
            <Select
              label={t('reports.yearFrom')}
              placeholder={t('awards.allYears')}
              data={years}
              value={filters.yearFrom ? String(filters.yearFrom) : null}
              onChange={(v) => set({ yearFrom: v ? Number(v) : undefined })}
              clearable
              w={140}
              error={fieldError('yearFrom')}
            />
            <Select
              label={t('reports.yearTo')}
              placeholder={t('awards.allYears')}
              data={years}
              value={filters.yearTo ? String(filters.yearTo) : null}
              onChange={(v) => set({ yearTo: v ? Number(v) : undefined })}
              clearable
              w={180}
              error={fieldError('yearTo')}
            />
          </>
        )}
        <Select
          label={t('reports.level')}
          placeholder={t('reports.allLevels')}
          data={LEVELS.map((l) => ({ value: l, label: levelName(l) }))}
          value={filters.level ?? null}
          onChange={(v) => set({ level: v ?? undefined })}
          clearable
          w={200}
        />
        <Select
          label={t('awards.kind')}
          placeholder={t('awards.allKinds')}
          data={(['UNIT', 'PERSON', 'INITIATIVE'] as const).map((k) => ({
            value: k,
            label: t(`awardKind.${k}`),
          }))}
          value={filters.recipientKind ?? null}
          onChange={(v) => set({ recipientKind: v ?? undefined })}
          clearable
          w={240}
        />
      </Group>
      <QueryState isLoading={report.isLoading} error={otherError}>
        {r && violations.length === 0 ? (
          <Stack gap="lg">
            <Text size="sm" data-testid="report-scope">
              {r.organisation
                ? t('reportScope.of', { name: r.organisation.name })
                : t('reportScope.ofEvery')}
              {r.addressedTo
                ? ` ${t('reportScope.addressedTo', { name: r.addressedTo.name })}`
                : ''}
            </Text>
            <SimpleGrid cols={{ base: 2, md: 4 }}>
              <Stat label={t('reports.total')} value={r.total} />
              <Stat label={t('reports.collective')} value={collective} />
              <Stat label={t('reports.individual')} value={individual} />
              <Stat label={t('reports.models')} value={models} />
            </SimpleGrid>
            <SectionCard title={t('reportScope.byChild')}>
              <ChildTotals report={r} onOpen={(organisationId) => set({ organisationId })} />
            </SectionCard>
            {r.total === 0 ? (
              <Alert color="gray" variant="light">
                {t('reports.empty')}
              </Alert>
            ) : (
              <>
                <SectionCard title={t('reports.byYear')}>
                  <div role="img" aria-label={t('reports.byYearChart')}>
                    <BarChart
                      h={280}
                      data={yearChartData(fillYears(r.byYear, r.yearFrom, r.yearTo), levelName)}
                      maxBarWidth={72}
                      yAxisProps={{ allowDecimals: false }}
                      dataKey="year"
                      type="stacked"
                      withLegend
                      legendProps={{ verticalAlign: 'bottom' }}
                      valueFormatter={formatCount}
                      series={LEVELS.map((l) => ({ name: levelName(l), color: LEVEL_COLORS[l] }))}
                    />
                  </div>
                  <CountTable
                    label={t('reports.byYear')}
                    header={t('awards.year')}
                    rows={r.byYear.map((y) => ({ label: String(y.year), count: y.total }))}
                    total={r.total}
                  />
                </SectionCard>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <SectionCard title={t('reports.byLevel')}>
                    <div role="img" aria-label={t('reports.byLevelChart')}>
                      <BarChart
                        h={220}
                        // Each bar its level's own series: the same colour per level as the
                        // chart by year.
                        data={r.levels.map((l) => ({
                          level: levelName(l.key ?? ''),
                          [levelName(l.key ?? '')]: l.count,
                        }))}
                        dataKey="level"
                        type="stacked"
                        maxBarWidth={56}
                        yAxisProps={{ allowDecimals: false }}
                        valueFormatter={formatCount}
                        series={LEVELS.map((l) => ({ name: levelName(l), color: LEVEL_COLORS[l] }))}
                      />
                    </div>
                    <CountTable
                      label={t('reports.byLevel')}
                      header={t('reports.level')}
                      rows={r.levels.map((l) => ({
                        label: levelName(l.key ?? ''),
                        count: l.count,
                      }))}
                      total={r.total}
                    />
                  </SectionCard>
                  <SectionCard title={t('reports.byKind')}>
                    <Text size="xs" c="dimmed" mb="xs">
                      {t('reports.kindHint')}
                    </Text>
                    <Group justify="center" role="img" aria-label={t('reports.byKindChart')}>
                      <DonutChart
                        withLabels
                        withLabelsLine
                        labelsType="value"
                        chartLabel={formatCount(r.total)}
                        valueFormatter={formatCount}
                        data={kindSlices}
                      />
                    </Group>
                    {/* The donut's legend: which colour is which, with its count. */}
                    <Group justify="center" gap="md" mt="xs" aria-hidden>
                      {kindSlices.map((k) => (
                        <Group gap={6} key={k.name} wrap="nowrap">
                          <ColorSwatch
                            color={`var(--mantine-color-${k.color.replace('.', '-')})`}
                            size={12}
                          />
                          <Text size="sm">
                            {k.name}: {formatCount(k.value)}
                          </Text>
                        </Group>
                      ))}
                    </Group>
                    <CountTable
                      label={t('reports.byKind')}
                      header={t('awards.kind')}
                      rows={r.recipientKinds.map((k) => ({
                        label: t(`awardKind.${(k.key ?? 'UNIT') as RecipientKind}`),
                        count: k.count,
                      }))}
                      total={r.total}
                    />
                  </SectionCard>
                </SimpleGrid>
                <SimpleGrid cols={{ base: 1, md: 2 }}>
                  <SectionCard title={t('reports.byField')}>
                    <CountTable
                      label={t('reports.byField')}
                      header={t('reports.field')}
                      rows={r.fields.map((f) => ({
                        label: f.key ?? t('reports.noField'),
                        count: f.count,
                      }))}
                      total={r.total}
                    />
                  </SectionCard>
                  <SectionCard title={t('reports.byMovement')}>
                    <CountTable
                      label={t('reports.byMovement')}
                      header={t('reports.movement')}
                      rows={r.movements.map((m) => ({
                        label: m.key ?? t('reports.noMovement'),
                        count: m.count,
                      }))}
                      total={r.total}
                    />
                  </SectionCard>
                </SimpleGrid>
                <SectionCard title={t('reports.detail')}>
                  <DataTable
                    minWidth={560}
                    aria-label={t('reports.detail')}
                    rows={r.rows}
                    rowKey={(row) => `${row.level}|${row.formCode}|${row.recipientKind}`}
                    columns={[
                      { header: t('reports.level'), cell: (row) => levelName(row.level) },
                      { header: t('nominations.form'), cell: (row) => row.formName },
                      {
                        header: t('awards.kind'),
                        cell: (row) => t(`awardKind.${row.recipientKind}`),
                      },
                      {
                        header: t('reports.count'),
                        align: 'right',
                        cell: (row) => formatCount(row.count),
                      },
                    ]}
                  />
                </SectionCard>
              </>
            )}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}

type Report = NonNullable<ReturnType<typeof useRecognitionReport>['data']>;

/** Per direct child organisation (its decisions and those beneath it), the organisation's own
 * decisions first; the sum is the report's total. A child opens its own report. */
function ChildTotals({ report, onOpen }: { report: Report; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const row = (totals: Report['totals']) => (
    <>
      <Table.Td ta="right">{formatCount(totals.collectives)}</Table.Td>
      <Table.Td ta="right">{formatCount(totals.individuals)}</Table.Td>
      <Table.Td ta="right">{formatCount(totals.models)}</Table.Td>
      <Table.Td ta="right" fw={600}>
        {formatCount(totals.total)}
      </Table.Td>
    </>
  );
  return (
    <ScrollHintContainer minWidth={560}>
      <Table striped aria-label={t('reportScope.byChild')} data-testid="report-children">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reportScope.organisationColumn')}</Table.Th>
            <Table.Th ta="right">{t('reports.collective')}</Table.Th>
            <Table.Th ta="right">{t('reports.individual')}</Table.Th>
            <Table.Th ta="right">{t('reports.models')}</Table.Th>
            <Table.Th ta="right">{t('reports.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              {report.organisation
                ? t('reportScope.own', { name: report.organisation.name })
                : t('reportScope.ownOfEvery')}
            </Table.Td>
            {row(report.own)}
          </Table.Tr>
          {report.children.map((c) => (
            <Table.Tr key={c.organisationId}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  size="sm"
                  onClick={() => onOpen(c.organisationId)}
                >
                  {c.name}
                </Anchor>
              </Table.Td>
              {row(c.totals)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('reportScope.sum')}</Table.Th>
            <Table.Th ta="right">{formatCount(report.totals.collectives)}</Table.Th>
            <Table.Th ta="right">{formatCount(report.totals.individuals)}</Table.Th>
            <Table.Th ta="right">{formatCount(report.totals.models)}</Table.Th>
            <Table.Th ta="right">{formatCount(report.totals.total)}</Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollHintContainer>
  );
}

/**
 * The organisations whose report the caller may ask for: every one for the administrator; else the
 * caller's own organisation and those beneath it, and the ones above it (their report then counts
 * only what they gave the caller's organisation).
 */
function useOrganisationChoices(): {
  isAdmin: boolean;
  options: { value: string; label: string }[];
} {
  const { t } = useTranslation();
  const me = useMe();
  const isAdmin = capabilitiesOf(me.data).isAdmin;
  // The directory is the administrators' own endpoint: asked for by them only.
  const units = useQuery({
    queryKey: directoryKeys.units,
    enabled: isAdmin,
    queryFn: () => call(api.GET('/admin/units')),
  });
  const tree = useOrganisationTree(isAdmin ? null : me.data?.unitId);
  const options = useMemo(() => {
    if (isAdmin) {
      return [...(units.data ?? [])]
        .sort((a, b) => a.code.localeCompare(b.code))
        .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` }));
    }
    if (!tree.data) return [];
    return [
      ...tree.data.ancestors.map((a) => ({
        value: a.id,
        label: t('reportScope.above', { name: a.name }),
      })),
      ...flattenTree(tree.data.root).map(({ node, depth }) => ({
        value: node.id,
        label: `${'· '.repeat(depth)}${node.name}`,
      })),
    ];
  }, [isAdmin, units.data, tree.data, t]);
  return { isAdmin, options };
}
