import { Group, Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PERIOD_KINDS, type PeriodKind } from '../../api/organisations';
import { yearOptions } from '../../lib/reports';

/** A period being chosen: a year, a quarter of a year, or a multi-year phase. */
export interface PeriodValue {
  kind: PeriodKind | null;
  year: number | null;
  quarter: number | null;
  startYear: number | null;
}

export const NO_PERIOD: PeriodValue = { kind: null, year: null, quarter: null, startYear: null };

const QUARTERS = ['1', '2', '3', '4'];

/** Kỳ: its kind, its (last) year, and the quarter or the phase's first year it needs. */
export function PeriodFields(props: {
  value: PeriodValue;
  onChange: (value: PeriodValue) => void;
  /** Without a kind the period is left open (a report of every period). */
  optional?: boolean;
  errors?: Partial<Record<'kind' | 'year' | 'quarter' | 'startYear', string | undefined>>;
}) {
  const { t } = useTranslation();
  const { value, onChange } = props;
  const years = yearOptions();
  const set = (patch: Partial<PeriodValue>) => onChange({ ...value, ...patch });
  return (
    <Group gap="sm" align="flex-start" wrap="wrap">
      <Select
        label={t('periodFields.kind')}
        placeholder={props.optional ? t('periodFields.any') : undefined}
        data={PERIOD_KINDS.map((k) => ({ value: k, label: t(`periodKind.${k}`) }))}
        value={value.kind}
        onChange={(v) =>
          set({
            kind: v ?? null,
            quarter: v === 'QUARTER' ? (value.quarter ?? 1) : null,
            startYear: v === 'PHASE' ? (value.startYear ?? (value.year ?? 0) - 2) : null,
            year: v ? (value.year ?? new Date().getUTCFullYear()) : value.year,
          })
        }
        clearable={props.optional}
        allowDeselect={props.optional}
        w={150}
        error={props.errors?.kind}
      />
      {value.kind === 'PHASE' ? (
        <Select
          label={t('periodFields.startYear')}
          data={years}
          value={value.startYear ? String(value.startYear) : null}
          onChange={(v) => set({ startYear: v ? Number(v) : null })}
          w={130}
          error={props.errors?.startYear}
        />
      ) : null}
      {value.kind ? (
        <Select
          label={value.kind === 'PHASE' ? t('periodFields.endYear') : t('periodFields.year')}
          data={years}
          value={value.year ? String(value.year) : null}
          onChange={(v) => set({ year: v ? Number(v) : null })}
          allowDeselect={false}
          w={130}
          error={props.errors?.year}
        />
      ) : null}
      {value.kind === 'QUARTER' ? (
        <Select
          label={t('periodFields.quarter')}
          data={QUARTERS.map((q) => ({ value: q, label: t('periodFields.quarterOf', { n: q }) }))}
          value={value.quarter ? String(value.quarter) : null}
          onChange={(v) => set({ quarter: v ? Number(v) : null })}
          allowDeselect={false}
          w={120}
          error={props.errors?.quarter}
        />
      ) : null}
    </Group>
  );
}
