import {
  Button,
  Group,
  type ButtonVariant,
  type MantineColor,
  type MantineSpacing,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The end of a form: Cancel (when it can be called off; unless named otherwise), then its submit
 * button (Save unless named). */
export function FormActions(props: {
  onCancel?: () => void;
  pending: boolean;
  submitLabel?: ReactNode;
  cancelLabel?: ReactNode;
  /** The submit button's colour, for a form that revokes or refuses. */
  color?: MantineColor;
  /** `light` for a secondary form of a page. */
  variant?: ButtonVariant;
  /** Nothing to send yet (the step is closed). */
  disabled?: boolean;
  mt?: MantineSpacing;
  submitTestId?: string;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" mt={props.mt}>
      {props.onCancel ? (
        <Button variant="default" onClick={props.onCancel}>
          {props.cancelLabel ?? t('common.cancel')}
        </Button>
      ) : null}
      <Button
        type="submit"
        color={props.color}
        variant={props.variant}
        loading={props.pending}
        disabled={props.disabled}
        data-testid={props.submitTestId}
      >
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
