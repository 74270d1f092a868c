import { ActionIcon, type MantineColor } from '@mantine/core';
import { IconPencil, IconTrash } from '@tabler/icons-react';
import type { ReactNode } from 'react';

interface IconActionProps {
  /** The accessible name: what the button does, to which row. */
  label: string;
  onClick: () => void;
  disabled?: boolean;
  color?: MantineColor;
}

/** A small icon button of a table row; its label is its accessible name. */
export function IconAction(props: IconActionProps & { icon: ReactNode }) {
  return (
    <ActionIcon
      variant="subtle"
      color={props.color}
      disabled={props.disabled}
      aria-label={props.label}
      onClick={props.onClick}
    >
      {props.icon}
    </ActionIcon>
  );
}

/** Edit this row (a pencil). */
export function EditAction(props: IconActionProps) {
  return <IconAction {...props} icon={<IconPencil size={16} />} />;
}

/** Remove or delete this row (a red bin). */
export function DeleteAction(props: IconActionProps) {
  return <IconAction color="red" {...props} icon={<IconTrash size={16} />} />;
}
