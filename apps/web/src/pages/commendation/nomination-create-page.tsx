import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actionHeaders, api, call } from '../../api/client';
import {
  commendationKeys,
  text,
  useAwardForms,
  usePeople,
  type NominationSummary,
} from '../../api/commendation';
import { documentsOf } from '../../lib/documents';
import { useModelPicker } from '../../lib/use-model-picker';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';

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
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const unitId = me.data?.unitId ?? '';
  const forms = useAwardForms();
  const people = usePeople(unitId);
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
  const models = useModelPicker(unitId, !!unitId && form.values.nomineeKind === 'INITIATIVE');
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
              <Select
                label={t('nominationForm.form')}
                required
                searchable
                data={(forms.data ?? []).map((f) => ({
                  value: f.code,
                  label: text(f.content.name, i18n.language),
                }))}
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
            {selected?.authority?.name ? (
              <Text size="sm" c="dimmed">
                {t('nominationForm.authority', { name: selected.authority.name })}
              </Text>
            ) : null}
            {form.values.nomineeKind === 'UNIT' ? (
              <TextInput
                label={t('nominationForm.nominee')}
                value={me.data?.unitName ?? ''}
                readOnly
              />
            ) : null}
            {form.values.nomineeKind === 'PERSON' ? (
              <Select
                label={t('nominationForm.person')}
                required
                searchable
                nothingFoundMessage={t('nominationForm.noPeople')}
                data={(people.data ?? []).map((p) => ({
                  value: p.id,
                  label: p.position ? `${p.fullName} – ${p.position}` : p.fullName,
                }))}
                {...form.getInputProps('nomineePersonId')}
              />
            ) : null}
            {form.values.nomineeKind === 'INITIATIVE' ? (
              <Select
                label={t('nominationForm.initiativeId')}
                description={t('nominationForm.initiativeIdHint')}
                required
                {...models.selectProps}
                {...form.getInputProps('nomineeInitiativeId')}
                onChange={(value: string | null, option) => {
                  form.setFieldValue('nomineeInitiativeId', value ?? '');
                  models.pick(value, option);
                }}
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
                {!selected ? (
                  <Text size="sm" c="dimmed">
                    {t('nominationForm.chooseForm')}
                  </Text>
                ) : (
                  (selected.content.dossier ?? []).map((item) => (
                    <FileInput
                      key={`${selected.code}-${item.kind}`}
                      label={text(item.label, i18n.language)}
                      description={
                        item.required
                          ? t('nominationForm.requiredFile')
                          : t('nominationForm.optionalFile')
                      }
                      withAsterisk={item.required}
                      placeholder={t('nominationForm.chooseFile')}
                      leftSection={<IconFileUpload size={16} aria-hidden />}
                      clearable
                      value={form.values.files[item.kind] ?? null}
                      onChange={(file) => {
                        form.setFieldValue('files', { ...form.values.files, [item.kind]: file });
                        form.clearFieldError('documents');
                      }}
                    />
                  ))
                )}
              </Stack>
            </Card>
            {form.errors['documents'] ? (
              <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
                <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                  {form.errors['documents']}
                </Text>
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button type="submit" loading={submit.isPending}>
                {t('nominationForm.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </QueryState>
    </>
  );
}
