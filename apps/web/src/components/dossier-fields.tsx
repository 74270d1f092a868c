import { Alert, FileInput, Select, Text, type SelectProps } from '@mantine/core';
import { IconFileUpload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { text, type AwardForm } from '../api/commendation';

/** The award form to propose for, by its name in the reader's language. */
export function AwardFormSelect({
  forms,
  ...select
}: { forms: readonly AwardForm[] | undefined } & Omit<SelectProps, 'data'>) {
  const { i18n } = useTranslation();
  return (
    <Select
      required
      searchable
      data={(forms ?? []).map((f) => ({
        value: f.code,
        label: text(f.content.name, i18n.language),
      }))}
      {...select}
    />
  );
}

/** Who decides on the chosen award form (nothing before one is chosen). */
export function DecidingAuthority({ selected }: { selected: AwardForm | undefined }) {
  const { t } = useTranslation();
  return selected?.authority?.name ? (
    <Text size="sm" c="dimmed">
      {t('nominationForm.authority', { name: selected.authority.name })}
    </Text>
  ) : null;
}

/** One file input per document the chosen award form's dossier asks for (required ones marked), or
 * a hint to choose the form first. */
export function DossierFileInputs(props: {
  selected: AwardForm | undefined;
  files: Record<string, File | null>;
  onChange: (kind: string, file: File | null) => void;
  /** A sentence above the inputs, once a form is chosen. */
  hint?: string;
}) {
  const { t, i18n } = useTranslation();
  const { selected } = props;
  if (!selected) {
    return (
      <Text size="sm" c="dimmed">
        {t('nominationForm.chooseForm')}
      </Text>
    );
  }
  return (
    <>
      {props.hint ? (
        <Text size="sm" c="dimmed">
          {props.hint}
        </Text>
      ) : null}
      {(selected.content.dossier ?? []).map((item) => (
        <FileInput
          key={`${selected.code}-${item.kind}`}
          label={text(item.label, i18n.language)}
          description={
            item.required ? t('nominationForm.requiredFile') : t('nominationForm.optionalFile')
          }
          withAsterisk={item.required}
          placeholder={t('nominationForm.chooseFile')}
          leftSection={<IconFileUpload size={16} aria-hidden />}
          clearable
          value={props.files[item.kind] ?? null}
          onChange={(file) => props.onChange(item.kind, file)}
        />
      ))}
    </>
  );
}

/** What the server found missing or wrong in the dossier (one line per document), as an alert. */
export function DossierError({ error }: { error: ReactNode }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('errors.title')}>
      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
        {error}
      </Text>
    </Alert>
  );
}
