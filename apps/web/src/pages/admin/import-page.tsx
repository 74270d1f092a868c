import {
  Alert,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Progress,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCircleCheck,
  IconDownload,
  IconFileImport,
  IconListCheck,
} from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { refreshSession } from '../../api/client';
import { downloadFile, readAsBase64 } from '../../api/commendation';
import { ApiError, isProblem } from '../../api/problem';
import type { ImportRefused, ImportResult } from '../../api/types';
import { sessionStore } from '../../auth/session-store';
import { PageHeader } from '../../components/page';

/** The kinds the API imports (GET /imports/{kind}/template, POST /imports/{kind}). */
type Kind = ImportResult['kind'];
const KINDS: readonly Kind[] = ['awards', 'people', 'units', 'memberships'];
type Mode = 'dry-run' | 'apply';

/** POST /imports/{kind}: its answer (200), or the refused apply's problem+json (422). */
type Answer = ImportResult & Partial<Pick<ImportRefused, 'detail'>>;

const MAX_BYTES = 5 * 1024 * 1024;

/** Sends the file; a refused apply (422) answers with the same result and its errors. */
async function postImport(
  kind: Kind,
  mode: Mode,
  body: { fileName: string; contentBase64: string },
  locale: 'vi' | 'en',
  retried = false,
): Promise<Answer> {
  const token = sessionStore.get()?.token;
  const response = await fetch(`/imports/${kind}?mode=${mode}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'accept-language': locale,
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  const answer: unknown = await response.json().catch(() => null);
  if (response.ok || response.status === 422) return answer as Answer;
  if (
    !retried &&
    response.status === 401 &&
    (answer as { code?: unknown } | null)?.code === 'TOKEN_EXPIRED' &&
    (await refreshSession())
  ) {
    return postImport(kind, mode, body, locale, true);
  }
  if (isProblem(answer)) throw new ApiError(answer);
  throw new ApiError({
    status: response.status,
    code: `HTTP_${response.status}`,
    detail: response.statusText,
  });
}

/** Upload, choose the kind, check (a table of errors by row, column and rule), then import. */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const locale: 'vi' | 'en' = i18n.language === 'en' ? 'en' : 'vi';

  const [kind, setKind] = useState<Kind>('awards');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [result, setResult] = useState<{ mode: Mode; data: Answer } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = (next: { kind?: Kind; file?: File | null }) => {
    if (next.kind) setKind(next.kind);
    if (next.file !== undefined) setFile(next.file);
    setResult(null);
    setFailure(null);
  };

  const run = async (mode: Mode) => {
    if (!file) return;
    if (file.size > MAX_BYTES) {
      setFailure(t('imports.tooBig'));
      return;
    }
    setBusy(mode);
    setFailure(null);
    try {
      const contentBase64 = await readAsBase64(file);
      const data = await postImport(kind, mode, { fileName: file.name, contentBase64 }, locale);
      setResult({ mode, data });
    } catch (err) {
      setResult(null);
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(null);
    }
  };

  const template = (format: 'xlsx' | 'csv') =>
    downloadFile(`/imports/${kind}/template?format=${format}`, `mau-nhap-${kind}.${format}`).catch(
      (err: unknown) => setFailure(err instanceof Error ? err.message : String(err)),
    );

  const checkedClean = result !== null && result.mode === 'dry-run' && result.data.errorCount === 0;
  const data = result?.data;

  return (
    <Stack>
      <PageHeader title={t('imports.title')} description={t('imports.description')} />
      <Card withBorder>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('imports.kind')}
              data={KINDS.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
              value={kind}
              onChange={(v) => {
                const next = KINDS.find((k) => k === v);
                if (next) choose({ kind: next });
              }}
              allowDeselect={false}
              w={280}
            />
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              onClick={() => void template('xlsx')}
            >
              {t('imports.template', { format: 'XLSX' })}
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconDownload size={16} />}
              onClick={() => void template('csv')}
            >
              {t('imports.template', { format: 'CSV' })}
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('imports.proposals')}
          </Text>
          <FileInput
            label={t('imports.file')}
            placeholder={t('imports.pick')}
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={(f) => choose({ file: f })}
            clearable
          />
          <Group>
            <Button
              leftSection={<IconListCheck size={16} />}
              disabled={!file || busy !== null}
              loading={busy === 'dry-run'}
              onClick={() => void run('dry-run')}
            >
              {t('imports.dryRun')}
            </Button>
            <Button
              color="green"
              leftSection={<IconFileImport size={16} />}
              disabled={!checkedClean || busy !== null}
              loading={busy === 'apply'}
              onClick={() => void run('apply')}
            >
              {t('imports.apply')}
            </Button>
            {!checkedClean ? (
              <Text size="xs" c="dimmed">
                {t('imports.applyHint')}
              </Text>
            ) : null}
          </Group>
          {busy ? (
            <Stack gap={4} role="status" aria-live="polite">
              <Text size="sm">{t('imports.working')}</Text>
              <Progress value={100} animated striped aria-label={t('imports.working')} />
            </Stack>
          ) : null}
        </Stack>
      </Card>

      {failure ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />}>
          {failure}
        </Alert>
      ) : null}

      {data ? (
        <Card withBorder>
          <Stack>
            <Group gap="lg">
              <Title order={2} size="h4">
                {data.fileName}
              </Title>
              <Badge variant="light">{data.fileType.toUpperCase()}</Badge>
              <Text size="sm">
                {t('imports.rows')}: <b>{data.rows}</b>
              </Text>
              <Text size="sm">
                {t('imports.valid')}: <b>{data.valid}</b>
              </Text>
              <Text size="sm" c={data.errorCount ? 'red' : undefined}>
                {t('imports.errors')}: <b>{data.errorCount}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('imports.took')}: {data.tookMs} ms
              </Text>
            </Group>
            {data.applied ? (
              <Alert color="green" icon={<IconCircleCheck size={18} />}>
                {t('imports.applied', { n: data.createdIds?.length ?? 0 })}
              </Alert>
            ) : data.errorCount === 0 ? (
              <Alert color="blue" icon={<IconCircleCheck size={18} />}>
                {t('imports.clean')}
              </Alert>
            ) : (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                {data.detail ?? t('imports.refused')}
              </Alert>
            )}
            {data.errors.length > 0 ? (
              <>
                {data.errors.length < data.errorCount ? (
                  <Text size="xs" c="dimmed">
                    {t('imports.more', { shown: data.errors.length, total: data.errorCount })}
                  </Text>
                ) : null}
                <ScrollArea.Autosize mah={480}>
                  <Table striped stickyHeader>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('imports.row')}</Table.Th>
                        <Table.Th>{t('imports.column')}</Table.Th>
                        <Table.Th>{t('imports.rule')}</Table.Th>
                        <Table.Th>{t('imports.message')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {data.errors.map((e, i) => (
                        <Table.Tr key={`${e.row}-${e.column}-${e.rule}-${i}`}>
                          <Table.Td>{e.row}</Table.Td>
                          <Table.Td>
                            <code>{e.column || '—'}</code>
                          </Table.Td>
                          <Table.Td>
                            <code>{e.rule}</code>
                          </Table.Td>
                          <Table.Td>{e.message}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollArea.Autosize>
              </>
            ) : null}
          </Stack>
        </Card>
      ) : null}
    </Stack>
  );
}
