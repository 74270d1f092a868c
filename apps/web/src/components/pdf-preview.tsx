import { Anchor, Group, Loader, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchBlob } from '../api/commendation';
import { ErrorAlert } from './page';

/**
 * A PDF the API serves only with the bearer token (a certificate, a decision): fetched as a blob,
 * shown in the browser's viewer through an object URL, with a link to save it. Only a blob the
 * server typed application/pdf is framed: an object URL has this page's origin, so anything else
 * (HTML above all) could act as the page. The frame has no `sandbox` attribute because Chromium
 * refuses its PDF viewer in any sandboxed frame (crbug.com/413851); the CSP's frame-src admits
 * only this origin and blob: URLs.
 */
export function PdfPreview({
  path,
  fileName,
  title,
  height = 560,
}: {
  path: string;
  fileName: string;
  /** Names the embedded document for screen readers. */
  title: string;
  height?: number;
}) {
  const { t } = useTranslation();
  // The state names the path it belongs to: a new path shows the loader until its file arrives.
  const [state, setState] = useState<{ path: string; url: string | null; error: Error | null }>({
    path: '',
    url: null,
    error: null,
  });
  useEffect(() => {
    let url: string | null = null;
    let cancelled = false;
    fetchBlob(path).then(
      (file) => {
        url = file.url;
        if (cancelled) URL.revokeObjectURL(file.url);
        else if (file.type !== 'application/pdf') {
          URL.revokeObjectURL(file.url);
          url = null;
          setState({ path, url: null, error: new Error(t('pdf.notPdf')) });
        } else setState({ path, url: file.url, error: null });
      },
      (error: unknown) => {
        if (!cancelled) setState({ path, url: null, error: error as Error });
      },
    );
    return () => {
      cancelled = true;
      if (url) URL.revokeObjectURL(url);
    };
  }, [path, t]);

  const current = state.path === path;
  if (current && state.error) return <ErrorAlert error={state.error} />;
  if (!current || !state.url) {
    return (
      <Group gap="xs" py="md" role="status" aria-live="polite">
        <Loader size="sm" />
        <Text size="sm" c="dimmed">
          {t('pdf.loading')}
        </Text>
      </Group>
    );
  }
  return (
    <>
      <Group justify="flex-end" mb="xs">
        <Anchor href={state.url} download={fileName} size="sm">
          <Group gap={4} component="span">
            <IconDownload size={16} aria-hidden />
            {t('pdf.download', { name: fileName })}
          </Group>
        </Anchor>
      </Group>
      <iframe
        src={`${state.url}#view=FitH`}
        title={title}
        style={{ width: '100%', height, border: '1px solid var(--mantine-color-gray-4)' }}
      />
    </>
  );
}
