import { TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The field for a six-digit code from the authenticator app or a recovery code (`xxxx-xxxx-xxxx`,
 * letters too: so the phone shows its full keyboard, not a number pad). */
export function SecondFactorCodeInput(props: Omit<TextInputProps, 'label' | 'description'>) {
  const { t } = useTranslation();
  return (
    <TextInput
      label={t('secondFactor.codeOrRecovery')}
      description={t('secondFactor.codeOrRecoveryHint')}
      autoComplete="one-time-code"
      {...props}
    />
  );
}
