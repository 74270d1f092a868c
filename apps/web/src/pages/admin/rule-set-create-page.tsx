import { Card, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { api, call } from '../../api/client';
import { keys, useDefaultRuleSet, useRuleSets } from '../../api/queries';
import type { RuleSetContent } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { PageHeader, QueryState } from '../../components/page';
import { JsonContentInput } from '../../components/json-content';
import { DEFAULT_RULE_SET_CODE } from './cycles-page';
import { FormActions } from '../../components/form-actions';

interface RuleSetValues {
  code: string;
  name: string;
  content: string;
}

export function RuleSetCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const ruleSets = useRuleSets();
  const builtIn = useDefaultRuleSet();
  const from = ruleSets.data?.find((r) => r.id === params.get('from'));
  const form = useForm<RuleSetValues>({
    mode: 'controlled',
    initialValues: { code: DEFAULT_RULE_SET_CODE, name: '', content: '' },
    validate: {
      name: (v) => (v.trim() ? null : t('common.required')),
      content: (v) => {
        try {
          const parsed: unknown = JSON.parse(v);
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? null
            : t('ruleSets.jsonObject');
        } catch {
          return t('ruleSets.jsonInvalid');
        }
      },
    },
  });
  const { setValues } = form;
  const ready = !ruleSets.isLoading && !!builtIn.data;
  useEffect(() => {
    if (!ready) return;
    setValues({
      code: from?.code ?? DEFAULT_RULE_SET_CODE,
      name: from?.name ?? t('ruleSets.builtInName'),
      content: JSON.stringify(from?.content ?? builtIn.data, null, 2),
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fill once, when the source is known
  }, [ready, from?.id]);

  const create = useApiMutation({
    form,
    codeFields: { RULE_SET_INVALID: 'content' },
    mutationFn: (values: RuleSetValues) =>
      call(
        api.POST('/rule-sets', {
          body: {
            code: values.code.trim().toUpperCase(),
            name: values.name,
            // Edited as JSON; the API checks it and names a broken field.
            content: JSON.parse(values.content) as RuleSetContent,
          },
        }),
      ),
    successMessage: (r) => t('ruleSets.created', { code: r.code, version: r.version }),
    invalidate: [keys.ruleSets],
    onSuccess: () => void navigate('/admin/rule-sets'),
  });

  return (
    <>
      <PageHeader title={t('ruleSets.createTitle')} description={t('ruleSets.createDescription')} />
      <QueryState isLoading={!ready} error={ruleSets.error ?? builtIn.error}>
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('ruleSets.code')}
                  description={t('ruleSets.codeHint')}
                  {...form.getInputProps('code')}
                />
                <TextInput label={t('ruleSets.name')} {...form.getInputProps('name')} />
              </SimpleGrid>
              <JsonContentInput
                label={t('ruleSets.content')}
                description={t('ruleSets.contentHint')}
                {...form.getInputProps('content')}
              />
              <FormActions
                onCancel={() => void navigate('/admin/rule-sets')}
                pending={create.isPending}
                submitLabel={t('ruleSets.save')}
              />
            </Stack>
          </Card>
        </form>
      </QueryState>
    </>
  );
}
