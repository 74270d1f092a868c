import {
  Alert,
  Anchor,
  Button,
  Card,
  Container,
  Group,
  Modal,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useQuery } from '@tanstack/react-query';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { text, usePostings, type Posting } from '../../api/commendation';
import { ApiError } from '../../api/problem';
import { LanguageSwitch } from '../../components/language-switch';
import { QueryState } from '../../components/page';
import { DataTable } from '../../components/data-table';
import { useApiMutation } from '../../lib/use-api-mutation';
import { formatDate, formatInstantDate } from '../../lib/dates';
import { FormActions } from '../../components/form-actions';

function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Container component="main" size="md" py="xl">
      <Group justify="space-between" mb="md">
        <Anchor component={Link} to="/login" size="sm">
          {t('app.name')}
        </Anchor>
        <LanguageSwitch />
      </Group>
      <Title order={1} size="h2" mb="md">
        {title}
      </Title>
      {children}
    </Container>
  );
}

/** Xác thực giấy chứng nhận: anyone checks a certificate's code (no login). */
export function VerifyPage() {
  const { t } = useTranslation();
  const { code = '' } = useParams();
  const navigate = useNavigate();
  const [input, setInput] = useState(code);
  const query = useQuery({
    queryKey: ['verify', code],
    enabled: !!code,
    retry: false,
    queryFn: () => call(api.GET('/verify/{code}', { params: { path: { code } } })),
  });
  const v = query.data;
  const notFound = query.error instanceof ApiError && query.error.status === 404;
  return (
    <PublicShell title={t('verify.title')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (input.trim()) void navigate(`/verify/${encodeURIComponent(input.trim())}`);
        }}
      >
        <Group align="flex-end" mb="md">
          <TextInput
            label={t('verify.code')}
            style={{ flex: 1 }}
            value={input}
            onChange={(e) => setInput(e.currentTarget.value)}
          />
          <Button type="submit">{t('verify.check')}</Button>
        </Group>
      </form>
      {code ? (
        notFound ? (
          <Alert color="red" variant="light" role="alert" icon={<IconCircleX aria-hidden />}>
            {t('verify.notFound', { code })}
          </Alert>
        ) : (
          <QueryState isLoading={query.isLoading} error={query.error}>
            {v ? (
              <Card withBorder padding="lg">
                <Stack gap="xs">
                  <Alert
                    color={v.valid ? 'green' : 'red'}
                    variant="filled"
                    role="status"
                    icon={v.valid ? <IconCircleCheck aria-hidden /> : <IconCircleX aria-hidden />}
                    title={v.valid ? t('verify.valid') : t('verify.revoked')}
                  >
                    {v.valid
                      ? t('verify.validHint')
                      : t('verify.revokedHint', {
                          when: formatInstantDate(v.revokedAt),
                          reason: v.revocationReason ?? '',
                        })}
                  </Alert>
                  <Text fw={600} size="lg">
                    {v.recipientName}
                  </Text>
                  <Text>
                    {v.formName} · {v.year}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('verify.serial')}: {v.serial}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('verify.decision')}: {v.decisionNumber ?? '—'}
                    {v.decisionDate ? ` (${formatDate(v.decisionDate)})` : ''} ·{' '}
                    {v.authorityName ?? ''}
                  </Text>
                  {v.signature ? (
                    <Alert
                      color={v.signature.status === 'VALID' ? 'green' : 'orange'}
                      variant="light"
                      title={t('verify.signature')}
                    >
                      {t(
                        v.signature.status === 'VALID'
                          ? 'verify.signatureValid'
                          : 'verify.signatureExpired',
                        {
                          signer: v.signature.signedBy,
                          issuer: v.signature.issuer,
                          until: formatInstantDate(v.signature.validTo),
                        },
                      )}
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {t('verify.fingerprint')}: {v.signature.fingerprintSha256}
                      </Text>
                    </Alert>
                  ) : null}
                </Stack>
              </Card>
            ) : null}
          </QueryState>
        )
      ) : null}
    </PublicShell>
  );
}

