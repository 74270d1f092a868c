import { Autocomplete, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useMovements } from '../lib/movements';

type MovementField = 'movementCode' | 'movementName';

/**
 * The movement (phong trào) a cycle, a schedule or a proposal belongs to: its code, offered from the
 * movements the caller's cycles already run and written in capitals, and its name, filled in when a
 * known code is chosen.
 */
export function MovementFields(props: {
  inputProps: (field: MovementField) => GetInputPropsReturnType;
  setField: (field: MovementField, value: string) => void;
  codeHint?: string;
}) {
  const { t } = useTranslation();
  const movements = useMovements();
  return (
    <>
      <Autocomplete
        label={t('createCycle.movementCode')}
        description={props.codeHint}
        data={movements.map((m) => ({ value: m.code, label: m.code }))}
        {...props.inputProps('movementCode')}
        onChange={(value) => {
          const code = value.toUpperCase();
          props.setField('movementCode', code);
          const known = movements.find((m) => m.code === code);
          if (known) props.setField('movementName', known.name);
        }}
      />
      <TextInput label={t('createCycle.movementName')} {...props.inputProps('movementName')} />
    </>
  );
}
