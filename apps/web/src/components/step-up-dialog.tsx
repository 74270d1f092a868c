import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerStepUpPrompt, type VerifyCode } from '../auth/step-up-prompt';
import { SecondFactorCodeInput } from './second-factor-code';

/** A 6-digit code (spaces allowed) or a recovery code xxxx-xxxx-xxxx. */
export const SECOND_FACTOR_CODE = /^(\s*\d\s*){6}$|^[A-Za-z0-9][A-Za-z0-9 -]{10,18}[A-Za-z0-9]$/;

interface Pending {
  verify: VerifyCode;
  resolve: (passed: boolean) => void;
}

/**
 * The dialog an action opens when the API answers STEP_UP_REQUIRED (signing, voting, issuing with
 * a second-factor check older than a few minutes): the code goes to POST /auth/step-up, a refused
 * one shows the API's message, and the action is sent again once the code is accepted.
 */
export function StepUpDialog() {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pendingRef = useRef<Pending | null>(null);

  useEffect(
    () =>
      registerStepUpPrompt(
        (verify) =>
          new Promise<boolean>((resolve) => {
            const next = { verify, resolve };
            pendingRef.current = next;
            setCode('');
            setError(null);
            setPending(next);
          }),
      ),
    [],
  );

  const finish = useCallback((passed: boolean) => {
    pendingRef.current?.resolve(passed);
    pendingRef.current = null;
    setPending(null);
  }, []);

  const submit = async () => {
    if (!pending) return;
    if (!SECOND_FACTOR_CODE.test(code)) {
      setError(t('secondFactor.codeInvalid'));
      return;
    }
    setBusy(true);
    try {
      const refused = await pending.verify(code.trim());
      if (refused === null) finish(true);
      else {
        setError(refused);
        setCode('');
      }
    } catch {
      setError(t('errors.network'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={pending !== null}
      onClose={() => finish(false)}
      title={t('secondFactor.stepUpTitle')}
      centered
      // Above the dialog of the action that asked (Mantine's modals sit at 200).
      zIndex={1000}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">{t('secondFactor.stepUpBody')}</Text>
          {error ? (
            <Alert color="red" role="alert" data-testid="step-up-error">
              {error}
            </Alert>
          ) : null}
          <SecondFactorCodeInput
            autoFocus
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => finish(false)} disabled={busy}>
              {t('secondFactor.cancel')}
            </Button>
            <Button type="submit" loading={busy}>
              {t('secondFactor.stepUpSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
