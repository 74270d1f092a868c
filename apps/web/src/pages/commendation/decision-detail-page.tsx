import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useIsMutating } from '@tanstack/react-query';
import { IconCertificate, IconDownload, IconGavel } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { awardKeys, useDecision, type DecisionDetail } from '../../api/awards';
import { api, call } from '../../api/client';
import { commendationKeys, downloadFile } from '../../api/commendation';
import { useApiMutation } from '../../lib/use-api-mutation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { PdfPreview } from '../../components/pdf-preview';
import { formatDate, formatDateTime } from '../../lib/dates';
import { fileSlug, formatCount } from '../../lib/reports';
import { DecisionStatusBadge } from './decisions-page';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';
import { ConfirmActions } from '../../components/form-actions';

interface Preview {
  path: string;
  fileName: string;
  title: string;
}

/** Ban hành: one long request (the workflow creates every award); the page reads the decision
 * again meanwhile, so a request cut off by the network still ends on the issued decision. */
function IssueCard({ d }: { d: DecisionDetail }) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const issue = useApiMutation({
    mutationFn: () => call(api.POST('/decisions/{id}/issue', { params: { path: { id: d.id } } })),
    successMessage: t('decisionDetail.issued', { number: d.number }),
    invalidate: [
      awardKeys.decision(d.id),
      awardKeys.allDecisions,
      awardKeys.allAwards,
      commendationKeys.nominations,
    ],
  });
  const total = d.recipients.length;
  const done = d.recipients.filter((r) => r.award).length;
  return (
    <SectionCard
      title={t('decisionDetail.issueTitle')}
      hint={t('decisionDetail.issueHint', { count: total })}
      stack
    >
      {issue.isPending ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{t('decisionDetail.issuing', { done, total })}</Text>
          <Progress
            value={total ? Math.max(8, (done / total) * 100) : 100}
            animated
            striped
            aria-label={t('decisionDetail.issuingLabel')}
          />
        </Stack>
      ) : null}
      <Group>
        <Button
          leftSection={<IconGavel size={16} aria-hidden />}
          loading={issue.isPending}
          onClick={() => setConfirming(true)}
        >
          {t('decisionDetail.issue')}
        </Button>
      </Group>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('decisionDetail.confirmTitle', { number: d.number })}
      >
        <Text size="sm" mb="md">
          {t('decisionDetail.confirmText', { count: total })}
        </Text>
        <ConfirmActions
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            issue.mutate();
          }}
          confirmLabel={t('decisionDetail.issueNow')}
        />
      </Modal>
    </SectionCard>
  );
}

