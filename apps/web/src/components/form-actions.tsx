import { Button, Group, type MantineColor, type MantineSpacing } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The end of a form: Cancel (unless named otherwise), then its submit button (Save unless named). */
export function FormActions(props: {
  onCancel: () => void;
  pending: boolean;
  submitLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** The submit button's colour, for a form that revokes or refuses. */
  color?: MantineColor;
  mt?: MantineSpacing;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={props.mt}>
      <Button variant="default" onClick={props.onCancel}>
        {props.cancelLabel ?? t('common.cancel')}
      </Button>
      <Button type="submit" color={props.color} loading={props.pending}>
        {props.submitLabel ?? t('common.save')}
      </Button>
    </Group>
  );
}
