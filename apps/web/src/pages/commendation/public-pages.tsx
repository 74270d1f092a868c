import {
  Alert,
  Anchor,
  Button,
  Card,
  Center,
  Container,
  Group,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { IconCircleCheck, IconCircleX } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, call } from '../../api/client';
import { text, usePostings } from '../../api/commendation';
import { ApiError } from '../../api/problem';
import { LanguageSwitch } from '../../components/language-switch';
import { QueryState } from '../../components/page';
import { formatDate, formatInstantDate } from '../../lib/dates';

function PublicShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Container size="md" py="xl">
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
  return (
    <PublicShell title={t('postings.title')}>
      <Text c="dimmed" size="sm" mb="md">
        {t('postings.description')}
      </Text>
      <QueryState isLoading={list.isLoading} error={list.error}>
        {list.data && list.data.length === 0 ? (
          <Center py="md">
            <Text c="dimmed">{t('postings.empty')}</Text>
          </Center>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table striped aria-label={t('postings.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('nominations.nominee')}</Table.Th>
                  <Table.Th>{t('nominations.form')}</Table.Th>
                  <Table.Th>{t('postings.achievement')}</Table.Th>
                  <Table.Th>{t('postings.until')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {(list.data ?? []).map((p) => (
                  <Table.Tr key={p.nominationId}>
                    <Table.Td>{p.nomineeName}</Table.Td>
                    <Table.Td>
                      {text(p.formName, i18n.language)}
                      <Text size="xs" c="dimmed">
                        {p.authorityName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{p.achievement}</Table.Td>
                    <Table.Td>{formatInstantDate(p.postedUntil)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
    </PublicShell>
  );
}
