import {
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Modal,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconDownload, IconFileSpreadsheet } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import {
  awardKeys,
  queryString,
  useAwards,
  type AwardFilters,
  type AwardRecord,
} from '../../api/awards';
import { api, call } from '../../api/client';
import { downloadFile, text, useAwardForms, usePeople } from '../../api/commendation';
import { useApiMutation } from '../../lib/use-api-mutation';
import { capabilitiesOf, useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { PdfPreview } from '../../components/pdf-preview';
import { formatDate, formatInstantDate } from '../../lib/dates';
import { fileSlug, formatCount, yearOptions } from '../../lib/reports';
import { FormActions } from '../../components/form-actions';
import { DataTable } from '../../components/data-table';

type Action = { kind: 'revoke' | 'recovery'; award: AwardRecord };

/** Hủy bỏ (with the reason) or thu hồi (what was recovered), by the deciding authority. */
function RevokeModal({ action, onClose }: { action: Action | null; onClose: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { reason: '', note: '' },
    validate: {
      reason: (v) =>
        action?.kind === 'revoke' && v.trim().length < 5 ? t('rules.minLength', { n: 5 }) : null,
      note: (v) =>
        action?.kind === 'recovery' && v.trim().length < 5 ? t('rules.minLength', { n: 5 }) : null,
    },
  });
  const close = () => {
    form.reset();
    onClose();
  };
  const submit = useApiMutation({
    form,
    mutationFn: (v: { reason: string; note: string }): Promise<unknown> =>
      action?.kind === 'revoke'
        ? call(
            api.POST('/awards/{id}/revoke', {
              params: { path: { id: action.award.id } },
              body: { reason: v.reason.trim() },
            }),
          )
        : call(
            api.POST('/awards/{id}/recovery', {
              params: { path: { id: action?.award.id ?? '' } },
              body: { note: v.note.trim() },
            }),
          ),
    successMessage: action?.kind === 'revoke' ? t('awards.revokedDone') : t('awards.recoveredDone'),
    invalidate: [awardKeys.allAwards, ['decision'], ['reports']],
    onSuccess: close,
  });
  return (
    <Modal
      opened={!!action}
      onClose={close}
      title={
        action?.kind === 'revoke'
          ? t('awards.revokeTitle', { name: action.award.recipientName })
          : t('awards.recoveryTitle', { name: action?.award.recipientName ?? '' })
      }
    >
      <form onSubmit={form.onSubmit((v) => submit.mutate(v))} noValidate>
        <Stack gap="sm">
          {action ? (
            <Text size="sm" c="dimmed">
              {action.award.formName} · {action.award.year} · {action.award.serial ?? '—'}
            </Text>
          ) : null}
          {action?.kind === 'revoke' ? (
            <Textarea
              label={t('awards.reason')}
              description={t('awards.reasonHint')}
              autosize
              minRows={3}
              withAsterisk
              data-autofocus
              {...form.getInputProps('reason')}
            />
          ) : (
            <Textarea
              label={t('awards.recoveryNote')}
              description={t('awards.recoveryHint')}
              autosize
              minRows={3}
              withAsterisk
              data-autofocus
              {...form.getInputProps('note')}
            />
          )}
          <FormActions
            onCancel={close}
            pending={submit.isPending}
            submitLabel={
              action?.kind === 'revoke' ? t('awards.revokeConfirm') : t('awards.recoverConfirm')
            }
            cancelLabel={t('awards.close')}
            color="red"
          />
        </Stack>
      </form>
    </Modal>
  );
}

