import {
  ActionIcon,
  Badge,
  Button,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
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
import { useApiMutation } from '../../lib/use-api-mutation';
import { PageHeader, QueryState } from '../../components/page';

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
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('units.title')} data-testid="units-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('units.code')}</Table.Th>
                  <Table.Th>{t('units.name')}</Table.Th>
                  <Table.Th>{t('units.kind')}</Table.Th>
                  <Table.Th>{t('units.headcount')}</Table.Th>
                  <Table.Th>{t('units.users')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      <Text size="sm" ff="monospace">
                        {u.code}
                      </Text>
                    </Table.Td>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td>
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
                    </Table.Td>
                    <Table.Td>{u.headcount ?? '—'}</Table.Td>
                    <Table.Td>{u.userCount}</Table.Td>
                    <Table.Td>
                      <Group justify="flex-end">
                        <ActionIcon
                          variant="subtle"
                          aria-label={t('units.edit', { code: u.code })}
                          onClick={() => setEditing(u)}
                        >
                          <IconPencil size={16} />
                        </ActionIcon>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
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
        <Select
          label={t('units.kind')}
          data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
          allowDeselect={false}
          {...form.getInputProps('kind')}
        />
        <Select
          label={t('units.level')}
          description={t('units.levelHint')}
          data={LEVELS.map((l) => ({ value: l, label: t(`unitLevel.${l}`) }))}
          clearable
          {...form.getInputProps('level')}
        />
        <NumberInput
          label={t('units.headcount')}
          description={t('units.headcountHint')}
          min={1}
          allowDecimal={false}
          {...form.getInputProps('headcount')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
