import { Group, List, Text, ThemeIcon } from '@mantine/core';
import { IconMinus, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { diffItems } from '../lib/pledge-diff';

/** A pledge text as recorded in the round's audit trail (opened or amended). */
export interface PledgeVersionText {
  version: number;
  items: string[];
  reason: string | null;
  at: string;
}

const isItems = (v: unknown): v is string[] =>
  Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Every version of the round's pledge text, oldest first, read from its audit trail (the record
 * each member may read): the opening text and each amendment with its reason. */
export function usePledgeVersions(roundId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: ['signing-rounds', roundId ?? '', 'audit'],
    enabled: !!roundId && enabled,
    queryFn: () =>
      call(api.GET('/signing-rounds/{roundId}/audit', { params: { path: { roundId: roundId! } } })),
    select: (entries): PledgeVersionText[] =>
      entries
        .filter(
          (e) => e.action === 'pledge-signing.opened' || e.action === 'pledge-signing.amended',
        )
        .flatMap((e) => {
          const { version, items, reason } = e.payload;
          if (typeof version !== 'number' || !isItems(items)) return [];
          return [
            {
              version,
              items,
              reason: typeof reason === 'string' ? reason : null,
              at: e.occurredAt,
            },
          ];
        })
        .sort((a, b) => a.version - b.version),
  });
}

/** Text colours at AA contrast on white (as the theme darkens its light variants). */
const CHANGE_COLOR: Record<'same' | 'added' | 'removed', string | undefined> = {
  same: undefined,
  added: 'color-mix(in srgb, var(--mantine-color-green-9), black 30%)',
  removed: 'color-mix(in srgb, var(--mantine-color-red-9), black 15%)',
};

/** Two versions of the pledge's items side by side in one list: kept, removed (struck through)
 * and added, each said in words as well as colour. */
export function PledgeDiff(props: { before: string[]; after: string[]; testId?: string }) {
  const { t } = useTranslation();
  const changes = diffItems(props.before, props.after);
  return (
    <List listStyleType="none" spacing={6} size="sm" data-testid={props.testId ?? 'pledge-diff'}>
      {changes.map((c, i) => (
        <List.Item key={`${c.kind}-${i}`}>
          <Group gap="xs" wrap="nowrap" align="flex-start">
            {c.kind === 'same' ? (
              <Text size="sm" c="dimmed" w={22} ta="right" style={{ flexShrink: 0 }}>
                {c.position}.
              </Text>
            ) : (
              <ThemeIcon
                size="sm"
                radius="xl"
                variant="light"
                color={c.kind === 'added' ? 'green' : 'red'}
                aria-hidden
                style={{ flexShrink: 0 }}
              >
                {c.kind === 'added' ? <IconPlus size={12} /> : <IconMinus size={12} />}
              </ThemeIcon>
            )}
            <Text
              size="sm"
              style={{ color: CHANGE_COLOR[c.kind] }}
              td={c.kind === 'removed' ? 'line-through' : undefined}
            >
              {c.kind === 'added' ? (
                <Text component="span" fw={700} size="sm">
                  {t('journeys.diff.added')}{' '}
                </Text>
              ) : c.kind === 'removed' ? (
                <Text component="span" fw={700} size="sm" td="none">
                  {t('journeys.diff.removed')}{' '}
                </Text>
              ) : null}
              {c.text}
            </Text>
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
