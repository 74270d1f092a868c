import {
  Badge,
  Button,
  Drawer,
  Group,
  Modal,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { commendationKeys, usePeople } from '../../api/commendation';
import {
  directoryKeys,
  LEVELS,
  useUsers,
  type RecognitionLevel,
  type Unit,
  type UnitKind,
} from '../../api/directory';
import { ORG_KINDS, type OrgKind } from '../../api/organisations';
import { QueryState } from '../../components/page';
import { FormActions } from '../../components/form-actions';
import { HeadcountInput, UnitKindSelect } from '../../components/unit-fields';
import { useApiMutation } from '../../lib/use-api-mutation';

/** The API's refusals of a placement, shown next to the parent they are about. */
const PLACEMENT_CODES = {
  OUTSIDE_SUBTREE: 'parentId',
  ORGANISATION_CYCLE: 'parentId',
};

interface CreateValues {
  code: string;
  name: string;
  kind: UnitKind;
  level: string | null;
  orgKind: string | null;
  headcount: number | string;
}

/** Thêm đơn vị trực thuộc: a new unit beneath `parent` (null: a top-level organisation). */
export function UnitCreateModal(props: {
  parent: Unit | null;
  opened: boolean;
  onClose: () => void;
  onCreated: (parentId: string | null) => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={
        props.parent ? t('orgTree.addChildTitle', { name: props.parent.name }) : t('orgTree.addTop')
      }
      centered
    >
      {props.opened ? (
        <UnitCreateForm
          key={props.parent?.id ?? 'top'}
          parent={props.parent}
          onDone={(created) => {
            if (created) props.onCreated(props.parent?.id ?? null);
            props.onClose();
          }}
        />
      ) : null}
    </Modal>
  );
}

function UnitCreateForm({
  parent,
  onDone,
}: {
  parent: Unit | null;
  onDone: (created: boolean) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<CreateValues>({
    mode: 'controlled',
    initialValues: {
      code: '',
      name: '',
      kind: 'MEMBER',
      // A child sits at its parent's level or below: the parent's level is the likely one.
      level: parent?.level ?? null,
      orgKind: null,
      headcount: '',
    },
    validate: {
      code: (v) => (v.trim() ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (v: CreateValues) =>
      call(
        api.POST('/admin/units', {
          body: {
            code: v.code.trim().toUpperCase(),
            name: v.name,
            kind: v.kind,
            level: (v.level || null) as RecognitionLevel | null,
            orgKind: (v.orgKind || null) as OrgKind | null,
            parentId: parent?.id ?? null,
            headcount: v.headcount === '' ? null : Number(v.headcount),
          },
        }),
      ),
    codeFields: { UNIT_CODE_TAKEN: 'code', ...PLACEMENT_CODES },
    successMessage: (u) => t('orgTree.created', { code: u.code }),
    invalidate: [directoryKeys.units, ['organisations']],
    onSuccess: () => onDone(true),
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {parent ? (
          <TextInput
            label={t('orgTree.parent')}
            value={`${parent.name} (${parent.code})`}
            readOnly
          />
        ) : null}
        <TextInput
          label={t('units.code')}
          description={t('units.codeHint')}
          data-autofocus
          {...form.getInputProps('code')}
        />
        <TextInput label={t('units.name')} {...form.getInputProps('name')} />
        <Select
          label={t('orgTree.level')}
          description={t('orgTree.levelHint')}
          data={LEVELS.map((l) => ({ value: l, label: t(`unitLevel.${l}`) }))}
          placeholder={t('orgTree.noLevel')}
          clearable
          {...form.getInputProps('level')}
        />
        <Select
          label={t('orgTree.orgKind')}
          data={ORG_KINDS.map((k) => ({ value: k, label: t(`orgKind.${k}`) }))}
          clearable
          {...form.getInputProps('orgKind')}
        />
        <UnitKindSelect {...form.getInputProps('kind')} />
        <HeadcountInput {...form.getInputProps('headcount')} />
        {form.errors['parentId'] ? (
          <Text size="sm" c="red.8" role="alert">
            {form.errors['parentId']}
          </Text>
        ) : null}
        <FormActions onCancel={() => onDone(false)} pending={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}

const TOP = '__top__';

/** Chuyển đơn vị: the unit and its whole subtree beneath another parent. The API refuses a parent
 * outside the caller's subtree (OUTSIDE_SUBTREE) or within the unit's own (ORGANISATION_CYCLE);
 * its message is shown under the parent picker. */
export function MoveUnitModal(props: {
  unit: Unit | null;
  units: Unit[];
  canMoveToTop: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={props.unit !== null}
      onClose={props.onClose}
      title={props.unit ? t('orgTree.moveTitle', { name: props.unit.name }) : ''}
      centered
    >
      {props.unit ? (
        <MoveUnitForm
          key={props.unit.id}
          unit={props.unit}
          units={props.units}
          canMoveToTop={props.canMoveToTop}
          onDone={props.onClose}
        />
      ) : null}
    </Modal>
  );
}

function MoveUnitForm({
  unit,
  units,
  canMoveToTop,
  onDone,
}: {
  unit: Unit;
  units: Unit[];
  canMoveToTop: boolean;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm<{ parentId: string | null }>({
    mode: 'controlled',
    initialValues: { parentId: null },
    validate: {
      parentId: (v) => (v ? null : t('common.required')),
    },
  });
  const byId = new Map(units.map((u) => [u.id, u]));
  const move = useApiMutation({
    form,
    mutationFn: (v: { parentId: string | null }) =>
      call(
        api.PATCH('/admin/units/{id}', {
          params: { path: { id: unit.id } },
          body: { parentId: v.parentId === TOP ? null : v.parentId },
        }),
      ),
    codeFields: PLACEMENT_CODES,
    successMessage: (u) =>
      t('orgTree.moved', {
        code: u.code,
        parent: u.parentId ? (byId.get(u.parentId)?.name ?? '') : t('orgTree.topLevel'),
      }),
    invalidate: [directoryKeys.units, ['organisations']],
    onSuccess: onDone,
  });
  // Every other unit is offered: the API, not the page, decides which placements are allowed.
  const choices = [
    ...(canMoveToTop ? [{ value: TOP, label: t('orgTree.topLevel') }] : []),
    ...units
      .filter((u) => u.id !== unit.id && u.id !== unit.parentId)
      .sort((a, b) => a.code.localeCompare(b.code))
      .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` })),
  ];
  const current = unit.parentId ? byId.get(unit.parentId) : undefined;

  return (
    <form onSubmit={form.onSubmit((v) => move.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          {t('orgTree.currentParent', {
            name: current ? `${current.name} (${current.code})` : t('orgTree.topLevel'),
          })}
        </Text>
        <Text size="sm" c="dimmed">
          {t('orgTree.moveHint')}
        </Text>
        <Select
          label={t('orgTree.newParent')}
          data={choices}
          searchable
          data-autofocus
          nothingFoundMessage={t('common.nothingFound')}
          {...form.getInputProps('parentId')}
        />
        <Group justify="flex-end" mt="sm">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={move.isPending}>
            {t('orgTree.moveSubmit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** A titled list of the unit's details dialog: its rows once read, or a line saying there are none. */
function ListSection<T>(props: {
  id: string;
  title: string;
  query: { isLoading: boolean; error: Error | null; data?: T[] };
  empty: string;
  children: (rows: T[]) => ReactNode;
  /** Shown under the list (a form to add to it). */
  after?: ReactNode;
}) {
  const rows = props.query.data ?? [];
  return (
    <section aria-labelledby={props.id}>
      <Title order={2} size="h4" id={props.id} mb="xs">
        {props.title}
      </Title>
      <QueryState isLoading={props.query.isLoading} error={props.query.error}>
        {rows.length === 0 ? (
          <Text size="sm" c="dimmed">
            {props.empty}
          </Text>
        ) : (
          props.children(rows)
        )}
      </QueryState>
      {props.after}
    </section>
  );
}

/** A unit's accounts and people (cán bộ, đảng viên), from the tree. */
export function UnitMembersDrawer({ unit, onClose }: { unit: Unit | null; onClose: () => void }) {
  const { t } = useTranslation();
  return (
    <Drawer
      opened={unit !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={unit ? t('orgTree.members', { code: unit.code }) : ''}
    >
      {unit ? <UnitMembers unit={unit} /> : null}
    </Drawer>
  );
}

function UnitMembers({ unit }: { unit: Unit }) {
  const { t } = useTranslation();
  const users = useUsers({ unitId: unit.id });
  const people = usePeople(unit.id);
  return (
    <Stack gap="lg">
      <Text size="sm">
        {unit.name}{' '}
        <Text span ff="monospace" size="xs" c="dimmed">
          {unit.code}
        </Text>
      </Text>
      <ListSection
        id="org-users"
        title={t('orgTree.users')}
        query={users}
        empty={t('orgTree.noUsers')}
      >
        {(rows) => (
          <Table striped aria-label={t('orgTree.users')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgTree.username')}</Table.Th>
                <Table.Th>{t('orgTree.fullName')}</Table.Th>
                <Table.Th>{t('orgTree.roles')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Td ff="monospace" style={{ whiteSpace: 'nowrap' }}>
                    {u.username}
                  </Table.Td>
                  <Table.Td>{u.fullName}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {u.roles.map((r) => (
                        <Badge key={r} variant="light" tt="none" size="sm">
                          {t(`role.${r}`)}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListSection>
      <ListSection
        id="org-people"
        title={t('orgTree.people')}
        query={people}
        empty={t('orgTree.noPeople')}
        after={<AddPersonForm unitId={unit.id} />}
      >
        {(rows) => (
          <Table striped aria-label={t('orgTree.people')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('orgTree.fullName')}</Table.Th>
                <Table.Th>{t('orgTree.position')}</Table.Th>
                <Table.Th>{t('orgTree.birthYear')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.fullName}</Table.Td>
                  <Table.Td>{p.position ?? '—'}</Table.Td>
                  <Table.Td>{p.birthYear ?? '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </ListSection>
    </Stack>
  );
}

interface PersonValues {
  fullName: string;
  position: string;
  birthYear: number | string;
}

/** Thêm cá nhân: a person of the unit (a future individual nominee), audited by the API. */
function AddPersonForm({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const form = useForm<PersonValues>({
    mode: 'controlled',
    initialValues: { fullName: '', position: '', birthYear: '' },
    validate: {
      fullName: (v) => (v.trim().length >= 2 ? null : t('people.fullNameRequired')),
    },
  });
  const add = useApiMutation({
    form,
    mutationFn: (v: PersonValues) =>
      call(
        api.POST('/units/{unitId}/people', {
          params: { path: { unitId } },
          body: {
            fullName: v.fullName.trim(),
            ...(v.position.trim() ? { position: v.position.trim() } : {}),
            ...(v.birthYear !== '' ? { birthYear: Number(v.birthYear) } : {}),
          },
        }),
      ),
    successMessage: (p) => t('people.added', { name: p.fullName }),
    invalidate: [commendationKeys.people(unitId)],
    onSuccess: () => form.reset(),
  });
  return (
    <form
      aria-labelledby="org-add-person"
      onSubmit={form.onSubmit((v) => add.mutate(v))}
      style={{ marginTop: 'var(--mantine-spacing-md)' }}
    >
      <Title order={3} size="h5" id="org-add-person" mb="xs">
        {t('people.addTitle')}
      </Title>
      <Stack gap="xs">
        <TextInput
          label={t('orgTree.fullName')}
          required
          maxLength={120}
          {...form.getInputProps('fullName')}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('orgTree.position')}
            maxLength={200}
            {...form.getInputProps('position')}
          />
          <NumberInput
            label={t('orgTree.birthYear')}
            min={1900}
            max={2100}
            allowDecimal={false}
            {...form.getInputProps('birthYear')}
          />
        </Group>
        <FormActions pending={add.isPending} submitLabel={t('people.add')} />
      </Stack>
    </form>
  );
}
