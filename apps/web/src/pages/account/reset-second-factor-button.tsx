import { ActionIcon, Button, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconShieldOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useMe } from '../../auth/auth';
import { useApiMutation } from '../../lib/use-api-mutation';

/** An administrator removes a user's second factor (a lost phone): the user enrols again at their
 * next login and every session of theirs ends. Not offered on the administrator's own row. */
export function ResetSecondFactorButton({ user }: { user: { id: string; username: string } }) {
  const { t } = useTranslation();
  const me = useMe();
  const [opened, { open, close }] = useDisclosure(false);
  const reset = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/admin/users/{id}/second-factor/reset', { params: { path: { id: user.id } } }),
      ),
    successMessage: t('secondFactor.resetDone', { username: user.username }),
    onSuccess: close,
  });
  if (me.data?.userId === user.id) return null;
  const label = `${t('secondFactor.reset')}: ${user.username}`;
  return (
    <>
      <Tooltip label={label}>
        <ActionIcon variant="subtle" color="red" aria-label={label} onClick={open}>
          <IconShieldOff size={16} />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} title={label} centered>
        <Stack gap="sm">
          <Text size="sm">{t('secondFactor.resetText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('secondFactor.cancel')}
            </Button>
            <Button color="red" loading={reset.isPending} onClick={() => reset.mutate()}>
              {t('secondFactor.reset')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
