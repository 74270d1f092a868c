import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { usePeople } from '../api/commendation';
import { useModelPicker } from '../lib/use-model-picker';

/** A person of a unit (cá nhân), by name and position, searchable; nothing to choose until the unit
 * is known. */
export function PersonSelect({
  unitId,
  ...select
}: { unitId: string | null | undefined } & Omit<SelectProps, 'data'>) {
  const { t } = useTranslation();
  const people = usePeople(unitId);
  return (
    <Select
      searchable
      nothingFoundMessage={t('nominationForm.noPeople')}
      data={(people.data ?? []).map((p) => ({
        value: p.id,
        label: p.position ? `${p.fullName} – ${p.position}` : p.fullName,
      }))}
      {...select}
    />
  );
}

/** A model (mô hình, an initiative) found by the API as the user types: of one unit, or of the
 * caller's whole subtree without one. */
export function ModelSelect({
  unitId,
  onChange,
  ...select
}: { unitId?: string; onChange: (value: string) => void } & Omit<
  SelectProps,
  'data' | 'onChange'
>) {
  // An empty unit id is one not known yet (still loading), not the whole subtree.
  const models = useModelPicker(unitId, unitId !== '');
  return (
    <Select
      {...models.selectProps}
      {...select}
      onChange={(value, option) => {
        onChange(value ?? '');
        models.pick(value, option);
      }}
    />
  );
}
