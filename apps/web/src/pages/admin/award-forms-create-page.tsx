import { Card, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  commendationKeys,
  publishAwardForm,
  text,
  useAwardForms,
  type AwardForm,
  type AwardFormContent,
} from '../../api/commendation';
import { ApiError } from '../../api/problem';
import { useApiMutation } from '../../lib/use-api-mutation';
import { JsonContentInput } from '../../components/json-content';
import { PageHeader, QueryState } from '../../components/page';
import { FormActions } from '../../components/form-actions';

interface AwardFormValues {
  code: string;
  nameVi: string;
  nameEn: string;
  /** The rest of the definition (chain, dossier, rules), as JSON. */
  content: string;
}

/** The API names the broken part of the definition (`code`, `chain[0].slaWorkingDays`, …): code
 * and name have inputs of their own, everything else is written in the JSON. */
const INPUT_OF: Record<string, keyof AwardFormValues> = {
  code: 'code',
  name: 'nameVi',
  'name.vi': 'nameVi',
  'name.en': 'nameEn',
};

function onInputs(error: unknown): unknown {
  if (!(error instanceof ApiError) || error.errors.length === 0) return error;
  return new ApiError({
    status: error.status,
    code: error.code,
    detail: error.message,
    params: error.params,
    errors: error.errors.map((v) => ({ ...v, field: INPUT_OF[v.field] ?? 'content' })),
  });
}

function valuesOf(form: AwardForm): AwardFormValues {
  const { code, name, ...rest } = form.content;
  const localized = name ?? form.name;
  return {
    code: code || form.code,
    nameVi: text(localized, 'vi'),
    nameEn: text(localized, 'en'),
    content: JSON.stringify(rest, null, 2),
  };
}

export function AwardFormsCreatePage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const forms = useAwardForms();
  const from = forms.data?.find((f) => f.id === params.get('from')) ?? forms.data?.[0];
  const form = useForm<AwardFormValues>({
    mode: 'controlled',
    initialValues: { code: '', nameVi: '', nameEn: '', content: '' },
    validate: {
      code: (v) => (v.trim() ? null : t('common.required')),
      nameVi: (v) => (v.trim() ? null : t('common.required')),
      content: (v) => {
        try {
          const parsed: unknown = JSON.parse(v);
          return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
            ? null
            : t('awardForms.jsonObject');
        } catch {
          return t('awardForms.jsonInvalid');
        }
      },
    },
  });
  const { setValues } = form;
  useEffect(() => {
    if (!from) return;
    setValues(valuesOf(from));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- refill when the source changes
  }, [from?.id]);

  const create = useApiMutation({
    form,
    mutationFn: (values: AwardFormValues) =>
      // The rest of the definition is edited as JSON; the API checks it and names a broken field.
      publishAwardForm({
        ...(JSON.parse(values.content) as AwardFormContent),
        code: values.code.trim().toUpperCase(),
        name: { vi: values.nameVi.trim(), en: values.nameEn.trim() },
      }).catch((error: unknown) => {
        throw onInputs(error);
      }),
    successMessage: (r) => t('awardForms.created', { code: r.code, version: r.version }),
    invalidate: [commendationKeys.awardForms],
    onSuccess: () => void navigate('/admin/award-forms'),
  });

  return (
    <>
      <PageHeader
        title={t('awardForms.createTitle')}
        description={t('awardForms.createDescription')}
      />
      <QueryState isLoading={forms.isLoading} error={forms.error}>
        <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
          <Card withBorder padding="md">
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('awardForms.source')}
                  description={t('awardForms.sourceHint')}
                  data={(forms.data ?? []).map((f) => ({
                    value: f.id,
                    label: `${f.code} v${f.version} — ${text(f.content.name ?? f.name, i18n.language)}`,
                  }))}
                  value={from?.id ?? null}
                  onChange={(id) => {
                    if (id) setParams({ from: id }, { replace: true });
                  }}
                  allowDeselect={false}
                  searchable
                />
                <TextInput
                  label={t('awardForms.code')}
                  description={t('awardForms.codeHint')}
                  {...form.getInputProps('code')}
                />
              </SimpleGrid>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('awardForms.nameVi')} {...form.getInputProps('nameVi')} />
                <TextInput label={t('awardForms.nameEn')} {...form.getInputProps('nameEn')} />
              </SimpleGrid>
              <JsonContentInput
                label={t('awardForms.content')}
                description={t('awardForms.contentHint')}
                validationError={t('awardForms.jsonInvalid')}
                {...form.getInputProps('content')}
              />
              <FormActions
                onCancel={() => void navigate('/admin/award-forms')}
                pending={create.isPending}
                submitLabel={t('awardForms.save')}
              />
            </Stack>
          </Card>
        </form>
      </QueryState>
    </>
  );
}
