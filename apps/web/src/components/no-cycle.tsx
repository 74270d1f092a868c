import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function NoCycle() {
  const { t } = useTranslation();
  return (
    <Alert color="gray" variant="light" title={t('cycle.noneTitle')}>
      {t('cycle.noneHint')}
    </Alert>
  );
}
