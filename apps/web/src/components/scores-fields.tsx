import { NumberInput, SimpleGrid, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Criterion } from '../api/types';

/** One number input per criterion (0 to its maximum), bound to `scores.<code>` of a form. */
export function ScoresFields<V extends { scores: Record<string, number | string> }>(props: {
  form: UseFormReturnType<V>;
  criteria: Criterion[];
}) {
  const { t } = useTranslation();
  const { form, criteria } = props;
  const scores = form.getValues().scores;
  const total = criteria.reduce((sum, c) => sum + (Number(scores[c.code]) || 0), 0);
  const max = criteria.reduce((sum, c) => sum + c.maxPoints, 0);
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        {criteria.map((c) => (
          <NumberInput
            key={c.code}
            label={`${c.code}. ${c.title}`}
            description={t('review.maxPoints', { max: c.maxPoints })}
            min={0}
            max={c.maxPoints}
            step={0.5}
            decimalScale={2}
            decimalSeparator=","
            allowNegative={false}
            {...form.getInputProps(`scores.${c.code}` as never)}
          />
        ))}
      </SimpleGrid>
      <Text size="sm" fw={600} aria-live="polite">
        {t('review.total', { total: total.toLocaleString('vi-VN'), max })}
      </Text>
    </>
  );
}

export function emptyScores(criteria: Criterion[]): Record<string, number | string> {
  return Object.fromEntries(criteria.map((c) => [c.code, '']));
}

/** Empty inputs are left out; the API reports missing criteria. */
export function toScores(values: Record<string, number | string>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(values)
      .filter(([, v]) => v !== '' && v !== null)
      .map(([k, v]) => [k, Number(v)]),
  );
}
