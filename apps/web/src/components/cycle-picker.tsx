import { Select, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Cycle } from '../api/types';
import { useCurrentCycle } from '../lib/cycle-context';

/** Chooses the cycle (cluster, movement, period) the pages work on. The field shows a short name
 * (movement code and period); the list shows each cycle's movement and status too. */
export function CyclePicker() {
  const { t } = useTranslation();
  const { cycles, cycle, select, isLoading } = useCurrentCycle();
  const byId = new Map<string, Cycle>(cycles.map((c) => [c.id, c]));
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const c of cycles) {
    const items = groups.get(c.cluster.name) ?? [];
    items.push({ value: c.id, label: `${c.movementCode} · ${c.periodLabel}` });
    groups.set(c.cluster.name, items);
  }
  return (
    <Select
      label={t('cycle.picker')}
      placeholder={isLoading ? t('common.loading') : t('cycle.none')}
      data={[...groups].map(([group, items]) => ({ group, items }))}
      value={cycle?.id ?? null}
      onChange={(value) => value && select(value)}
      searchable
      nothingFoundMessage={t('common.nothingFound')}
      allowDeselect={false}
      maxDropdownHeight={360}
      comboboxProps={{ withinPortal: true, width: 320, position: 'bottom-start' }}
      renderOption={({ option }) => {
        const c = byId.get(option.value);
        return (
          <Stack gap={0}>
            <Text size="sm" fw={500}>
              {option.label}
            </Text>
            {c ? (
              <Text size="xs" c="dimmed">
                {c.movementName} · {t(`cycleStatus.${c.status}` as 'cycleStatus.ACTIVE')}
              </Text>
            ) : null}
          </Stack>
        );
      }}
      description={cycle ? cycle.movementName : undefined}
      data-testid="cycle-picker"
    />
  );
}
