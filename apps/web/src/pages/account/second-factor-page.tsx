import {
  Alert,
  Box,
  Button,
  Card,
  Center,
  Checkbox,
  Code,
  CopyButton,
  Group,
  Image,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconPrinter, IconShieldLock } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { api, call } from '../../api/client';
import { keys } from '../../api/queries';
import type { components } from '../../api/schema';
import { useLogout, useMe } from '../../auth/auth';
import { sessionStore } from '../../auth/session-store';
import { PageHeader, QueryState } from '../../components/page';
import { LanguageSwitch } from '../../components/language-switch';
import { SECOND_FACTOR_CODE } from '../../components/step-up-dialog';
import { useApiMutation } from '../../lib/use-api-mutation';
import { SecondFactorCodeInput } from '../../components/second-factor-code';

type Enrolment = components['schemas']['SecondFactorEnrolmentDto'];
type Status = components['schemas']['SecondFactorStatusDto'];

const statusKey = ['second-factor'] as const;

function useSecondFactorStatus() {
  return useQuery({
    queryKey: statusKey,
    queryFn: () => call(api.GET('/auth/second-factor')),
  });
}

/** The recovery codes as a text file the user keeps. */
function downloadCodes(codes: string[], header: string, username: string): void {
  const text = `${header}\n${username}\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `recovery-codes-${username}.txt`;
  link.click();
  URL.revokeObjectURL(url);
}

/** The ten one-time recovery codes, shown once, to download or print before leaving. */
function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [saved, setSaved] = useState(false);
  const username = me.data?.username ?? '';
  return (
    <Stack gap="sm" data-testid="recovery-codes">
      <Alert color="green" title={t('secondFactor.enabled')} role="status">
        {t('secondFactor.recoveryBody')}
      </Alert>
      <Title order={2} size="h4">
        {t('secondFactor.recoveryTitle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing={6} maw={420}>
        {codes.map((code) => (
          <Code key={code} fz="md" data-testid="recovery-code">
            {code}
          </Code>
        ))}
      </SimpleGrid>
      <Group gap="sm">
        <Button
          variant="light"
          leftSection={<IconDownload size={16} />}
          onClick={() => downloadCodes(codes, t('secondFactor.fileHeader'), username)}
        >
          {t('secondFactor.download')}
        </Button>
        <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => print()}>
          {t('secondFactor.print')}
        </Button>
      </Group>
      <Checkbox
        label={t('secondFactor.saved')}
        checked={saved}
        onChange={(event) => setSaved(event.currentTarget.checked)}
      />
      <Group>
        <Button disabled={!saved} onClick={onDone}>
          {t('secondFactor.done')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Start (QR code, manual key), then the first code turns it on and shows the recovery codes. */
function Enrol({ onEnabled }: { onEnabled: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (v) => (/^(\s*\d\s*){6}$/.test(v) ? null : t('secondFactor.codeHint')),
    },
  });
  const start = useApiMutation({
    mutationFn: () => call(api.POST('/auth/second-factor/enrolment')),
    onSuccess: (data) => {
      form.reset();
      setEnrolment(data);
    },
  });
  const confirm = useApiMutation({
    form,
    codeFields: { SECOND_FACTOR_CODE_INVALID: 'code', TOO_MANY_ATTEMPTS: 'code' },
    mutationFn: (values: { code: string }) =>
      call(
        api.POST('/auth/second-factor/enrolment/confirm', {
          body: { code: values.code.replace(/\s+/g, '') },
        }),
      ),
    onSuccess: (data) => {
      // The confirming code is a fresh check: signing needs no second code right away.
      sessionStore.replaceAccess(data);
      setCodes(data.recoveryCodes);
    },
  });

  if (codes) return <RecoveryCodes codes={codes} onDone={onEnabled} />;
  if (!enrolment) {
    return (
      <Group>
        <Button
          leftSection={<IconShieldLock size={16} />}
          loading={start.isPending}
          onClick={() => start.mutate()}
        >
          {t('secondFactor.start')}
        </Button>
      </Group>
    );
  }
  return (
    <Stack gap="md">
      <Text fw={600}>{t('secondFactor.step1')}</Text>
      <Image
        src={enrolment.qrCodeDataUrl}
        alt={t('secondFactor.qrAlt')}
        w={220}
        h={220}
        fit="contain"
        data-testid="second-factor-qr"
      />
      <Box>
        <Text size="sm">{t('secondFactor.manualKey')}</Text>
        <Group gap="xs" mt={4}>
          <Code fz="md" data-testid="second-factor-secret">
            {enrolment.secret}
          </Code>
          <CopyButton value={enrolment.secret}>
            {({ copied, copy }) => (
              <Button size="compact-xs" variant="subtle" onClick={copy}>
                {copied ? t('secondFactor.copied') : t('secondFactor.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
        <Text size="xs" c="dimmed" mt={4}>
          {t('secondFactor.account', { account: enrolment.accountName, issuer: enrolment.issuer })}
        </Text>
      </Box>
      <form noValidate onSubmit={form.onSubmit((values) => confirm.mutate(values))}>
        <Stack gap="sm" maw={320}>
          <Text fw={600}>{t('secondFactor.step2')}</Text>
          <TextInput
            label={t('secondFactor.code')}
            description={t('secondFactor.codeHint')}
            autoComplete="one-time-code"
            inputMode="numeric"
            {...form.getInputProps('code')}
          />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('secondFactor.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}

/** On: since when, recovery codes left, and turning it off (where the roles allow). */
function Enabled({ status }: { status: Status }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: { code: (v) => (SECOND_FACTOR_CODE.test(v) ? null : t('secondFactor.codeInvalid')) },
  });
  const disable = useApiMutation({
    form,
    codeFields: { SECOND_FACTOR_CODE_INVALID: 'code', TOO_MANY_ATTEMPTS: 'code' },
    mutationFn: (values: { code: string }) =>
      call(api.POST('/auth/second-factor/disable', { body: { code: values.code.trim() } })),
    successMessage: t('secondFactor.disabled'),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: statusKey });
      void queryClient.invalidateQueries({ queryKey: keys.me });
    },
  });
  const since = status.enabledAt
    ? new Date(status.enabledAt).toLocaleString(i18n.language === 'en' ? 'en-GB' : 'vi-VN')
    : '';
  return (
    <Stack gap="md">
      <Alert color="green" icon={<IconShieldLock size={18} />} title={t('secondFactor.enabled')}>
        <List size="sm">
          <List.Item>{t('secondFactor.statusOn', { date: since })}</List.Item>
          <List.Item>
            {t('secondFactor.recoveryLeft', { count: status.recoveryCodesLeft })}
          </List.Item>
        </List>
      </Alert>
      {status.required ? (
        <Text size="sm" c="dimmed">
          {t('secondFactor.cannotDisable')}
        </Text>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => disable.mutate(values))}>
          <Stack gap="sm" maw={320}>
            <Text fw={600}>{t('secondFactor.disableTitle')}</Text>
            <SecondFactorCodeInput {...form.getInputProps('code')} />
            <Group>
              <Button type="submit" color="red" variant="light" loading={disable.isPending}>
                {t('secondFactor.disable')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}

function SecondFactorPanel() {
  const status = useSecondFactorStatus();
  const queryClient = useQueryClient();
  const enabled = () => {
    void queryClient.invalidateQueries({ queryKey: statusKey });
    void queryClient.invalidateQueries({ queryKey: keys.me });
  };
  return (
    <QueryState isLoading={status.isLoading} error={status.error}>
      {status.data?.enabled ? <Enabled status={status.data} /> : <Enrol onEnabled={enabled} />}
    </QueryState>
  );
}

/** Account menu → two-factor authentication. */
export function SecondFactorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('secondFactor.title')} description={t('secondFactor.description')} />
      <Card withBorder padding="md" maw={720}>
        <SecondFactorPanel />
      </Card>
    </>
  );
}

/** What an account that must enrol sees instead of the app (the API refuses everything else with
 * SECOND_FACTOR_REQUIRED until it is on). */
export function SecondFactorGate() {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={640}>
        <Group justify="flex-end" mb="sm" gap="sm">
          <LanguageSwitch />
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={() => {
              void logout().then(() => navigate('/login'));
            }}
          >
            {t('secondFactor.logout')}
          </Button>
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Title order={1} size="h3">
              {t('secondFactor.requiredTitle')}
            </Title>
            <Text size="sm">{t('secondFactor.requiredBody')}</Text>
            <Text size="sm" c="dimmed">
              {t('secondFactor.description')}
            </Text>
            <SecondFactorPanel />
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}

/** Shown above every page while the account's roles call for a second factor it has not set up
 * (MFA_ENFORCEMENT=enrol: a reminder; `required` keeps the account at the gate instead). */
export function SecondFactorReminder() {
  const { t } = useTranslation();
  const me = useMe();
  const sf = me.data?.secondFactor;
  if (!sf?.required || sf.enabled) return null;
  return (
    <Alert
      color="yellow"
      icon={<IconShieldLock size={18} />}
      mb="md"
      data-testid="second-factor-reminder"
    >
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('secondFactor.reminder')}</Text>
        <Button component={Link} to="/account/second-factor" size="compact-sm" variant="light">
          {t('secondFactor.reminderAction')}
        </Button>
      </Group>
    </Alert>
  );
}
