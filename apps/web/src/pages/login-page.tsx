import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAward } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../api/client';
import { ApiError } from '../api/problem';
import { useApiMutation } from '../lib/use-api-mutation';
import { useSession } from '../auth/auth';
import { sessionStore } from '../auth/session-store';
import { LanguageSwitch } from '../components/language-switch';

/** Where to go after signing in: only paths inside the app. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const session = useSession();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const form = useForm({
    mode: 'controlled',
    initialValues: { username: '', password: '' },
    validate: {
      username: (v) => (v.trim().length >= 3 ? null : t('login.usernameRequired')),
      password: (v) => (v.length >= 8 ? null : t('login.passwordTooShort')),
    },
  });
  const login = useApiMutation({
    form,
    quietCodes: ['INVALID_CREDENTIALS', 'TOO_MANY_ATTEMPTS'],
    mutationFn: (values: { username: string; password: string }) =>
      call(api.POST('/auth/login', { body: { ...values, username: values.username.trim() } })),
    onSuccess: (token) => {
      queryClient.clear();
      sessionStore.set(token);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Box w="100%" maw={420}>
        <Group justify="flex-end" mb="sm">
          <LanguageSwitch />
        </Group>
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack gap="md">
            <Group gap="sm" wrap="nowrap">
              <ThemeIcon color="red.8" size="xl" radius="md" aria-hidden>
                <IconAward size={26} />
              </ThemeIcon>
              <div>
                <Title order={1} size="h3">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('login.subtitle')}
                </Text>
              </div>
            </Group>
            {failure ? (
              <Alert color="red" role="alert" data-testid="login-error">
                {failure}
              </Alert>
            ) : null}
            <form
              noValidate
              onSubmit={form.onSubmit((values) => {
                setFailure(null);
                login.mutate(values, {
                  onError: (err) => {
                    if (
                      err instanceof ApiError &&
                      (err.code === 'INVALID_CREDENTIALS' || err.code === 'TOO_MANY_ATTEMPTS')
                    )
                      setFailure(err.message);
                  },
                });
              })}
            >
              <Stack gap="sm">
                <TextInput
                  label={t('login.username')}
                  autoComplete="username"
                  autoCapitalize="none"
                  spellCheck={false}
                  required
                  {...form.getInputProps('username')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  required
                  {...form.getInputProps('password')}
                />
                <Button type="submit" loading={login.isPending} fullWidth mt="xs">
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
            <Text size="xs" c="dimmed">
              {t('login.help')}{' '}
              <Anchor href="/docs" size="xs">
                {t('login.apiDocs')}
              </Anchor>
            </Text>
            <Group gap="md">
              <Anchor component={Link} to="/verify" size="sm">
                {t('verify.title')}
              </Anchor>
              <Anchor component={Link} to="/postings" size="sm">
                {t('postings.title')}
              </Anchor>
            </Group>
          </Stack>
        </Paper>
      </Box>
    </Center>
  );
}
