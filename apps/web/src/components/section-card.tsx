import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * A titled part of a page in a bordered card: its heading (an h2 at h4 size), an optional dimmed
 * hint under it, then the content (with `stack`, one part under another, a small gap apart).
 */
export function SectionCard(props: {
  title: ReactNode;
  hint?: ReactNode;
  children?: ReactNode;
  stack?: boolean;
  'data-testid'?: string;
}) {
  return (
    <Card withBorder padding="md" data-testid={props['data-testid']}>
      <Title order={2} size="h4" mb={props.hint ? 4 : 'sm'}>
        {props.title}
      </Title>
      {props.hint ? (
        <Text size="sm" c="dimmed" mb="sm">
          {props.hint}
        </Text>
      ) : null}
      {props.stack ? <Stack gap="sm">{props.children}</Stack> : props.children}
    </Card>
  );
}
