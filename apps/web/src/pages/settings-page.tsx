import { Card, Checkbox, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { TimeInput } from '@mantine/dates';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { keys, usePreferences } from '../api/queries';
import type { Channel, NotificationPreference } from '../api/types';
import { useApiMutation } from '../lib/use-api-mutation';
import { PageHeader, QueryState } from '../components/page';
import { FormActions } from '../components/form-actions';

interface PreferenceValues {
  channels: Channel[];
  webhookUrl: string;
  quietFrom: string;
  quietTo: string;
}

const toValues = (p: NotificationPreference | undefined): PreferenceValues => ({
  channels: p?.channels ?? ['IN_APP', 'EMAIL'],
  webhookUrl: p?.webhookUrl ?? '',
  quietFrom: p?.quietFrom ?? '',
  quietTo: p?.quietTo ?? '',
});

export function SettingsPage() {
  const { t } = useTranslation();
  const preferences = usePreferences();
  const form = useForm<PreferenceValues>({
    mode: 'controlled',
    initialValues: toValues(undefined),
  });
  const { setValues, resetDirty } = form;
  useEffect(() => {
    if (preferences.data) {
      setValues(toValues(preferences.data));
      resetDirty(toValues(preferences.data));
    }
  }, [preferences.data, setValues, resetDirty]);
  const save = useApiMutation({
    form,
    mutationFn: (values: PreferenceValues) =>
      call(
        api.PUT('/me/notification-preferences', {
          body: {
            channels: values.channels,
            webhookUrl: values.webhookUrl.trim() || null,
            quietFrom: values.quietFrom || null,
            quietTo: values.quietTo || null,
          },
        }),
      ),
    successMessage: t('settings.saved'),
    invalidate: [keys.preferences],
  });
  return (
    <>
      <PageHeader title={t('settings.title')} description={t('settings.description')} />
      <QueryState isLoading={preferences.isLoading} error={preferences.error}>
        <Card withBorder padding="md" maw={720}>
          <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
            <Stack gap="md">
              <Checkbox.Group
                label={t('settings.channels')}
                description={t('settings.channelsHint')}
                {...form.getInputProps('channels')}
              >
                <Stack gap={6} mt={6}>
                  <Checkbox value="IN_APP" label={t('channel.IN_APP')} />
                  <Checkbox value="EMAIL" label={t('channel.EMAIL')} />
                  <Checkbox value="WEBHOOK" label={t('channel.WEBHOOK')} />
                </Stack>
              </Checkbox.Group>
              <TextInput
                label={t('settings.webhookUrl')}
                description={t('settings.webhookHint')}
                placeholder="https://"
                {...form.getInputProps('webhookUrl')}
              />
              <div>
                <Title order={2} size="h5">
                  {t('settings.quietTitle')}
                </Title>
                <Text size="sm" c="dimmed" mb="xs">
                  {t('settings.quietHint')}
                </Text>
                <SimpleGrid cols={{ base: 1, xs: 2 }} maw={420}>
                  <TimeInput label={t('settings.quietFrom')} {...form.getInputProps('quietFrom')} />
                  <TimeInput label={t('settings.quietTo')} {...form.getInputProps('quietTo')} />
                </SimpleGrid>
              </div>
              <FormActions pending={save.isPending} submitTestId="settings-save" />
            </Stack>
          </form>
        </Card>
      </QueryState>
    </>
  );
}
