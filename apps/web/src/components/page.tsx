import { Alert, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/problem';

/** The heading of a page: its title, one line on what it is for, and its main actions. */
export function PageHeader(props: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <Group justify="space-between" align="flex-start" mb="md" gap="sm">
      <Stack gap={4} style={{ flex: '1 1 320px', minWidth: 0 }}>
        <Title order={1} size="h2">
          {props.title}
        </Title>
        {props.description ? (
          <Text c="dimmed" size="sm">
            {props.description}
          </Text>
        ) : null}
      </Stack>
      {props.actions ? <Group gap="xs">{props.actions}</Group> : null}
    </Group>
  );
}

/** Loading and failure of a read, in place of the content it would show. */
export function QueryState(props: {
  isLoading: boolean;
  error: Error | null;
  children: ReactNode;
  label?: string;
}) {
  const { t } = useTranslation();
  if (props.isLoading) {
    return (
      <Group gap="xs" py="md" role="status" aria-live="polite">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {props.label ?? t('common.loading')}
        </Text>
      </Group>
    );
  }
  if (props.error) return <ErrorAlert error={props.error} />;
  return <>{props.children}</>;
}

export function ErrorAlert({ error }: { error: Error }) {
  const { t } = useTranslation();
  const forbidden = error instanceof ApiError && error.status === 403;
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertTriangle size={18} aria-hidden />}
      title={forbidden ? t('errors.forbiddenTitle') : t('errors.loadTitle')}
      role="alert"
    >
      {error instanceof ApiError && error.status === 0 ? t('errors.network') : error.message}
      {forbidden ? (
        <Text size="sm" mt={4}>
          {t('errors.forbiddenHint')}
        </Text>
      ) : null}
    </Alert>
  );
}

/** A view of a step that has not started yet. */
export function NotStarted({ children }: { children: ReactNode }) {
  return (
    <Alert color="gray" variant="light">
      {children}
    </Alert>
  );
}
