import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  Modal,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
  Tooltip,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useDebouncedValue } from '@mantine/hooks';
import { IconKey, IconPencil, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import {
  directoryKeys,
  ROLES,
  useUnits,
  useUsers,
  type Role,
  type Unit,
  type User,
} from '../../api/directory';
import { keys } from '../../api/queries';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { FormActions } from '../../components/form-actions';
import { CodeText, DataTable } from '../../components/data-table';
import { ResetSecondFactorButton } from '../account/reset-second-factor-button';

interface UserValues {
  username: string;
  fullName: string;
  email: string;
  unitId: string | null;
  roles: Role[];
  active: boolean;
  password: string;
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; user: User }
  | { kind: 'password'; user: User }
  | null;

/** Accounts: who they are, which unit they act for, what they may do. */
export function UsersPage() {
  const { t } = useTranslation();
  const units = useUnits();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [role, setRole] = useState<Role | null>(null);
  const users = useUsers({
    search: debounced || undefined,
    unitId: unitId ?? undefined,
    role: role ?? undefined,
  });
  const [dialog, setDialog] = useState<Dialog>(null);
  const unitOptions = (units.data ?? []).map((u) => ({
    value: u.id,
    label: `${u.code} – ${u.name}`,
  }));
  const roleOptions = ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }));

  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => setDialog({ kind: 'create' })}
          >
            {t('users.create')}
          </Button>
        }
      />
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            label={t('users.search')}
            placeholder={t('users.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
          />
          <Select
            label={t('common.unit')}
            placeholder={t('users.allUnits')}
            data={unitOptions}
            value={unitId}
            onChange={setUnitId}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
          />
          <Select
            label={t('users.role')}
            placeholder={t('users.allRoles')}
            data={roleOptions}
            value={role}
            onChange={setRole}
            clearable
          />
        </SimpleGrid>
        <QueryState isLoading={users.isLoading} error={users.error}>
          <Text size="sm" c="dimmed">
            {t('users.count', { count: users.data?.length ?? 0 })}
          </Text>
          <DataTable
            minWidth={720}
            pageSize={50}
            aria-label={t('users.title')}
            data-testid="users-table"
            rows={users.data ?? []}
            rowProps={(u) => ({ opacity: u.active ? 1 : 0.6 })}
            columns={[
              {
                header: t('users.username'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (u) => <CodeText>{u.username}</CodeText>,
              },
              {
                header: t('users.fullName'),
                cell: (u) => (
                  <>
                    {u.fullName}
                    {u.email ? (
                      <Text size="xs" c="dimmed">
                        {u.email}
                      </Text>
                    ) : null}
                  </>
                ),
              },
              { header: t('common.unit'), cell: (u) => u.unitName ?? '—' },
              {
                header: t('users.roles'),
                cell: (u) => (
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} variant="light" size="sm" tt="none">
                        {t(`role.${r}`)}
                      </Badge>
                    ))}
                  </Group>
                ),
              },
              {
                header: t('users.status'),
                td: { style: { whiteSpace: 'nowrap' } },
                cell: (u) => (
                  <Badge
                    color={u.active ? 'green' : 'gray'}
                    variant="light"
                    tt="none"
                    miw="max-content"
                  >
                    {u.active ? t('users.active') : t('users.inactive')}
                  </Badge>
                ),
              },
              {
                cell: (u) => (
                  <Group gap={4} justify="flex-end" wrap="nowrap">
                    <Tooltip label={t('users.edit', { username: u.username })}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={t('users.edit', { username: u.username })}
                        onClick={() => setDialog({ kind: 'edit', user: u })}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <Tooltip label={t('users.resetPassword', { username: u.username })}>
                      <ActionIcon
                        variant="subtle"
                        color="orange"
                        aria-label={t('users.resetPassword', { username: u.username })}
                        onClick={() => setDialog({ kind: 'password', user: u })}
                      >
                        <IconKey size={16} />
                      </ActionIcon>
                    </Tooltip>
                    <ResetSecondFactorButton user={u} />
                  </Group>
                ),
              },
            ]}
          />
        </QueryState>
      </Stack>
      <Modal
        opened={dialog !== null}
        onClose={() => setDialog(null)}
        size="lg"
        centered
        title={
          dialog?.kind === 'create'
            ? t('users.create')
            : dialog?.kind === 'edit'
              ? t('users.editTitle', { username: dialog.user.username })
              : dialog?.kind === 'password'
                ? t('users.passwordTitle', { username: dialog.user.username })
                : ''
        }
      >
        {dialog?.kind === 'password' ? (
          <PasswordForm user={dialog.user} onDone={() => setDialog(null)} />
        ) : dialog ? (
          <UserForm
            user={dialog.kind === 'edit' ? dialog.user : null}
            units={units.data ?? []}
            onDone={() => setDialog(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}

function UserForm({
  user,
  units,
  onDone,
}: {
  user: User | null;
  units: Unit[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const me = useMe();
  const isSelf = user?.id === me.data?.userId;
  const form = useForm<UserValues>({
    mode: 'controlled',
    initialValues: {
      username: user?.username ?? '',
      fullName: user?.fullName ?? '',
      email: user?.email ?? '',
      unitId: user?.unitId ?? null,
      roles: user?.roles ?? [],
      active: user?.active ?? true,
      password: '',
    },
    validate: {
      username: (v) => (v.trim() ? null : t('common.required')),
      fullName: (v) => (v.trim() ? null : t('common.required')),
      password: (v) => (user || v.length >= 8 ? null : t('rules.minLength', { n: 8 })),
    },
  });
  const save = useApiMutation({
    form,
    mutationFn: (v: UserValues) => {
      const fields = {
        fullName: v.fullName,
        email: v.email.trim() || null,
        unitId: v.unitId || null,
        roles: v.roles,
      };
      return user
        ? call(
            api.PATCH('/admin/users/{id}', {
              params: { path: { id: user.id } },
              body: { ...fields, active: v.active },
            }),
          )
        : call(
            api.POST('/admin/users', {
              body: { ...fields, username: v.username.trim(), password: v.password },
            }),
          );
    },
    codeFields: { USERNAME_TAKEN: 'username', SELF_LOCKOUT: 'roles' },
    successMessage: (u) => t('users.saved', { username: u.username }),
    invalidate: [directoryKeys.users, directoryKeys.units, keys.me],
    onSuccess: onDone,
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('users.username')}
            description={user ? t('users.usernameFixed') : t('users.usernameHint')}
            disabled={!!user}
            autoComplete="off"
            {...form.getInputProps('username')}
          />
          <TextInput label={t('users.fullName')} {...form.getInputProps('fullName')} />
          <TextInput label={t('users.email')} type="email" {...form.getInputProps('email')} />
          <Select
            label={t('common.unit')}
            placeholder={t('users.noUnit')}
            data={units.map((u) => ({ value: u.id, label: `${u.code} – ${u.name}` }))}
            searchable
            clearable
            nothingFoundMessage={t('common.nothingFound')}
            {...form.getInputProps('unitId')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('users.roles')}
          description={isSelf ? t('users.selfHint') : undefined}
          {...form.getInputProps('roles')}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6} mt={6}>
            {ROLES.map((r) => (
              <Checkbox
                key={r}
                value={r}
                label={t(`role.${r}`)}
                disabled={isSelf && r === 'ADMIN'}
              />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
        {user ? (
          <Switch
            label={t('users.activeLabel')}
            description={t('users.activeHint')}
            disabled={isSelf}
            {...form.getInputProps('active', { type: 'checkbox' })}
          />
        ) : (
          <PasswordInput
            label={t('users.initialPassword')}
            description={t('users.passwordHint')}
            autoComplete="new-password"
            {...form.getInputProps('password')}
          />
        )}
        <FormActions onCancel={onDone} pending={save.isPending} mt="sm" />
      </Stack>
    </form>
  );
}

function PasswordForm({ user, onDone }: { user: User; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { password: '' },
    validate: { password: (v) => (v.length >= 8 ? null : t('rules.minLength', { n: 8 })) },
  });
  const reset = useApiMutation({
    form,
    mutationFn: (v: { password: string }) =>
      call(
        api.POST('/admin/users/{id}/password', {
          params: { path: { id: user.id } },
          body: { password: v.password },
        }),
      ),
    successMessage: t('users.passwordReset', { username: user.username }),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => reset.mutate(v))} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('users.passwordText')}</Text>
        <PasswordInput
          label={t('users.newPassword')}
          description={t('users.passwordHint')}
          autoComplete="new-password"
          data-autofocus
          {...form.getInputProps('password')}
        />
        <FormActions
          onCancel={onDone}
          pending={reset.isPending}
          submitLabel={t('users.resetNow')}
          color="orange"
          mt="sm"
        />
      </Stack>
    </form>
  );
}
