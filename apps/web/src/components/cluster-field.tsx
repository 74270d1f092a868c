import { Select, TextInput } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** The cluster (cụm thi đua) to act for: chosen from the clusters the caller administers, or typed
 * by its id when none can be listed. */
export function ClusterField({
  clusters,
  label,
  hint,
  ...input
}: {
  clusters: readonly { id: string; name: string; code: string }[];
  label: string;
  hint?: string;
} & GetInputPropsReturnType) {
  const { t } = useTranslation();
  return clusters.length > 0 ? (
    <Select
      label={label}
      description={hint}
      data={clusters.map((c) => ({ value: c.id, label: `${c.name} (${c.code})` }))}
      allowDeselect={false}
      {...input}
    />
  ) : (
    <TextInput
      label={t('createCycle.clusterId')}
      description={t('createCycle.clusterIdHint')}
      {...input}
    />
  );
}
