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
import { sessionStore, type TokenPair } from '../auth/session-store';
import { LanguageSwitch } from '../components/language-switch';
import { SECOND_FACTOR_CODE } from '../components/step-up-dialog';
import { SecondFactorCodeInput } from '../components/second-factor-code';

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
  /** After the right password of an account with a second factor: its challenge. */
  const [challenge, setChallenge] = useState<{ token: string; username: string } | null>(null);
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
    onSuccess: (answer, values) => {
      if ('challenge' in answer) {
        setChallenge({ token: answer.challenge, username: values.username.trim() });
        return;
      }
      queryClient.clear();
      sessionStore.set(answer);
      void navigate(safeNext(params.get('next')), { replace: true });
    },
  });

  if (session) return <Navigate to={safeNext(params.get('next'))} replace />;

  const passwordStep = (
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
  );

  return (
    <Center component="main" mih="100vh" p="md" bg="gray.0">
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
            {challenge ? (
              <SecondFactorStep
                challenge={challenge.token}
                username={challenge.username}
                onFailure={setFailure}
                onRestart={() => {
                  setChallenge(null);
                  form.setFieldValue('password', '');
                }}
                onSignedIn={(pair) => {
                  queryClient.clear();
                  sessionStore.set(pair);
                  void navigate(safeNext(params.get('next')), { replace: true });
                }}
              />
            ) : (
              passwordStep
            )}
            <Text size="xs" c="dimmed">
              {t('login.help')}{' '}
              <Anchor href="/docs" size="xs" underline="always">
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

/** The login's second step: the code of the authenticator app (or a recovery code). */
function SecondFactorStep(props: {
  challenge: string;
  username: string;
  onFailure: (message: string | null) => void;
  onRestart: () => void;
  onSignedIn: (pair: TokenPair) => void;
}) {
  const { t } = useTranslation();
  const { onFailure, onRestart, onSignedIn } = props;
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: '' },
    validate: {
      code: (v) => (SECOND_FACTOR_CODE.test(v) ? null : t('secondFactor.codeInvalid')),
    },
  });
  const verify = useApiMutation({
    form,
    quietCodes: [
      'SECOND_FACTOR_CODE_INVALID',
      'SECOND_FACTOR_CHALLENGE_INVALID',
      'TOO_MANY_ATTEMPTS',
    ],
    mutationFn: (values: { code: string }) =>
      call(
        api.POST('/auth/login/second-factor', {
          body: { challenge: props.challenge, code: values.code.trim() },
        }),
      ),
    onSuccess: (pair) => onSignedIn(pair),
  });
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => {
        onFailure(null);
        verify.mutate(values, {
          onError: (err) => {
            if (!(err instanceof ApiError)) return;
            if (err.code === 'SECOND_FACTOR_CHALLENGE_INVALID') {
              onFailure(err.message);
              onRestart();
            } else if (
              err.code === 'SECOND_FACTOR_CODE_INVALID' ||
              err.code === 'TOO_MANY_ATTEMPTS'
            ) {
              onFailure(err.message);
              form.setFieldValue('code', '');
            }
          },
        });
      })}
    >
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('secondFactor.loginStepTitle')}
        </Title>
        <Text size="sm">{t('secondFactor.loginStepBody', { username: props.username })}</Text>
        <SecondFactorCodeInput autoFocus {...form.getInputProps('code')} />
        <Button type="submit" loading={verify.isPending} fullWidth mt="xs">
          {t('secondFactor.loginSubmit')}
        </Button>
        <Button variant="subtle" onClick={onRestart} fullWidth>
          {t('secondFactor.back')}
        </Button>
      </Stack>
    </form>
  );
}
