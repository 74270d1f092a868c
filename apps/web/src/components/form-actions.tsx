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

/**
 * The end of a confirmation dialog whose action is a click rather than a form's submit: Cancel,
 * then the action's button.
 */
export function ConfirmActions(props: {
  onCancel: () => void;
  onConfirm: () => void;
  confirmLabel: ReactNode;
  pending?: boolean;
  /** Cancel waits too while the action runs (it cannot be called back). */
  lockCancel?: boolean;
  /** The action is not possible yet (a box to tick first). */
  disabled?: boolean;
  color?: MantineColor;
  /** The action button's test id. */
  confirmTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end">
      <Button variant="default" disabled={props.lockCancel} onClick={props.onCancel}>
        {t('common.cancel')}
      </Button>
      <Button
        color={props.color}
        disabled={props.disabled}
        loading={props.pending}
        onClick={props.onConfirm}
        data-testid={props.confirmTestId}
      >
        {props.confirmLabel}
      </Button>
    </Group>
  );
}
