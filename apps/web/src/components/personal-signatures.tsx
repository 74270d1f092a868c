import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconCertificate, IconFileUpload, IconSignature } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../api/client';
import { readAsBase64 } from '../api/commendation';
import { formatDateTime } from '../lib/dates';
import { DataTable } from './data-table';
import { useApiMutation } from '../lib/use-api-mutation';

const signaturesKey = (roundId: string) => ['signing-rounds', roundId, 'personal-signatures'];

interface FormValues {
  certificate: File | null;
  password: string;
  reason: string;
}

/**
 * Personal digital signatures (chữ ký số cá nhân) on the effective signed copy: who added one,
 * with which certificate; a member unit's signer adds theirs with their PKCS#12 (.p12/.pfx), which
 * the browser sends for this signature only (the API never stores it).
 */
export function PersonalSignatures({
  roundId,
  canSign,
  myUserId,
  unitNames,
}: {
  roundId: string;
  canSign: boolean;
  myUserId: string | undefined;
  unitNames: Map<string, string>;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const list = useQuery({
    queryKey: signaturesKey(roundId),
    queryFn: () =>
      call(
        api.GET('/signing-rounds/{roundId}/signed-copy/signatures', {
          params: { path: { roundId } },
        }),
      ),
  });
  const form = useForm<FormValues>({
    initialValues: { certificate: null, password: '', reason: '' },
    validate: {
      certificate: (f) => (f ? null : t('personalSignature.chooseFile')),
    },
  });
  const add = useApiMutation<FormValues>({
    form,
    rename: { certificateBase64: 'certificate' },
    mutationFn: async (v) =>
      call(
        api.POST('/signing-rounds/{roundId}/signed-copy/signatures', {
          params: { path: { roundId } },
          body: {
            certificateBase64: await readAsBase64(v.certificate as File),
            password: v.password,
            ...(v.reason.trim() ? { reason: v.reason.trim() } : {}),
          },
        }),
      ),
    successMessage: t('personalSignature.added'),
    invalidate: [signaturesKey(roundId)],
    onSuccess: () => {
      setOpen(false);
      form.reset();
    },
  });
  const rows = list.data ?? [];
  const mine = rows.find((r) => r.signerUserId === myUserId);

  return (
    <Stack gap="xs" data-testid="personal-signatures">
      <Title order={3} size="h5">
        {t('personalSignature.title')}
      </Title>
      <DataTable
        empty={t('personalSignature.none')}
        minWidth={520}
        rows={rows}
        rowKey={(s) => s.sequence}
        columns={[
          { header: t('personalSignature.signer'), cell: (s) => s.certificateSubject },
          {
            header: t('personalSignature.unit'),
            cell: (s) => (s.signerUnitId && unitNames.get(s.signerUnitId)) ?? '—',
          },
          { header: t('personalSignature.issuer'), cell: (s) => s.certificateIssuer },
          { header: t('personalSignature.at'), cell: (s) => formatDateTime(s.signedAt) },
        ]}
      />
      {mine ? (
        <Text size="sm" fw={500}>
          {t('personalSignature.mine', { at: formatDateTime(mine.signedAt) })}
        </Text>
      ) : canSign && list.isSuccess ? (
        <Group>
          <Button
            variant="light"
            leftSection={<IconSignature size={16} aria-hidden />}
            onClick={() => setOpen(true)}
          >
            {t('personalSignature.add')}
          </Button>
        </Group>
      ) : null}
      <Modal opened={open} onClose={() => setOpen(false)} title={t('personalSignature.add')}>
        <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate>
          <Stack>
            <Alert variant="light" icon={<IconCertificate size={18} aria-hidden />}>
              {t('personalSignature.explain')}
            </Alert>
            <FileInput
              label={t('personalSignature.file')}
              placeholder={t('personalSignature.chooseFile')}
              accept=".p12,.pfx,application/x-pkcs12"
              leftSection={<IconFileUpload size={16} aria-hidden />}
              withAsterisk
              {...form.getInputProps('certificate')}
            />
            <PasswordInput
              label={t('personalSignature.password')}
              autoComplete="off"
              {...form.getInputProps('password')}
            />
            <TextInput
              label={t('personalSignature.reason')}
              placeholder={t('personalSignature.reasonPlaceholder')}
              {...form.getInputProps('reason')}
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={add.isPending}>
                {t('personalSignature.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </Stack>
  );
}
