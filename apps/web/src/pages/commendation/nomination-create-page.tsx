import { Card, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actionHeaders, api, call } from '../../api/client';
import { commendationKeys, useAwardForms, type NominationSummary } from '../../api/commendation';
import { documentsOf } from '../../lib/documents';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import {
  AwardFormSelect,
  DecidingAuthority,
  DossierError,
  DossierFileInputs,
} from '../../components/dossier-fields';
import { ModelSelect, PersonSelect } from '../../components/nominee-selects';
import { FormActions } from '../../components/form-actions';

type NomineeKind = NominationSummary['nomineeKind'];

interface NominationValues {
  formCode: string;
  nomineeKind: NomineeKind;
  nomineePersonId: string;
  nomineeInitiativeId: string;
  achievement: string;
  files: Record<string, File | null>;
  documents: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Lập hồ sơ đề nghị: the award form, the nominee, the achievement and the dossier's files. */
export function NominationCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const unitId = me.data?.unitId ?? '';
  const forms = useAwardForms();
  const form = useForm<NominationValues>({
    mode: 'controlled',
    initialValues: {
      formCode: '',
      nomineeKind: 'UNIT',
      nomineePersonId: '',
      nomineeInitiativeId: '',
      achievement: '',
      files: {},
      documents: '',
    },
    validate: {
      formCode: (v) => (v ? null : t('common.required')),
      achievement: (v) => (v.trim() ? null : t('common.required')),
      nomineePersonId: (v, values) =>
        values.nomineeKind === 'PERSON' && !v ? t('common.required') : null,
      nomineeInitiativeId: (v, values) =>
        values.nomineeKind === 'INITIATIVE' && !UUID.test(v.trim())
          ? t('nominationForm.initiativeIdInvalid')
          : null,
    },
  });
  const selected = forms.data?.find((f) => f.code === form.values.formCode);
  const kinds = selected?.content.nomineeKinds ?? ['UNIT', 'PERSON', 'INITIATIVE'];

  const submit = useApiMutation({
    form,
    codeFields: { DOSSIER_INCOMPLETE: 'documents', QUOTA_EXCEEDED: 'formCode' },
    mutationFn: async (values: NominationValues) => {
      const documents = await documentsOf(values.files);
      return call(
        api.POST('/nominations', {
          params: { header: actionHeaders() },
          body: {
            formCode: values.formCode,
            nomineeKind: values.nomineeKind,
            ...(values.nomineeKind === 'UNIT' ? { nomineeUnitId: unitId } : {}),
            ...(values.nomineeKind === 'PERSON' ? { nomineePersonId: values.nomineePersonId } : {}),
            ...(values.nomineeKind === 'INITIATIVE'
              ? { nomineeInitiativeId: values.nomineeInitiativeId.trim() }
              : {}),
            achievement: values.achievement.trim(),
            documents,
          },
        }),
      );
    },
    successMessage: t('nominationForm.submitted'),
    invalidate: [commendationKeys.nominations, commendationKeys.approvals],
    onSuccess: (data) => void navigate(`/nominations/${data.id}`),
  });

  return (
    <>
      <PageHeader title={t('nominationForm.title')} description={t('nominationForm.description')} />
      <QueryState isLoading={forms.isLoading} error={forms.error}>
        <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
          <Stack gap="md" maw={820}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <AwardFormSelect
                label={t('nominationForm.form')}
                forms={forms.data}
                {...form.getInputProps('formCode')}
                onChange={(value: string | null) => {
                  form.setFieldValue('formCode', value ?? '');
                  form.setFieldValue('files', {});
                  const next = forms.data?.find((f) => f.code === value);
                  if (next && !next.content.nomineeKinds.includes(form.values.nomineeKind)) {
                    form.setFieldValue('nomineeKind', next.content.nomineeKinds[0] ?? 'UNIT');
                  }
                }}
              />
              <Select
                label={t('nominationForm.nomineeKind')}
                allowDeselect={false}
                data={kinds.map((k) => ({ value: k, label: t(`nomineeKind.${k}`) }))}
                {...form.getInputProps('nomineeKind')}
              />
            </SimpleGrid>
            <DecidingAuthority selected={selected} />
            {form.values.nomineeKind === 'UNIT' ? (
              <TextInput
                label={t('nominationForm.nominee')}
                value={me.data?.unitName ?? ''}
                readOnly
              />
            ) : null}
            {form.values.nomineeKind === 'PERSON' ? (
              <PersonSelect
                label={t('nominationForm.person')}
                required
                unitId={unitId}
                {...form.getInputProps('nomineePersonId')}
              />
            ) : null}
            {form.values.nomineeKind === 'INITIATIVE' ? (
              <ModelSelect
                label={t('nominationForm.initiativeId')}
                description={t('nominationForm.initiativeIdHint')}
                required
                unitId={unitId}
                {...form.getInputProps('nomineeInitiativeId')}
                onChange={(value) => form.setFieldValue('nomineeInitiativeId', value)}
              />
            ) : null}
            <Textarea
              label={t('nominationForm.achievement')}
              autosize
              minRows={3}
              required
              {...form.getInputProps('achievement')}
            />
            <Card withBorder padding="md">
              <Stack gap="sm">
                <Text fw={600}>{t('nominationForm.dossier')}</Text>
                <DossierFileInputs
                  selected={selected}
                  files={form.values.files}
                  onChange={(kind, file) => {
                    form.setFieldValue('files', { ...form.values.files, [kind]: file });
                    form.clearFieldError('documents');
                  }}
                />
              </Stack>
            </Card>
            <DossierError error={form.errors['documents']} />
            <FormActions pending={submit.isPending} submitLabel={t('nominationForm.submit')} />
          </Stack>
        </form>
      </QueryState>
    </>
  );
}
