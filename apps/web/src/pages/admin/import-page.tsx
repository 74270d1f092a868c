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
import { sessionStore } from '../../auth/session-store';
import { PageHeader } from '../../components/page';

/** The kinds the API imports (GET /imports/{kind}/template, POST /imports/{kind}). */
const KINDS = ['awards', 'people', 'units', 'memberships'] as const;
type Kind = (typeof KINDS)[number];
type Mode = 'dry-run' | 'apply';

/** POST /imports/{kind}: its answer (200), or the refused apply's problem+json (422). */
interface ImportResult {
  kind: Kind;
  fileName: string;
  fileType: 'xlsx' | 'csv';
  sha256: string;
  rows: number;
  valid: number;
  errorCount: number;
  errors: { row: number; column: string; rule: string; message: string }[];
  applied: boolean;
  importId?: string;
  createdIds?: string[];
  tookMs: number;
  detail?: string;
}

const MAX_BYTES = 5 * 1024 * 1024;

type Text2 = { vi: string; en: string };
const T = {
  title: { vi: 'Nhập dữ liệu hàng loạt', en: 'Bulk import' },
  description: {
    vi: 'Nhập khen thưởng trước đây, người của đơn vị, đơn vị và thành viên cụm từ tệp XLSX hoặc CSV: tải mẫu, kiểm tra (không ghi gì), rồi nhập — tất cả các dòng hoặc không dòng nào.',
    en: 'Import earlier awards, people, units and cluster members from an XLSX or CSV file: download the template, check it (nothing is written), then import — every row or none.',
  },
  kind: { vi: 'Loại dữ liệu', en: 'What to import' },
  template: { vi: 'Tải mẫu', en: 'Template' },
  file: {
    vi: 'Tệp XLSX hoặc CSV (UTF-8), tối đa 5 MiB',
    en: 'XLSX or CSV (UTF-8) file, up to 5 MiB',
  },
  pick: { vi: 'Chọn tệp…', en: 'Choose a file…' },
  dryRun: { vi: 'Kiểm tra (chạy thử)', en: 'Check (dry run)' },
  apply: { vi: 'Nhập dữ liệu', en: 'Import' },
  applyHint: {
    vi: 'Chỉ nhập được sau khi kiểm tra tệp không còn lỗi.',
    en: 'Import becomes available once a check finds no errors.',
  },
  working: { vi: 'Đang xử lý tệp…', en: 'Processing the file…' },
  tooBig: { vi: 'Tệp lớn hơn 5 MiB.', en: 'The file is larger than 5 MiB.' },
  rows: { vi: 'Số dòng', en: 'Rows' },
  valid: { vi: 'Dòng hợp lệ', en: 'Valid rows' },
  errors: { vi: 'Lỗi', en: 'Errors' },
  took: { vi: 'Thời gian', en: 'Time' },
  clean: {
    vi: 'Không có lỗi: có thể nhập dữ liệu.',
    en: 'No errors: the file can be imported.',
  },
  refused: {
    vi: 'Tệp có lỗi: không dữ liệu nào được ghi. Sửa các dòng dưới đây rồi kiểm tra lại.',
    en: 'The file has errors: nothing was written. Fix the rows below and check again.',
  },
  applied: { vi: 'Đã nhập {n} bản ghi.', en: '{n} records imported.' },
  row: { vi: 'Dòng', en: 'Row' },
  column: { vi: 'Cột', en: 'Column' },
  rule: { vi: 'Quy tắc', en: 'Rule' },
  message: { vi: 'Nội dung lỗi', en: 'Problem' },
  more: {
    vi: 'Chỉ hiển thị {shown}/{total} lỗi đầu tiên.',
    en: 'Showing the first {shown} of {total} errors.',
  },
  proposals: {
    vi: 'Danh sách đề nghị khen thưởng chưa nhập được bằng tệp.',
    en: 'Proposal lists cannot be imported from a file yet.',
  },
} satisfies Record<string, Text2>;

