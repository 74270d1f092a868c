import { Card, Group, Stack, Text, ThemeIcon, type MantineColor } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * One entry of a to-do list (an `<li>` card): a round status icon, what is to be done (optional
 * badges above the title, the title, a dimmed detail, then any further lines) and, on the right,
 * the button that acts on it.
 */
export function TaskCard(props: {
  iconColor: MantineColor;
  icon: ReactNode;
  title: ReactNode;
  detail?: ReactNode;
  /** Shown above the title (kind and overdue badges). */
  above?: ReactNode;
  /** Shown below the detail (the deadline). */
  children?: ReactNode;
  action: ReactNode;
  'data-testid'?: string;
}) {
  return (
    <Card withBorder padding="sm" component="li" data-testid={props['data-testid']}>
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ThemeIcon color={props.iconColor} variant="light" radius="xl" aria-hidden>
            {props.icon}
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            {props.above}
            <Text fw={600} size="sm">
              {props.title}
            </Text>
            {props.detail ? (
              <Text size="sm" c="dimmed">
                {props.detail}
              </Text>
            ) : null}
            {props.children}
          </Stack>
        </Group>
        {props.action}
      </Group>
    </Card>
  );
}
