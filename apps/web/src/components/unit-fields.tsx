import { NumberInput, Select } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { UNIT_KINDS } from '../api/directory';

/** The form inputs a unit's create and edit forms share; each takes `form.getInputProps(…)`. */

/** The unit's kind (member or authority): always one of them. */
export function UnitKindSelect(props: GetInputPropsReturnType) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('units.kind')}
      data={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKind.${k}`) }))}
      allowDeselect={false}
      {...props}
    />
  );
}

/** The unit's headcount: a whole number, or empty when unknown. */
export function HeadcountInput(props: GetInputPropsReturnType) {
  const { t } = useTranslation();
  return (
    <NumberInput
      label={t('units.headcount')}
      description={t('units.headcountHint')}
      min={1}
      allowDecimal={false}
      {...props}
    />
  );
}