const KIND_LABELS: Record<Kind, Text2> = {
  awards: { vi: 'Khen thưởng trước đây', en: 'Earlier awards' },
  people: { vi: 'Người của đơn vị', en: 'People of units' },
  units: { vi: 'Đơn vị', en: 'Units' },
  memberships: { vi: 'Thành viên cụm thi đua', en: 'Cluster memberships' },
};

/** Sends the file; a refused apply (422) answers with the same result and its errors. */
async function postImport(
  kind: Kind,
  mode: Mode,
  body: { fileName: string; contentBase64: string },
  locale: 'vi' | 'en',
  retried = false,
): Promise<ImportResult> {
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
  if (response.ok || response.status === 422) return answer as ImportResult;
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
  const { i18n } = useTranslation();
  const locale: 'vi' | 'en' = i18n.language === 'en' ? 'en' : 'vi';
  const t = (key: keyof typeof T, vars: Record<string, string | number> = {}) =>
    Object.entries(vars).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), T[key][locale]);

  const [kind, setKind] = useState<Kind>('awards');
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState<Mode | null>(null);
  const [result, setResult] = useState<{ mode: Mode; data: ImportResult } | null>(null);
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
      setFailure(t('tooBig'));
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
      <PageHeader title={t('title')} description={t('description')} />
      <Card withBorder>
        <Stack>
          <Group align="flex-end" wrap="wrap">
            <Select
              label={t('kind')}
              data={KINDS.map((k) => ({ value: k, label: KIND_LABELS[k][locale] }))}
              value={kind}
              onChange={(v) => v && choose({ kind: v })}
              allowDeselect={false}
              w={280}
            />
            <Button
              variant="light"
              leftSection={<IconDownload size={16} />}
              onClick={() => void template('xlsx')}
            >
              {t('template')} XLSX
            </Button>
            <Button
              variant="subtle"
              leftSection={<IconDownload size={16} />}
              onClick={() => void template('csv')}
            >
              {t('template')} CSV
            </Button>
          </Group>
          <Text size="xs" c="dimmed">
            {t('proposals')}
          </Text>
          <FileInput
            label={t('file')}
            placeholder={t('pick')}
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
              {t('dryRun')}
            </Button>
            <Button
              color="green"
              leftSection={<IconFileImport size={16} />}
              disabled={!checkedClean || busy !== null}
              loading={busy === 'apply'}
              onClick={() => void run('apply')}
            >
              {t('apply')}
            </Button>
            {!checkedClean ? (
              <Text size="xs" c="dimmed">
                {t('applyHint')}
              </Text>
            ) : null}
          </Group>
          {busy ? (
            <Stack gap={4} role="status" aria-live="polite">
              <Text size="sm">{t('working')}</Text>
              <Progress value={100} animated striped aria-label={t('working')} />
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
                {t('rows')}: <b>{data.rows}</b>
              </Text>
              <Text size="sm">
                {t('valid')}: <b>{data.valid}</b>
              </Text>
              <Text size="sm" c={data.errorCount ? 'red' : undefined}>
                {t('errors')}: <b>{data.errorCount}</b>
              </Text>
              <Text size="sm" c="dimmed">
                {t('took')}: {data.tookMs} ms
              </Text>
            </Group>
            {data.applied ? (
              <Alert color="green" icon={<IconCircleCheck size={18} />}>
                {t('applied', { n: data.createdIds?.length ?? 0 })}
              </Alert>
            ) : data.errorCount === 0 ? (
              <Alert color="blue" icon={<IconCircleCheck size={18} />}>
                {t('clean')}
              </Alert>
            ) : (
              <Alert color="orange" icon={<IconAlertTriangle size={18} />}>
                {data.detail ?? t('refused')}
              </Alert>
            )}
            {data.errors.length > 0 ? (
              <>
                {data.errors.length < data.errorCount ? (
                  <Text size="xs" c="dimmed">
                    {t('more', { shown: data.errors.length, total: data.errorCount })}
                  </Text>
                ) : null}
                <ScrollArea.Autosize mah={480}>
                  <Table striped stickyHeader>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t('row')}</Table.Th>
                        <Table.Th>{t('column')}</Table.Th>
                        <Table.Th>{t('rule')}</Table.Th>
                        <Table.Th>{t('message')}</Table.Th>
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
