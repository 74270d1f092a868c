import {
  ActionIcon,
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
import { useForm, type UseFormReturnType } from '@mantine/form';
import { IconFileUpload, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { actionHeaders, api, call } from '../../api/client';
import { commendationKeys, text, useAwardForms, type AwardForm } from '../../api/commendation';
import {
  flattenTree,
  organisationKeys,
  useOrganisationTree,
  type ProposalNominee,
} from '../../api/organisations';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import {
  AwardFormSelect,
  DecidingAuthority,
  DossierError,
  DossierFileInputs,
} from '../../components/dossier-fields';
import { documentOf } from '../../lib/documents';
import { useApiMutation } from '../../lib/use-api-mutation';
import { PeriodFields, type PeriodValue } from './period-fields';
import { SectionCard } from '../../components/section-card';
import { MovementFields } from '../../components/movement-fields';
import { ModelSelect, PersonSelect } from '../../components/nominee-selects';
import { FormActions } from '../../components/form-actions';

type NomineeKind = ProposalNominee['nomineeKind'];

interface NomineeValues {
  /** A stable key for the row (React), not sent. */
  key: string;
  nomineeKind: NomineeKind;
  nomineeUnitId: string;
  /** PERSON: the unit whose people are offered. */
  personUnitId: string;
  nomineePersonId: string;
  nomineeInitiativeId: string;
  achievement: string;
  file: File | null;
  fileKind: string | null;
}

interface ProposalValues {
  formCode: string;
  title: string;
  number: string;
  movementCode: string;
  movementName: string;
  period: PeriodValue;
  files: Record<string, File | null>;
  documents: string;
  nominees: NomineeValues[];
}

type Form = UseFormReturnType<ProposalValues>;

let rowCounter = 0;
const newNominee = (unitId: string): NomineeValues => ({
  key: `row-${++rowCounter}`,
  nomineeKind: 'UNIT',
  nomineeUnitId: '',
  personUnitId: unitId,
  nomineePersonId: '',
  nomineeInitiativeId: '',
  achievement: '',
  file: null,
  fileKind: null,
});

/**
 * Lập tờ trình: an organisation's office proposes collectives, individuals and models of its
 * subtree for one award form, movement and period in one list; each becomes a nomination on its
 * own chain.
 */
export function ProposalCreatePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const unitId = me.data?.unitId ?? '';
  const forms = useAwardForms();
  const tree = useOrganisationTree(unitId);
  const thisYear = new Date().getUTCFullYear();
  const form = useForm<ProposalValues>({
    mode: 'controlled',
    initialValues: {
      formCode: '',
      title: '',
      number: '',
      movementCode: '',
      movementName: '',
      period: { kind: 'YEAR', year: thisYear, quarter: null, startYear: null },
      files: {},
      documents: '',
      nominees: [newNominee(unitId)],
    },
    validate: {
      formCode: (v) => (v ? null : t('common.required')),
      title: (v) => (v.trim().length >= 5 ? null : t('proposalForm.titleTooShort')),
      nominees: {
        nomineeUnitId: (v, values, path) =>
          kindAt(values, path) === 'UNIT' && !v ? t('common.required') : null,
        nomineePersonId: (v, values, path) =>
          kindAt(values, path) === 'PERSON' && !v ? t('common.required') : null,
        nomineeInitiativeId: (v, values, path) =>
          kindAt(values, path) === 'INITIATIVE' && !v ? t('common.required') : null,
        achievement: (v) => (v.trim().length >= 10 ? null : t('proposalForm.achievementTooShort')),
      },
    },
  });
  const selected = forms.data?.find((f) => f.code === form.values.formCode);
  const units = tree.data
    ? flattenTree(tree.data.root).map(({ node, depth }) => ({
        value: node.id,
        label: `${'· '.repeat(depth)}${node.name}`,
      }))
    : [];

  const submit = useApiMutation({
    form,
    codeFields: { DOSSIER_INCOMPLETE: 'documents', QUOTA_EXCEEDED: 'formCode' },
    mutationFn: async (v: ProposalValues) => {
      const documents = await Promise.all(
        Object.entries(v.files)
          .filter((e): e is [string, File] => !!e[1])
          .map(([kind, file]) => documentOf(kind, file)),
      );
      const nominees = await Promise.all(
        v.nominees.map(async (n) => ({
          nomineeKind: n.nomineeKind,
          ...(n.nomineeKind === 'UNIT' ? { nomineeUnitId: n.nomineeUnitId } : {}),
          ...(n.nomineeKind === 'PERSON' ? { nomineePersonId: n.nomineePersonId } : {}),
          ...(n.nomineeKind === 'INITIATIVE' ? { nomineeInitiativeId: n.nomineeInitiativeId } : {}),
          achievement: n.achievement.trim(),
          ...(n.file && n.fileKind ? { documents: [await documentOf(n.fileKind, n.file)] } : {}),
        })),
      );
      const p = v.period;
      return call(
        api.POST('/proposals', {
          params: { header: actionHeaders() },
          body: {
            formCode: v.formCode,
            title: v.title.trim(),
            ...(v.number.trim() ? { number: v.number.trim() } : {}),
            ...(v.movementCode.trim() ? { movementCode: v.movementCode.trim() } : {}),
            ...(v.movementName.trim() ? { movementName: v.movementName.trim() } : {}),
            ...(p.kind && p.year
              ? {
                  period: {
                    kind: p.kind,
                    year: p.year,
                    ...(p.kind === 'QUARTER' ? { quarter: p.quarter } : {}),
                    ...(p.kind === 'PHASE' ? { startYear: p.startYear } : {}),
                  },
                }
              : {}),
            documents,
            nominees,
          },
        }),
      );
    },
    successMessage: (p) => t('proposalForm.submitted', { count: p.nominationCount }),
    invalidate: [organisationKeys.proposals, commendationKeys.nominations],
    onSuccess: (p) => void navigate(`/proposals/${p.id}`),
  });

  return (
    <>
      <PageHeader title={t('proposalForm.title')} description={t('proposalForm.description')} />
      <QueryState isLoading={forms.isLoading || tree.isLoading} error={forms.error ?? tree.error}>
        <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
          <Stack gap="md" maw={960}>
            <Card withBorder padding="md">
              <Stack gap="sm">
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <AwardFormSelect
                    label={t('proposalForm.form')}
                    forms={forms.data}
                    {...form.getInputProps('formCode')}
                    onChange={(value: string | null) => {
                      form.setFieldValue('formCode', value ?? '');
                      form.setFieldValue('files', {});
                    }}
                  />
                  <TextInput
                    label={t('proposalForm.number')}
                    placeholder="15-TTr/ĐU"
                    {...form.getInputProps('number')}
                  />
                </SimpleGrid>
                <DecidingAuthority selected={selected} />
                <TextInput
                  label={t('proposalForm.listTitle')}
                  required
                  placeholder={t('proposalForm.listTitlePlaceholder', { year: thisYear })}
                  {...form.getInputProps('title')}
                />
                <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
                  <MovementFields
                    codeHint={t('proposalForm.movementCodeHint')}
                    inputProps={(f) => form.getInputProps(f)}
                    setField={(f, v) => form.setFieldValue(f, v)}
                  />
                </SimpleGrid>
                <PeriodFields
                  value={form.values.period}
                  onChange={(period) => form.setFieldValue('period', period)}
                  errors={{
                    kind: form.errors['period.kind'] as string | undefined,
                    year: form.errors['period.year'] as string | undefined,
                    quarter: form.errors['period.quarter'] as string | undefined,
                    startYear: form.errors['period.startYear'] as string | undefined,
                  }}
                />
              </Stack>
            </Card>
            <SharedFiles form={form} selected={selected} />
            <SectionCard
              title={t('proposalForm.nominees')}
              hint={t('proposalForm.nomineesHint')}
              stack
            >
              {form.values.nominees.map((n, i) => (
                <NomineeRow
                  key={n.key}
                  form={form}
                  index={i}
                  units={units}
                  selected={selected}
                  canRemove={form.values.nominees.length > 1}
                />
              ))}
              <Group>
                <Button
                  variant="light"
                  leftSection={<IconPlus size={16} aria-hidden />}
                  onClick={() => form.insertListItem('nominees', newNominee(unitId))}
                >
                  {t('proposalForm.addNominee')}
                </Button>
              </Group>
            </SectionCard>
            <DossierError error={form.errors['documents']} />
            <FormActions
              pending={submit.isPending}
              submitLabel={t('proposalForm.submit', { count: form.values.nominees.length })}
            />
          </Stack>
        </form>
      </QueryState>
    </>
  );
}

/** The nominee kind of the row a validation path (`nominees.3.field`) is in. */
function kindAt(values: ProposalValues, path: string): NomineeKind | undefined {
  const index = Number(path.split('.')[1]);
  return values.nominees[index]?.nomineeKind;
}

/** The dossier's files shared by every nomination of the list (the memo first). */
function SharedFiles({ form, selected }: { form: Form; selected: AwardForm | undefined }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('proposalForm.sharedFiles')} stack>
      <DossierFileInputs
        selected={selected}
        hint={t('proposalForm.sharedFilesHint')}
        files={form.values.files}
        onChange={(kind, file) => {
          form.setFieldValue('files', { ...form.values.files, [kind]: file });
          form.clearFieldError('documents');
        }}
      />
    </SectionCard>
  );
}