/** Lịch sử khen thưởng: awards by unit, person or model, exported, revoked and recovered. */
export function AwardsPage() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const [filters, setFilters] = useState<AwardFilters>({});
  const [action, setAction] = useState<Action | null>(null);
  const [preview, setPreview] = useState<AwardRecord | null>(null);
  const [exporting, setExporting] = useState<'xlsx' | 'csv' | null>(null);
  const forms = useAwardForms();
  const list = useAwards(filters);
  // Units to choose from: those with awards in the chosen year (whatever else is filtered).
  const unitSource = useAwards({ year: filters.year }, caps.isOversight || caps.isAdmin);
  const people = usePeople(filters.unitId);
  const set = (patch: Partial<AwardFilters>) => setFilters((f) => ({ ...f, ...patch }));

  const units = [
    // Units may share a name (a renamed or re-created unit): the code tells them apart.
    ...new Map(
      (unitSource.data ?? []).map((a) => [
        a.unitId,
        `${a.unitName ?? a.unitId}${a.unitCode ? ` · ${a.unitCode}` : ''}`,
      ]),
    ),
  ].map(([value, label]) => ({ value, label }));
  const formOptions = [
    ...new Map((forms.data ?? []).map((f) => [f.code, text(f.content.name, i18n.language)])),
  ].map(([value, label]) => ({ value, label }));
  const rows = list.data ?? [];
  const canManage = (a: AwardRecord) =>
    caps.isAuthority && !!a.authorityUnitId && a.authorityUnitId === me.data?.unitId;

  // One recipient's whole history: a unit, a person, or a model recognized level by level.
  const focus = (a: AwardRecord) =>
    setFilters({
      recipientKind: a.recipientKind,
      ...(a.recipientKind === 'UNIT' ? { unitId: a.recipientId ?? undefined } : {}),
      ...(a.recipientKind === 'PERSON'
        ? { unitId: a.unitId, personId: a.recipientId ?? undefined }
        : {}),
      ...(a.recipientKind === 'INITIATIVE' ? { initiativeId: a.recipientId ?? undefined } : {}),
    });
  const isFocused = (a: AwardRecord) =>
    !!a.recipientId &&
    (filters.initiativeId === a.recipientId ||
      filters.personId === a.recipientId ||
      (a.recipientKind === 'UNIT' &&
        filters.recipientKind === 'UNIT' &&
        filters.unitId === a.recipientId));

  const exportAs = async (format: 'xlsx' | 'csv') => {
    setExporting(format);
    try {
      const suffix = filters.year ? `-${filters.year}` : '';
      await downloadFile(
        `/awards${queryString({ ...filters, format })}`,
        `lich-su-khen-thuong${suffix}.${format}`,
      );
    } finally {
      setExporting(null);
    }
  };

  return (
    <>
      <PageHeader
        title={t('awards.title')}
        description={t('awards.description')}
        actions={
          <Menu position="bottom-end">
            <Menu.Target>
              <Button
                variant="light"
                leftSection={<IconDownload size={16} aria-hidden />}
                loading={exporting !== null}
              >
                {t('awards.export')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                leftSection={<IconFileSpreadsheet size={16} aria-hidden />}
                onClick={() => void exportAs('xlsx')}
              >
                {t('awards.exportXlsx')}
              </Menu.Item>
              <Menu.Item onClick={() => void exportAs('csv')}>{t('awards.exportCsv')}</Menu.Item>
            </Menu.Dropdown>
          </Menu>
        }
      />
      <Stack gap="sm" mb="md">
        <SegmentedControl
          aria-label={t('awards.kind')}
          value={filters.recipientKind ?? 'ALL'}
          onChange={(v) =>
            set({
              recipientKind: v === 'ALL' ? undefined : v,
              personId: undefined,
            })
          }
          data={[
            { value: 'ALL', label: t('awards.allKinds') },
            { value: 'UNIT', label: t('awards.kindUnit') },
            { value: 'PERSON', label: t('awards.kindPerson') },
            { value: 'INITIATIVE', label: t('awards.kindInitiative') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
        <Group align="flex-end" gap="sm">
          <Select
            label={t('awards.year')}
            placeholder={t('awards.allYears')}
            data={yearOptions()}
            value={filters.year ? String(filters.year) : null}
            onChange={(v) => set({ year: v ? Number(v) : undefined })}
            clearable
            w={170}
          />
          <Select
            label={t('nominations.form')}
            placeholder={t('awards.allForms')}
            data={formOptions}
            value={filters.formCode ?? null}
            onChange={(v) => set({ formCode: v ?? undefined })}
            clearable
            searchable
            w={280}
          />
          {caps.isOversight || caps.isAdmin ? (
            <Select
              label={t('common.unit')}
              placeholder={t('awards.allUnits')}
              data={units}
              value={filters.unitId ?? null}
              onChange={(v) => set({ unitId: v ?? undefined, personId: undefined })}
              clearable
              searchable
              w={300}
              nothingFoundMessage={t('common.nothingFound')}
            />
          ) : null}
          {filters.unitId ? (
            <Select
              label={t('awards.person')}
              placeholder={t('awards.allPeople')}
              data={(people.data ?? []).map((p) => ({ value: p.id, label: p.fullName }))}
              value={filters.personId ?? null}
              onChange={(v) => set({ personId: v ?? undefined })}
              clearable
              searchable
              w={260}
            />
          ) : null}
          {Object.values(filters).some((v) => v !== undefined) ? (
            <Button variant="subtle" onClick={() => setFilters({})}>
              {t('awards.clearFilters')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <QueryState isLoading={list.isLoading} error={list.error}>
        <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
          {t('awards.count', { count: rows.length, n: formatCount(rows.length) })}
        </Text>
        <DataTable
          empty={t('awards.empty')}
          minWidth={960}
          highlightOnHover
          pageSize={50}
          aria-label={t('awards.title')}
          rows={rows}
          columns={[
            { header: t('awards.year'), cell: (a) => a.year },
            {
              header: t('awards.recipient'),
              cell: (a) => (
                <>
                  {a.recipientKind === 'INITIATIVE' && a.recipientId ? (
                    <Anchor
                      component={Link}
                      to={`/models/${a.recipientId}`}
                      size="sm"
                      fw={500}
                      aria-label={t('models.open', { title: a.recipientName })}
                    >
                      {a.recipientName}
                    </Anchor>
                  ) : (
                    <Text size="sm" fw={500}>
                      {a.recipientName}
                    </Text>
                  )}
                  <Text size="xs" c="dimmed">
                    {t(`awardKind.${a.recipientKind}`)}
                    {a.recipientKind !== 'UNIT' && a.unitName ? ` · ${a.unitName}` : ''}
                  </Text>
                </>
              ),
            },
            {
              header: t('nominations.form'),
              cell: (a) => (
                <>
                  {a.formName}
                  <Text size="xs" c="dimmed">
                    {t(`level.${a.level}`)}
                  </Text>
                </>
              ),
            },
            {
              header: t('awards.decision'),
              cell: (a) => (
                <>
                  {a.decisionNumber ?? '—'}
                  <Text size="xs" c="dimmed">
                    {a.decisionDate ? formatDate(a.decisionDate) : ''}
                    {a.authorityName ? ` · ${a.authorityName}` : ''}
                  </Text>
                </>
              ),
            },
            {
              header: t('awards.serial'),
              cell: (a) => (
                <>
                  {a.serial ?? '—'}
                  {a.verificationCode ? (
                    <Text size="xs">
                      <Anchor component={Link} to={`/verify/${a.verificationCode}`}>
                        {a.verificationCode}
                      </Anchor>
                    </Text>
                  ) : null}
                </>
              ),
            },
            {
              header: t('awards.status'),
              cell: (a) => (
                <>
                  <Badge
                    color={a.status === 'VALID' ? 'green' : 'red'}
                    variant="light"
                    styles={{ label: { overflow: 'visible' } }}
                  >
                    {t(`awardStatus.${a.status}`)}
                  </Badge>
                  {a.revokedReason ? (
                    <Text size="xs" c="dimmed" maw={220}>
                      {a.revokedReason}
                    </Text>
                  ) : null}
                  {a.recoveredAt ? (
                    <Text size="xs" c="dimmed">
                      {t('awards.recoveredAt', { when: formatInstantDate(a.recoveredAt) })}
                    </Text>
                  ) : null}
                </>
              ),
            },
            {
              header: t('awards.actions'),
              cell: (a) => (
                <Group gap={6} wrap="nowrap">
                  {a.verificationCode ? (
                    <Button
                      size="xs"
                      variant="light"
                      aria-label={t('awards.previewFor', { name: a.recipientName })}
                      onClick={() => setPreview(a)}
                    >
                      {t('awards.preview')}
                    </Button>
                  ) : null}
                  {canManage(a) && a.status === 'VALID' ? (
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      aria-label={t('awards.revokeFor', { name: a.recipientName })}
                      onClick={() => setAction({ kind: 'revoke', award: a })}
                    >
                      {t('awards.revoke')}
                    </Button>
                  ) : null}
                  {canManage(a) && a.status === 'REVOKED' && !a.recoveredAt ? (
                    <Button
                      size="xs"
                      color="orange"
                      variant="subtle"
                      aria-label={t('awards.recoverFor', { name: a.recipientName })}
                      onClick={() => setAction({ kind: 'recovery', award: a })}
                    >
                      {t('awards.recover')}
                    </Button>
                  ) : null}
                  {a.recipientId && !isFocused(a) ? (
                    <Button
                      size="xs"
                      variant="subtle"
                      aria-label={t('awards.historyOf', { name: a.recipientName })}
                      onClick={() => focus(a)}
                    >
                      {t('awards.history')}
                    </Button>
                  ) : null}
                </Group>
              ),
            },
          ]}
        />
      </QueryState>
      <RevokeModal action={action} onClose={() => setAction(null)} />
      <Modal
        opened={!!preview}
        onClose={() => setPreview(null)}
        title={preview ? t('awards.certificateOf', { name: preview.recipientName }) : ''}
        size="xl"
      >
        {preview ? (
          <PdfPreview
            path={`/awards/${preview.id}/certificate`}
            fileName={`giay-chung-nhan-${fileSlug(preview.serial ?? preview.id)}.pdf`}
            title={t('awards.certificateOf', { name: preview.recipientName })}
          />
        ) : null}
      </Modal>
    </>
  );
}
