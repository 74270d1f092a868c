import { Alert, Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconDownload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { downloadFile } from '../../api/commendation';
import { ApiError } from '../../api/problem';
import { ErrorAlert, PageHeader, QueryState } from '../../components/page';
import { formatDecimal } from '../../lib/reports';

/** Biên bản kiểm phiếu: the council's ballot-count minutes of a nomination, to read and to
 * download as PDF (part of the commendation dossier). */
export function MinutesPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const minutes = useQuery({
    queryKey: ['nominations', id, 'minutes'],
    enabled: !!id,
    retry: false,
    queryFn: () =>
      call(
        api.GET('/nominations/{id}/minutes', {
          params: { path: { id }, query: { format: 'json' } },
        }),
      ),
  });
  const [downloadError, setDownloadError] = useState<Error | null>(null);
  const [downloading, setDownloading] = useState(false);
  const none = minutes.error instanceof ApiError && minutes.error.status === 404;
  const m = minutes.data;
  const [title, ...lines] = (m?.minutes ?? '').split('\n');
  return (
    <>
      <PageHeader
        title={t('minutes.title')}
        description={t('minutes.description')}
        actions={
          <Anchor component={Link} to={`/nominations/${id}`} size="sm">
            {t('minutes.back')}
          </Anchor>
        }
      />
      {none ? (
        <Alert color="gray" variant="light">
          {t('minutes.none')}
        </Alert>
      ) : (
        <QueryState isLoading={minutes.isLoading} error={minutes.error}>
          {m ? (
            <Stack gap="md">
              {m.tally ? (
                <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
                  {(
                    [
                      ['eligible', m.tally.eligibleCount],
                      ['cast', m.tally.ballotsCast],
                      ['written', m.tally.writtenBallots],
                      ['approvals', m.tally.approvals],
                    ] as const
                  ).map(([key, value]) => (
                    <Card withBorder padding="sm" key={key}>
                      <Text size="xs" c="dimmed" fw={700}>
                        {t(`minutes.${key}`)}
                      </Text>
                      <Text size="xl" fw={700}>
                        {value}
                      </Text>
                    </Card>
                  ))}
                </SimpleGrid>
              ) : null}
              {m.tally ? (
                <Alert color={m.tally.passed ? 'green' : 'red'} variant="light" role="status">
                  {t(m.tally.passed ? 'minutes.passed' : 'minutes.failed', {
                    share: formatDecimal(
                      m.tally.eligibleCount > 0
                        ? (100 * m.tally.approvals) / m.tally.eligibleCount
                        : 0,
                    ),
                    threshold: formatDecimal(m.tally.thresholdPercent),
                  })}
                </Alert>
              ) : null}
              <Card withBorder padding="lg">
                <Group justify="space-between" align="flex-start" mb="sm">
                  <Title order={2} size="h4">
                    {title}
                  </Title>
                  <Button
                    leftSection={<IconDownload size={16} aria-hidden />}
                    variant="default"
                    loading={downloading}
                    onClick={() => {
                      setDownloading(true);
                      setDownloadError(null);
                      downloadFile(
                        `/nominations/${id}/minutes?format=pdf`,
                        `bien-ban-kiem-phieu-${id.slice(0, 8)}.pdf`,
                      )
                        .catch((err: Error) => setDownloadError(err))
                        .finally(() => setDownloading(false));
                    }}
                  >
                    {t('minutes.download')}
                  </Button>
                </Group>
                {downloadError ? <ErrorAlert error={downloadError} /> : null}
                {/* The body font: it has Vietnamese's precomposed letters (monospace fonts
                    detached the accents). */}
                <Text
                  component="div"
                  size="sm"
                  style={{ whiteSpace: 'pre-wrap', lineHeight: 1.6 }}
                  data-testid="minutes-text"
                >
                  {lines.join('\n')}
                </Text>
              </Card>
            </Stack>
          ) : null}
        </QueryState>
      )}
    </>
  );
}