/** Công khai: nominations in their public posting period (no login). */
export function PostingsPage() {
  const { t, i18n } = useTranslation();
  const list = usePostings();
  const [objecting, setObjecting] = useState<Posting | null>(null);
  const [filed, setFiled] = useState<string | null>(null);
  return (
    <PublicShell title={t('postings.title')}>
      <Text c="dimmed" size="sm" mb="md">
        {t('postings.description')}
      </Text>
      {filed ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          mb="md"
          icon={<IconCircleCheck aria-hidden />}
          title={t('publicObjection.filedTitle')}
          withCloseButton
          closeButtonLabel={t('common.closeNotice')}
          onClose={() => setFiled(null)}
        >
          {t('publicObjection.filed', { name: filed })}
        </Alert>
      ) : null}
      <Modal
        opened={objecting !== null}
        onClose={() => setObjecting(null)}
        title={t('publicObjection.title')}
        centered
        size="lg"
      >
        {objecting ? (
          <ObjectionForm
            posting={objecting}
            onFiled={() => {
              setFiled(objecting.nomineeName);
              setObjecting(null);
            }}
          />
        ) : null}
      </Modal>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <DataTable
          empty={t('postings.empty')}
          minWidth={720}
          aria-label={t('postings.title')}
          rows={list.data ?? []}
          rowKey={(p) => p.nominationId}
          columns={[
            { header: t('nominations.nominee'), cell: (p) => p.nomineeName },
            {
              header: t('nominations.form'),
              cell: (p) => (
                <>
                  {text(p.formName, i18n.language)}
                  <Text size="xs" c="dimmed">
                    {p.authorityName}
                  </Text>
                </>
              ),
            },
            { header: t('postings.achievement'), cell: (p) => p.achievement },
            { header: t('postings.until'), cell: (p) => formatInstantDate(p.postedUntil) },
            {
              header: <VisuallyHidden>{t('publicObjection.column')}</VisuallyHidden>,
              cell: (p) => (
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => setObjecting(p)}
                  aria-label={t('publicObjection.openFor', { name: p.nomineeName })}
                >
                  {t('publicObjection.open')}
                </Button>
              ),
            },
          ]}
        />
      </QueryState>
    </PublicShell>
  );
}

interface ObjectionValues {
  objectorName: string;
  objectorContact: string;
  text: string;
}

/** Phản ánh: anyone objects to a posted nomination, with a name and a contact the board answers
 * to (no account; the API limits filings per address). */
function ObjectionForm({ posting, onFiled }: { posting: Posting; onFiled: () => void }) {
  const { t, i18n } = useTranslation();
  const form = useForm<ObjectionValues>({
    mode: 'controlled',
    initialValues: { objectorName: '', objectorContact: '', text: '' },
    validate: {
      objectorName: (v) => (v.trim().length >= 2 ? null : t('publicObjection.nameRequired')),
      objectorContact: (v) =>
        /^(?:[^\s@]+@[^\s@]+\.[^\s@]+|\+?[0-9][0-9 .()-]{5,19})$/.test(v.trim())
          ? null
          : t('publicObjection.contactInvalid'),
      text: (v) => (v.trim().length >= 5 ? null : t('publicObjection.textRequired')),
    },
  });
  const file = useApiMutation({
    form,
    mutationFn: (v: ObjectionValues) =>
      call(
        api.POST('/public/postings/{id}/objections', {
          params: { path: { id: posting.nominationId } },
          body: {
            objectorName: v.objectorName.trim(),
            objectorContact: v.objectorContact.trim(),
            text: v.text.trim(),
          },
        }),
      ),
    onSuccess: onFiled,
  });
  return (
    <form onSubmit={form.onSubmit((v) => file.mutate(v))} noValidate>
      <Stack gap="sm">
        <Card withBorder padding="sm">
          <Text fw={600}>{posting.nomineeName}</Text>
          <Text size="sm">
            {text(posting.formName, i18n.language)} · {posting.authorityName ?? ''}
          </Text>
          <Text size="sm" c="dimmed">
            {posting.achievement}
          </Text>
        </Card>
        <Textarea
          label={t('publicObjection.text')}
          description={t('publicObjection.textHint')}
          required
          autosize
          minRows={4}
          maxLength={4000}
          {...form.getInputProps('text')}
        />
        <TextInput
          label={t('publicObjection.name')}
          required
          maxLength={120}
          autoComplete="name"
          {...form.getInputProps('objectorName')}
        />
        <TextInput
          label={t('publicObjection.contact')}
          description={t('publicObjection.contactHint')}
          required
          maxLength={200}
          autoComplete="email"
          {...form.getInputProps('objectorContact')}
        />
        <Text size="xs" c="dimmed">
          {t('publicObjection.privacy')}
        </Text>
        <FormActions pending={file.isPending} submitLabel={t('publicObjection.submit')} />
      </Stack>
    </form>
  );
}