/** Một quyết định: its details, annex, issuing, the decision PDF and the certificates. */
export function DecisionDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  // Read the decision again while it is being issued (the only action on this page).
  const issuing = useIsMutating() > 0;
  const query = useDecision(id, issuing);
  const d = query.data;
  const [preview, setPreview] = useState<Preview | null>(null);
  const [downloading, setDownloading] = useState(false);
  const mine = !!d && caps.isAuthority && d.authority?.id === me.data?.unitId;
  const slug = d ? fileSlug(d.number) : '';

  const downloadDecision = async () => {
    if (!d) return;
    setDownloading(true);
    try {
      await downloadFile(`/decisions/${d.id}/pdf`, `quyet-dinh-${slug}.pdf`);
    } finally {
      setDownloading(false);
    }
  };

  return (
    <>
      <PageHeader
        title={d ? t('decisionDetail.title', { number: d.number }) : t('decisions.title')}
        description={d?.title}
        actions={
          <Anchor component={Link} to="/decisions">
            {t('decisionDetail.back')}
          </Anchor>
        }
      />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {d ? (
          <Stack gap="md">
            <Card withBorder padding="md">
              <Group gap="xs" mb="sm">
                <DecisionStatusBadge status={d.status} />
                {d.issuedAt ? (
                  <Text size="sm" c="dimmed">
                    {t('decisionDetail.issuedAt', { when: formatDateTime(d.issuedAt) })}
                  </Text>
                ) : null}
              </Group>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
                <Field label={t('decisionForm.signedOn')} value={formatDate(d.signedOn)} />
                <Field label={t('decisionDetail.authority')} value={d.authority?.name ?? '—'} />
                <Field
                  label={t('decisionDetail.signer')}
                  value={[d.signerTitle, d.signerName].filter(Boolean).join(' · ')}
                />
                <Field
                  label={t('decisions.ceremony')}
                  value={
                    d.ceremonyName
                      ? `${d.ceremonyName}${d.ceremonyOn ? ` (${formatDate(d.ceremonyOn)})` : ''}`
                      : '—'
                  }
                />
              </SimpleGrid>
              <Group mt="md">
                <Button
                  variant="light"
                  leftSection={<IconDownload size={16} aria-hidden />}
                  loading={downloading}
                  onClick={() => void downloadDecision()}
                >
                  {t('decisionDetail.downloadPdf')}
                </Button>
                <Button
                  variant="default"
                  onClick={() =>
                    setPreview({
                      path: `/decisions/${d.id}/pdf`,
                      fileName: `quyet-dinh-${slug}.pdf`,
                      title: t('decisionDetail.title', { number: d.number }),
                    })
                  }
                >
                  {t('decisionDetail.previewDecision')}
                </Button>
                {d.status === 'ISSUED' ? (
                  <Button
                    variant="default"
                    leftSection={<IconCertificate size={16} aria-hidden />}
                    onClick={() =>
                      setPreview({
                        path: `/decisions/${d.id}/certificates`,
                        fileName: `giay-chung-nhan-${slug}.pdf`,
                        title: t('decisionDetail.allCertificates'),
                      })
                    }
                  >
                    {t('decisionDetail.allCertificates')}
                  </Button>
                ) : null}
              </Group>
            </Card>

            {d.status === 'DRAFT' && mine ? <IssueCard d={d} /> : null}
            {d.status === 'DRAFT' && !mine ? (
              <Alert color="gray" variant="light">
                {t('decisionDetail.draftNotYours')}
              </Alert>
            ) : null}

            <SectionCard title={t('decisionDetail.annex', { count: d.recipients.length })}>
              <DataTable
                minWidth={720}
                aria-label={t('decisionForm.annex')}
                rows={d.recipients}
                rowKey={(r) => r.nominationId}
                columns={[
                  {
                    header: t('decisionDetail.index'),
                    th: { w: 48 },
                    cell: (r, i) => formatCount(i + 1),
                  },
                  {
                    header: t('nominations.nominee'),
                    cell: (r) => (
                      <>
                        <Anchor component={Link} to={`/nominations/${r.nominationId}`} size="sm">
                          {r.nomineeName}
                        </Anchor>
                        <Text size="xs" c="dimmed">
                          {t(`nomineeKind.${r.nomineeKind}`)}
                        </Text>
                      </>
                    ),
                  },
                  { header: t('nominations.form'), cell: (r) => r.formName },
                  {
                    header: t('awards.serial'),
                    cell: (r) =>
                      r.award ? (
                        <>
                          <Text size="sm">{r.award.serial}</Text>
                          <Anchor
                            component={Link}
                            to={`/verify/${r.award.verificationCode}`}
                            size="xs"
                          >
                            {r.award.verificationCode}
                          </Anchor>
                          {r.award.revoked ? (
                            <Badge color="red" variant="light" size="sm" ml={6}>
                              {t('awardStatus.REVOKED')}
                            </Badge>
                          ) : null}
                        </>
                      ) : (
                        '—'
                      ),
                  },
                  {
                    header: t('awards.certificate'),
                    cell: (r) =>
                      r.award ? (
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={t('awards.previewFor', { name: r.nomineeName })}
                          onClick={() =>
                            setPreview({
                              path: `/awards/${r.award!.id}/certificate`,
                              fileName: `giay-chung-nhan-${fileSlug(r.award!.serial ?? r.award!.id)}.pdf`,
                              title: t('awards.certificateOf', { name: r.nomineeName }),
                            })
                          }
                        >
                          {t('awards.preview')}
                        </Button>
                      ) : (
                        '—'
                      ),
                  },
                ]}
              />
            </SectionCard>
          </Stack>
        ) : null}
      </QueryState>
      <Modal
        opened={!!preview}
        onClose={() => setPreview(null)}
        title={preview?.title}
        size="xl"
        lang={i18n.language}
      >
        {preview ? (
          <PdfPreview path={preview.path} fileName={preview.fileName} title={preview.title} />
        ) : null}
      </Modal>
    </>
  );
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value || '—'}</Text>
    </div>
  );
}
