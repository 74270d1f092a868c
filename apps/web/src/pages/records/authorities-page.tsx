import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import { useAwardForms } from '../../api/commendation';
import { PageHeader, QueryState } from '../../components/page';

/** Cơ quan có thẩm quyền: the organisations that decide awards, each with its level and the award
 * forms it decides (its own decisions, in its own document format). */
export function AuthoritiesPage() {
  const { t } = useTranslation();
  const authorities = useQuery({
    queryKey: ['authorities'],
    queryFn: () => call(api.GET('/authorities')),
  });
  const forms = useAwardForms();
  const formsOf = (authorityId: string) =>
    (forms.data ?? []).filter((f) => f.authority?.id === authorityId);
  return (
    <>
      <PageHeader title={t('authorities.title')} description={t('authorities.description')} />
      <QueryState
        isLoading={authorities.isLoading || forms.isLoading}
        error={authorities.error ?? forms.error}
      >
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" data-testid="authorities">
          {(authorities.data ?? []).map((a) => {
            const own = formsOf(a.id);
            return (
              <Card
                withBorder
                padding="md"
                key={a.id}
                component="section"
                aria-labelledby={`authority-${a.id}`}
              >
                <Group justify="space-between" align="flex-start" wrap="nowrap" mb="xs">
                  <Title order={2} size="h4" id={`authority-${a.id}`}>
                    {a.name}
                  </Title>
                  {a.level ? (
                    <Badge variant="light" tt="none" style={{ flexShrink: 0 }}>
                      {t(`level.${a.level as 'BASE'}`)}
                    </Badge>
                  ) : null}
                </Group>
                <Text size="xs" c="dimmed" ff="monospace" mb="sm">
                  {a.code}
                </Text>
                {own.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('authorities.noForms')}
                  </Text>
                ) : (
                  <Stack gap={4}>
                    <Text size="sm" fw={600}>
                      {t('authorities.forms', { n: own.length })}
                    </Text>
                    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                      {own.map((f) => (
                        <li key={f.id}>
                          <Text size="sm" span>
                            {f.name}
                          </Text>{' '}
                          <Text size="xs" c="dimmed" span>
                            ({f.code} · {t(`level.${f.level as 'BASE'}`)})
                          </Text>
                        </li>
                      ))}
                    </ul>
                  </Stack>
                )}
              </Card>
            );
          })}
        </SimpleGrid>
      </QueryState>
    </>
  );
}
