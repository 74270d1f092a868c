import { Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { keys, useHolidays } from '../../api/queries';
import type { Holiday } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { DateField } from '../../components/date-field';
import { PageHeader, QueryState } from '../../components/page';
import { currentLocale } from '../../i18n/i18n';
import { formatDate, todayInVietnam, weekdayOf } from '../../lib/dates';
import { DataTable } from '../../components/data-table';
import { DeleteAction, EditAction } from '../../components/row-actions';
import { SectionCard } from '../../components/section-card';
import { ConfirmActions } from '../../components/form-actions';

interface HolidayValues {
  date: string | null;
  name: string;
}

export function HolidaysPage() {
  const { t } = useTranslation();
  const holidays = useHolidays();
  const thisYear = todayInVietnam().slice(0, 4);
  const [year, setYear] = useState(thisYear);
  const [deleting, setDeleting] = useState<Holiday | null>(null);
  const years = [
    ...new Set([thisYear, ...(holidays.data ?? []).map((h) => h.date.slice(0, 4))]),
  ].sort();
  const shown = (holidays.data ?? []).filter((h) => h.date.startsWith(year));

  const form = useForm<HolidayValues>({
    mode: 'controlled',
    initialValues: { date: null, name: '' },
    validate: {
      date: (v) => (v ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (values: HolidayValues) =>
      call(
        api.PUT('/holidays/{date}', {
          params: { path: { date: values.date ?? '' } },
          body: { name: values.name },
        }),
      ),
    successMessage: (h) => t('holidays.saved', { date: formatDate(h.date) }),
    invalidate: [keys.holidays],
    onSuccess: (h) => {
      setYear(h.date.slice(0, 4));
      form.reset();
    },
  });
  const remove = useApiMutation({
    mutationFn: (date: string) =>
      call(api.DELETE('/holidays/{date}', { params: { path: { date } } })),
    successMessage: t('holidays.deleted'),
    invalidate: [keys.holidays],
    onSuccess: () => setDeleting(null),
  });

  return (
    <>
      <PageHeader title={t('holidays.title')} description={t('holidays.description')} />
      <Stack gap="lg">
        <SectionCard title={t('holidays.addTitle')}>
          <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <DateField label={t('holidays.date')} w={180} {...form.getInputProps('date')} />
              <TextInput
                label={t('holidays.name')}
                style={{ flex: '1 1 240px' }}
                {...form.getInputProps('name')}
              />
              <Button type="submit" mt={25} loading={save.isPending}>
                {t('common.save')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" mt={6}>
              {t('holidays.addHint')}
            </Text>
          </form>
        </SectionCard>
        <QueryState isLoading={holidays.isLoading} error={holidays.error}>
          <Group justify="space-between">
            <Select
              label={t('holidays.year')}
              data={years}
              value={year}
              onChange={(v) => v && setYear(v)}
              allowDeselect={false}
              w={140}
            />
            <Text size="sm" c="dimmed">
              {t('holidays.count', { count: shown.length })}
            </Text>
          </Group>
          <DataTable
            minWidth={480}
            aria-label={t('holidays.title')}
            data-testid="holidays-table"
            rows={shown}
            rowKey={(h) => h.date}
            columns={[
              {
                header: t('holidays.date'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (h) => formatDate(h.date),
              },
              { header: t('holidays.weekday'), cell: (h) => weekdayOf(h.date, currentLocale()) },
              { header: t('holidays.name'), cell: (h) => h.name },
              {
                cell: (h) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <EditAction
                      label={t('holidays.edit', { date: formatDate(h.date) })}
                      onClick={() => form.setValues({ date: h.date, name: h.name })}
                    />
                    <DeleteAction
                      label={t('holidays.delete', { date: formatDate(h.date) })}
                      onClick={() => setDeleting(h)}
                    />
                  </Group>
                ),
              },
            ]}
          />
        </QueryState>
      </Stack>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('holidays.deleteTitle')}
        centered
      >
        <Stack>
          <Text size="sm">
            {deleting
              ? t('holidays.deleteText', { date: formatDate(deleting.date), name: deleting.name })
              : ''}
          </Text>
          <ConfirmActions
            onCancel={() => setDeleting(null)}
            onConfirm={() => deleting && remove.mutate(deleting.date)}
            confirmLabel={t('common.delete')}
            pending={remove.isPending}
            color="red"
          />
        </Stack>
      </Modal>
    </>
  );
}
