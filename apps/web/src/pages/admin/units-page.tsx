import {
  Badge,
  Button,
  Group,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import {
  directoryKeys,
  LEVELS,
  UNIT_KINDS,
  useUnits,
  type RecognitionLevel,
  type Unit,
  type UnitKind,
} from '../../api/directory';
import { HeadcountInput, UnitKindSelect } from '../../components/unit-fields';
import { useApiMutation } from '../../lib/use-api-mutation';
import { PageHeader, QueryState } from '../../components/page';
import { FormActions } from '../../components/form-actions';
import { CodeText, DataTable } from '../../components/data-table';
import { EditAction } from '../../components/row-actions';

interface UnitValues {
  code: string;
  name: string;
  kind: UnitKind;
  level: string | null;
  headcount: number | string;
}

const EMPTY: UnitValues = { code: '', name: '', kind: 'MEMBER', level: null, headcount: '' };

/** Units taking part in movements and the authorities that decide awards. */
export function UnitsPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<'ALL' | UnitKind>('ALL');
  // null: closed; 'new': creating; a unit: editing it
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  const needle = search.trim().toLocaleLowerCase('vi');
  const shown = (units.data ?? []).filter(
    (u) =>
      (kind === 'ALL' || u.kind === kind) &&
      (!needle ||
        u.code.toLocaleLowerCase('vi').includes(needle) ||
        u.name.toLocaleLowerCase('vi').includes(needle)),
  );

  return (
    <>
      <PageHeader
        title={t('units.title')}
        description={t('units.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('units.create')}
          </Button>
        }
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('units.search')}
            placeholder={t('units.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            style={{ flex: '1 1 260px' }}
          />
          <SegmentedControl
            aria-label={t('units.kind')}
            value={kind}
            onChange={setKind}
            data={[
              { value: 'ALL', label: t('units.allKinds') },
              ...UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) })),
            ]}
          />
        </Group>
        <QueryState isLoading={units.isLoading} error={units.error}>
          <Text size="sm" c="dimmed">
            {t('units.count', { count: shown.length })}
          </Text>
          <DataTable
            minWidth={640}
            aria-label={t('units.title')}
            data-testid="units-table"
            rows={shown}
            columns={[
              {
                header: t('units.code'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (u) => <CodeText>{u.code}</CodeText>,
              },
              { header: t('units.name'), cell: (u) => u.name },
              {
                header: t('units.kind'),
                cell: (u) => (
                  <>
                    <Badge
                      variant="light"
                      tt="none"
                      color={u.kind === 'AUTHORITY' ? 'grape' : 'blue'}
                    >
                      {t(`unitKind.${u.kind}`)}
                    </Badge>
                    {u.level ? (
                      <Text size="xs" c="dimmed">
                        {t(`unitLevel.${u.level}`)}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              { header: t('units.headcount'), cell: (u) => u.headcount ?? '—' },
              { header: t('units.users'), cell: (u) => u.userCount },
              {
                cell: (u) => (
                  <Group justify="flex-end">
                    <EditAction
                      label={t('units.edit', { code: u.code })}
                      onClick={() => setEditing(u)}
                    />
                  </Group>
                ),
              },
            ]}
          />
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('common.nothingFound')}
            </Text>
          ) : null}
        </QueryState>
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('units.create') : t('units.editTitle')}
        centered
      >
        {editing !== null ? (
          <UnitForm
            key={editing === 'new' ? 'new' : editing.id}
            unit={editing === 'new' ? null : editing}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}

function UnitForm({ unit, onDone }: { unit: Unit | null; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<UnitValues>({
    mode: 'controlled',
    initialValues: unit
      ? {
          code: unit.code,
          name: unit.name,
          kind: unit.kind,
          level: unit.level,
          headcount: unit.headcount ?? '',
        }
      : EMPTY,
    validate: {
      code: (v) => (v.trim() ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (v: UnitValues) => {
      const fields = {
        name: v.name,
        kind: v.kind,
        level: (v.level || null) as RecognitionLevel | null,
        headcount: v.headcount === '' ? null : Number(v.headcount),
      };
      return unit
        ? call(api.PATCH('/admin/units/{id}', { params: { path: { id: unit.id } }, body: fields }))
        : call(
            api.POST('/admin/units', {
              body: { ...fields, code: v.code.trim().toUpperCase() },
            }),
          );
    },
    codeFields: { UNIT_CODE_TAKEN: 'code' },
    successMessage: (u) => t('units.saved', { code: u.code }),
    invalidate: [directoryKeys.units],
    onSuccess: onDone,
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('units.code')}
          description={unit ? t('units.codeFixed') : t('units.codeHint')}
          disabled={!!unit}
          data-autofocus={!unit || undefined}
          {...form.getInputProps('code')}
        />
        <TextInput
          label={t('units.name')}
          data-autofocus={unit ? true : undefined}
          {...form.getInputProps('name')}
        />
        <UnitKindSelect {...form.getInputProps('kind')} />
        <Select
          label={t('units.level')}
          description={t('units.levelHint')}
          data={LEVELS.map((l) => ({ value: l, label: t(`unitLevel.${l}`) }))}
          clearable
          {...form.getInputProps('level')}
        />
        <HeadcountInput {...form.getInputProps('headcount')} />
        <FormActions onCancel={onDone} pending={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}
