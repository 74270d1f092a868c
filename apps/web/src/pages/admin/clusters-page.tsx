import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconArrowDown, IconArrowUp, IconLock, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import {
  CLUSTER_ROLES,
  directoryKeys,
  useClusters,
  useMemberships,
  useUnits,
  type Cluster,
  type ClusterMemberships,
  type ClusterRole,
} from '../../api/directory';
import { keys } from '../../api/queries';
import { useApiMutation } from '../../lib/use-api-mutation';
import { CodeText, DataTable } from '../../components/data-table';
import { PageHeader, QueryState } from '../../components/page';
import { DeleteAction, EditAction, IconAction } from '../../components/row-actions';
import { todayInVietnam } from '../../lib/dates';
import { FormActions } from '../../components/form-actions';

interface ClusterValues {
  code: string;
  name: string;
  organizer: string;
}

interface MemberRow {
  unitId: string;
  role: ClusterRole;
}

/** Clusters (cụm, khối thi đua) and their members of each year; head and deputy rotate yearly. */
export function ClustersPage() {
  const { t } = useTranslation();
  const clusters = useClusters();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [editing, setEditing] = useState<Cluster | 'new' | null>(null);
  const selected = clusters.data?.find((c) => c.id === selectedId) ?? null;

  return (
    <>
      <PageHeader
        title={t('clusters.title')}
        description={t('clusters.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            {t('clusters.create')}
          </Button>
        }
      />
      <Stack gap="lg">
        <QueryState isLoading={clusters.isLoading} error={clusters.error}>
          <DataTable
            minWidth={560}
            highlightOnHover
            aria-label={t('clusters.title')}
            data-testid="clusters-table"
            rows={clusters.data ?? []}
            rowProps={(c) => ({
              bg: c.id === selectedId ? 'var(--mantine-primary-color-light)' : undefined,
            })}
            columns={[
              {
                header: t('clusters.code'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (c) => <CodeText>{c.code}</CodeText>,
              },
              {
                header: t('clusters.name'),
                cell: (c) => (
                  <>
                    {c.name}
                    {c.organizer ? (
                      <Text size="xs" c="dimmed">
                        {c.organizer}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              {
                header: t('clusters.years'),
                cell: (c) => (c.years.length ? c.years.join(', ') : '—'),
              },
              {
                cell: (c) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Button
                      size="xs"
                      variant={c.id === selectedId ? 'filled' : 'light'}
                      onClick={() => setSelectedId(c.id)}
                    >
                      {t('clusters.members')}
                    </Button>
                    <EditAction
                      label={t('clusters.edit', { code: c.code })}
                      onClick={() => setEditing(c)}
                    />
                  </Group>
                ),
              },
            ]}
          />
        </QueryState>
        {selected ? (
          <MembershipEditor key={selected.id} cluster={selected} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('clusters.pick')}
          </Text>
        )}
      </Stack>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? t('clusters.create') : t('clusters.editTitle')}
        centered
      >
        {editing !== null ? (
          <ClusterForm
            cluster={editing === 'new' ? null : editing}
            onDone={(c) => {
              setEditing(null);
              if (c) setSelectedId(c.id);
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function ClusterForm({
  cluster,
  onDone,
}: {
  cluster: Cluster | null;
  onDone: (saved: Cluster | null) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<ClusterValues>({
    mode: 'controlled',
    initialValues: {
      code: cluster?.code ?? '',
      name: cluster?.name ?? '',
      organizer: cluster?.organizer ?? '',
    },
    validate: {
      code: (v) => (v.trim() ? null : t('common.required')),
      name: (v) => (v.trim() ? null : t('common.required')),
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (v: ClusterValues) => {
      const fields = { name: v.name, organizer: v.organizer.trim() || null };
      return cluster
        ? call(
            api.PATCH('/admin/clusters/{id}', {
              params: { path: { id: cluster.id } },
              body: fields,
            }),
          )
        : call(
            api.POST('/admin/clusters', { body: { ...fields, code: v.code.trim().toUpperCase() } }),
          );
    },
    codeFields: { CLUSTER_CODE_TAKEN: 'code' },
    successMessage: (c) => t('clusters.saved', { code: c.code }),
    invalidate: [directoryKeys.clusters, keys.cycles],
    onSuccess: (c) => onDone(c),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('clusters.code')}
          description={cluster ? t('clusters.codeFixed') : t('units.codeHint')}
          disabled={!!cluster}
          {...form.getInputProps('code')}
        />
        <TextInput label={t('clusters.name')} {...form.getInputProps('name')} />
        <TextInput label={t('clusters.organizer')} {...form.getInputProps('organizer')} />
        <FormActions onCancel={() => onDone(null)} pending={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}

function MembershipEditor({ cluster }: { cluster: Cluster }) {
  const { t } = useTranslation();
  const thisYear = Number(todayInVietnam().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const memberships = useMemberships(cluster.id, year);
  const years = [...new Set([thisYear - 1, thisYear, thisYear + 1, ...cluster.years])].sort(
    (a, b) => b - a,
  );

  return (
    <Card withBorder padding="md" data-testid="membership-editor">
      <Group justify="space-between" align="flex-end" mb="sm" wrap="wrap">
        <div>
          <Title order={2} size="h4">
            {t('clusters.membersTitle', { name: cluster.name })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('clusters.membersHint')}
          </Text>
        </div>
        <Select
          label={t('clusters.year')}
          data={years.map(String)}
          value={String(year)}
          onChange={(v) => v && setYear(Number(v))}
          allowDeselect={false}
          w={120}
        />
      </Group>
      <QueryState isLoading={memberships.isLoading} error={memberships.error}>
        {memberships.data ? (
          <MemberList key={`${year}-${memberships.dataUpdatedAt}`} data={memberships.data} />
        ) : null}
      </QueryState>
    </Card>
  );
}

function MemberList({ data }: { data: ClusterMemberships }) {
  const { t } = useTranslation();
  const units = useUnits();
  const frozen = data.frozenBy !== null;
  const form = useForm<{ members: MemberRow[] }>({
    mode: 'controlled',
    initialValues: { members: data.members.map(({ unitId, role }) => ({ unitId, role })) },
    validate: {
      members: {
        unitId: (v) => (v ? null : t('common.required')),
      },
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (v: { members: MemberRow[] }) =>
      call(
        api.PUT('/admin/clusters/{id}/memberships/{year}', {
          params: { path: { id: data.clusterId, year: data.year } },
          body: { members: v.members.map((m, position) => ({ ...m, position })) },
        }),
      ),
    successMessage: t('clusters.membersSaved', { year: data.year }),
    invalidate: [directoryKeys.memberships(data.clusterId, data.year), directoryKeys.clusters],
  });
  const memberUnits = (units.data ?? []).filter((u) => u.kind === 'MEMBER');
  const chosen = new Set(form.getValues().members.map((m) => m.unitId));
  const rows = form.getValues().members;

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        {frozen ? (
          <Alert color="yellow" variant="light" icon={<IconLock size={18} aria-hidden />}>
            {t('clusters.frozen', { year: data.year, cycle: data.frozenBy })}
          </Alert>
        ) : null}
        <DataTable
          empty={t('clusters.noMembers', { year: data.year })}
          striped={false}
          minWidth={560}
          aria-label={t('clusters.membersTitle', { name: '' })}
          rows={rows}
          rowKey={(_, i) => form.key(`members.${i}`)}
          columns={[
            { header: '#', th: { w: 48 }, cell: (_, i) => i + 1 },
            {
              header: t('common.unit'),
              cell: (m, i) => (
                <Select
                  aria-label={t('clusters.unitOf', { n: i + 1 })}
                  searchable
                  disabled={frozen}
                  nothingFoundMessage={t('common.nothingFound')}
                  data={memberUnits
                    .filter((u) => u.id === m.unitId || !chosen.has(u.id))
                    .map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` }))}
                  {...form.getInputProps(`members.${i}.unitId`)}
                />
              ),
            },
            {
              header: t('clusters.role'),
              th: { w: 170 },
              cell: (_, i) => (
                <Select
                  aria-label={t('clusters.roleOf', { n: i + 1 })}
                  disabled={frozen}
                  allowDeselect={false}
                  data={CLUSTER_ROLES.map((r) => ({ value: r, label: t(`clusterRole.${r}`) }))}
                  {...form.getInputProps(`members.${i}.role`)}
                />
              ),
            },
            {
              th: { w: 120 },
              cell: (_, i) => (
                <Group gap={2} justify="flex-end" wrap="nowrap">
                  <IconAction
                    label={t('clusters.moveUp')}
                    icon={<IconArrowUp size={16} />}
                    disabled={frozen || i === 0}
                    onClick={() => form.reorderListItem('members', { from: i, to: i - 1 })}
                  />
                  <IconAction
                    label={t('clusters.moveDown')}
                    icon={<IconArrowDown size={16} />}
                    disabled={frozen || i === rows.length - 1}
                    onClick={() => form.reorderListItem('members', { from: i, to: i + 1 })}
                  />
                  <DeleteAction
                    label={t('clusters.remove', { n: i + 1 })}
                    disabled={frozen}
                    onClick={() => form.removeListItem('members', i)}
                  />
                </Group>
              ),
            },
          ]}
        />
        {!frozen ? (
          <Group justify="space-between" wrap="wrap">
            <Button
              variant="light"
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                form.insertListItem('members', {
                  unitId: '',
                  role: rows.some((r) => r.role === 'HEAD') ? 'MEMBER' : 'HEAD',
                })
              }
            >
              {t('clusters.addMember')}
            </Button>
            <Group gap="xs">
              <Badge variant="light" tt="none">
                {t('clusters.memberCount', { count: rows.length })}
              </Badge>
              <Button type="submit" loading={save.isPending}>
                {t('clusters.saveMembers', { year: data.year })}
              </Button>
            </Group>
          </Group>
        ) : null}
      </Stack>
    </form>
  );
}
