import { DateInput, type DateInputProps } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

const DD_MM_YYYY = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/;
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})\s*$/;

/** Reads a date typed the Vietnamese way (25/12/2026, 25.12.2026) or as 2026-12-25. */
export function parseVietnameseDate(value: string): string | null {
  const iso = ISO.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const m = DD_MM_YYYY.exec(value);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  )
    return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** A calendar date (`YYYY-MM-DD`, Vietnam's calendar), typed as DD/MM/YYYY or picked from a
 * calendar. */
export function DateField(props: DateInputProps) {
  const { t } = useTranslation();
  return (
    <DateInput
      valueFormat="DD/MM/YYYY"
      dateParser={parseVietnameseDate}
      placeholder={t('common.datePlaceholder')}
      leftSection={<IconCalendar size={16} aria-hidden />}
      leftSectionPointerEvents="none"
      popoverProps={{ withinPortal: true }}
      {...props}
    />
  );
}
