import type { ComboboxItem, ComboboxParsedItem } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';

/**
 * The search behind a picker of a model (mô hình, an initiative): the API searches titles, owners
 * and fields as the user types, and the picked model stays an option while other searches run.
 * Spread `selectProps` on the `Select` (before the form's input props) and call `pick` from its
 * `onChange`.
 *
 * @param unitId the unit whose models are offered; none for every model of the caller's subtree
 * @param enabled whether to search at all (the picker is shown)
 */
export function useModelPicker(unitId: string | undefined, enabled: boolean) {
  const { t } = useTranslation();
  const [searchValue, setSearchValue] = useState('');
  const [debounced] = useDebouncedValue(searchValue.trim(), 250);
  const [picked, setPicked] = useState<ComboboxItem | null>(null);
  // Once a model is picked the box shows its label: that is not a new search.
  const search = picked && debounced === picked.label ? '' : debounced;
  const models = useQuery({
    queryKey: ['models', unitId ?? 'subtree', search],
    enabled,
    queryFn: () =>
      call(
        api.GET('/models', {
          params: {
            query: { ...(unitId ? { unitId } : {}), ...(search ? { search } : {}), limit: 50 },
          },
        }),
      ),
  });
  return {
    selectProps: {
      searchable: true,
      clearable: true,
      searchValue,
      onSearchChange: setSearchValue,
      // The API searches titles, owners and fields: show its answer as it is.
      filter: ({ options }: { options: ComboboxParsedItem[] }) => options,
      nothingFoundMessage: models.isFetching ? t('common.loading') : t('nominationForm.noModels'),
      data: [
        ...(picked && !models.data?.some((m) => m.id === picked.value) ? [picked] : []),
        ...(models.data ?? []).map((m) => ({
          value: m.id,
          label: `${m.title} – ${m.unit.name}`,
        })),
      ],
    },
    pick: (value: string | null, option: ComboboxItem | null) => setPicked(value ? option : null),
  };
}
