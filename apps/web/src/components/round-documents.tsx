import { Button, Group, Stack } from '@mantine/core';
import { IconDownload, IconFileCertificate } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { downloadFile } from '../api/commendation';
import type { SigningStatus } from '../api/types';
import { capabilitiesOf, useMe } from '../auth/auth';
import { useApiMutation } from '../lib/use-api-mutation';
import { fileSlug } from '../lib/reports';
import { PersonalSignatures } from './personal-signatures';

/** The API serves the signed copy once the round is effective or has passed its deadline. */
export function signedCopyReady(status: SigningStatus): boolean {
  return status.status === 'EFFECTIVE' || status.overdueAt !== null;
}

/**
 * The round's documents for every member: the conference package from the moment the round
 * opens, the sealed signed copy (pledge and completion certificate) once it is ready. Both are
 * fetched with the bearer token and saved under a readable name.
 */
export function RoundDocuments({ status }: { status: SigningStatus }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const slug = fileSlug(status.roundId);
  const download = useApiMutation<{ path: string; fileName: string }>({
    mutationFn: ({ path, fileName }) => downloadFile(path, fileName),
  });
  const busy = (path: string) => download.isPending && download.variables?.path === path;
  const packagePath = `/signing-rounds/${encodeURIComponent(status.roundId)}/package.pdf`;
  const signedPath = `/signing-rounds/${encodeURIComponent(status.roundId)}/signed-copy.pdf`;

  const units = new Map(status.units.map((u) => [u.unitId, u.unitName]));
  const memberSigner = capabilitiesOf(me).isSigner && !!me?.unitId && units.has(me.unitId);
  return (
    <Stack gap="md">
      <Group gap="sm" data-testid="round-documents">
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden />}
          loading={busy(packagePath)}
          onClick={() =>
            download.mutate({ path: packagePath, fileName: `tai-lieu-hoi-nghi-${slug}.pdf` })
          }
        >
          {t('pledge.downloadPackage')}
        </Button>
        {signedCopyReady(status) ? (
          <Button
            variant="light"
            leftSection={<IconFileCertificate size={16} aria-hidden />}
            loading={busy(signedPath)}
            onClick={() =>
              download.mutate({ path: signedPath, fileName: `giao-uoc-da-ky-${slug}.pdf` })
            }
          >
            {t('pledge.downloadSignedCopy')}
          </Button>
        ) : null}
      </Group>
      {status.status === 'EFFECTIVE' ? (
        <PersonalSignatures
          roundId={status.roundId}
          canSign={memberSigner}
          myUserId={me?.userId}
          unitNames={units}
        />
      ) : null}
    </Stack>
  );
}