/** One entry of the list: who (a unit, a person or a model of the subtree), for what, and its own
 * file. */
function NomineeRow(props: {
  form: Form;
  index: number;
  units: { value: string; label: string }[];
  selected: AwardForm | undefined;
  canRemove: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { form, index, selected } = props;
  const path = (field: keyof NomineeValues) => `nominees.${index}.${field}`;
  const row = form.values.nominees[index];
  if (!row) return null;
  const kinds = selected?.content.nomineeKinds ?? ['UNIT', 'PERSON', 'INITIATIVE'];
  const n = index + 1;
  const dossier = selected?.content.dossier ?? [];

  return (
    <Card withBorder padding="sm" data-testid={`nominee-${n}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Text fw={600} size="sm">
            {t('proposalForm.nomineeN', { n })}
          </Text>
          {props.canRemove ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('proposalForm.removeNominee', { n })}
              onClick={() => form.removeListItem('nominees', index)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          ) : null}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label={t('proposalForm.nomineeKind', { n })}
            allowDeselect={false}
            data={kinds.map((k) => ({ value: k, label: t(`awardKind.${k}`) }))}
            {...form.getInputProps(path('nomineeKind'))}
          />
          {row.nomineeKind === 'UNIT' ? (
            <Select
              label={t('proposalForm.unit', { n })}
              searchable
              required
              data={props.units}
              nothingFoundMessage={t('common.nothingFound')}
              {...form.getInputProps(path('nomineeUnitId'))}
            />
          ) : null}
          {row.nomineeKind === 'PERSON' ? (
            <Select
              label={t('proposalForm.personUnit', { n })}
              searchable
              data={props.units}
              allowDeselect={false}
              {...form.getInputProps(path('personUnitId'))}
              onChange={(value: string | null) => {
                form.setFieldValue(path('personUnitId'), value ?? '');
                form.setFieldValue(path('nomineePersonId'), '');
              }}
            />
          ) : null}
          {row.nomineeKind === 'INITIATIVE' ? (
            <ModelSelect
              label={t('proposalForm.model', { n })}
              required
              {...form.getInputProps(path('nomineeInitiativeId'))}
              onChange={(value) => form.setFieldValue(path('nomineeInitiativeId'), value)}
            />
          ) : null}
        </SimpleGrid>
        {row.nomineeKind === 'PERSON' ? (
          <PersonSelect
            label={t('proposalForm.person', { n })}
            required
            unitId={row.personUnitId}
            {...form.getInputProps(path('nomineePersonId'))}
          />
        ) : null}
        <Textarea
          label={t('proposalForm.achievement', { n })}
          autosize
          minRows={2}
          required
          {...form.getInputProps(path('achievement'))}
        />
        {dossier.length > 0 ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <Select
              label={t('proposalForm.ownFileKind', { n })}
              data={dossier.map((d) => ({ value: d.kind, label: text(d.label, i18n.language) }))}
              clearable
              {...form.getInputProps(path('fileKind'))}
            />
            <FileInput
              label={t('proposalForm.ownFile', { n })}
              placeholder={t('nominationForm.chooseFile')}
              leftSection={<IconFileUpload size={16} aria-hidden />}
              clearable
              disabled={!row.fileKind}
              value={row.file}
              onChange={(file) => {
                form.setFieldValue(path('file'), file);
                form.clearFieldError('documents');
              }}
            />
          </SimpleGrid>
        ) : null}
      </Stack>
    </Card>
  );
}
