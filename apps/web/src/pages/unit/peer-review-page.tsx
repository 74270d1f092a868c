import { Badge, Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys, useAssessment, useMembers } from '../../api/queries';
import type { AssessmentStatus, Cycle } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { DataTable } from '../../components/data-table';
import { Deadline } from '../../components/deadline';
import { NoCycle } from '../../components/no-cycle';
import { NotStarted, PageHeader, QueryState } from '../../components/page';
import { emptyScores, ScoresFields, toScores } from '../../components/scores-fields';
import { useCurrentCycle } from '../../lib/cycle-context';
import type { Criterion } from '../../api/types';
import { useCriteria } from '../../lib/criteria';
import { formatDecimal } from '../../lib/reports';
import { FormActions } from '../../components/form-actions';
import { SectionCard } from '../../components/section-card';

function PeerForm(props: {
  cycle: Cycle;
  unitId: string;
  subject: { unitId: string; name: string };
  criteria: Criterion[];
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { scores: emptyScores(props.criteria) },
  });
  const submit = useApiMutation({
    form,
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/cycles/{cycleId}/assessments/final/peer', {
          params: { path: { cycleId: props.cycle.id }, header: actionHeaders() },
          body: {
            assessorUnitId: props.unitId,
            subjectUnitId: props.subject.unitId,
            scores: toScores(values.scores),
          },
        }),
      ),
    successMessage: t('peer.saved', { unit: props.subject.name }),
    invalidate: [keys.assessment(props.cycle.id, 'final')],
    onSuccess: props.onDone,
  });
  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
      <Stack gap="sm">
        <ScoresFields form={form} criteria={props.criteria} />
        <FormActions
          onCancel={props.onDone}
          pending={submit.isPending}
          submitLabel={t('peer.send')}
        />
      </Stack>
    </form>
  );
}

function ConflictForm(props: {
  cycle: Cycle;
  unitId: string;
  status: AssessmentStatus;
  options: { value: string; label: string }[];
}) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { subjectUnitId: '', reason: '' },
    validate: {
      subjectUnitId: (v) => (v ? null : t('common.required')),
      reason: (v) => (v.trim().length >= 5 ? null : t('peer.conflictReasonShort')),
    },
  });
  const submit = useApiMutation({
    form,
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/cycles/{cycleId}/assessments/final/conflicts', {
          params: { path: { cycleId: props.cycle.id }, header: actionHeaders() },
          body: { assessorUnitId: props.unitId, ...values },
        }),
      ),
    successMessage: t('peer.conflictSaved'),
    invalidate: [keys.assessment(props.cycle.id, 'final')],
    onSuccess: () => form.reset(),
  });
  const locked = props.status.peerSubmitted.length > 0 || props.status.closed;
  return (
    <SectionCard
      title={t('peer.conflictTitle')}
      hint={locked ? t('peer.conflictLocked') : t('peer.conflictHint')}
    >
      <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
        <Stack gap="sm">
          <Select
            label={t('peer.conflictUnit')}
            data={props.options}
            searchable
            disabled={locked}
            {...form.getInputProps('subjectUnitId')}
          />
          <Textarea
            label={t('peer.conflictReason')}
            autosize
            minRows={2}
            disabled={locked}
            {...form.getInputProps('reason')}
          />
          <FormActions
            pending={submit.isPending}
            submitLabel={t('peer.declare')}
            variant="light"
            disabled={locked}
          />
        </Stack>
      </form>
    </SectionCard>
  );
}

export function PeerReviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const unitId = me.data?.unitId ?? '';
  const { cycle } = useCurrentCycle();
  const status = useAssessment(cycle, 'final');
  const { members, nameOf } = useMembers(cycle);
  const { criteria, isLoading, error } = useCriteria();
  const [scoring, setScoring] = useState<string | null>(null);
  if (!cycle) return <NoCycle />;
  const s = status.data;
  const subjects = s
    ? Object.entries(s.assignment)
        .filter(([, assessors]) => assessors.includes(unitId))
        .map(([subject]) => subject)
    : [];
  const sheetFor = (subject: string) =>
    s?.peerSubmitted.find((p) => p.assessorUnitId === unitId && p.subjectUnitId === subject);

  return (
    <>
      <PageHeader title={t('peer.title')} description={t('peer.description')} />
      <QueryState isLoading={status.isLoading || isLoading} error={status.error ?? error}>
        {!s ? (
          <NotStarted>{t('review.finalNotOpen')}</NotStarted>
        ) : (
          <Stack gap="lg">
            <Group gap="xs">
              {s.closed ? (
                <Text size="sm">{t('review.closed')}</Text>
              ) : (
                <Text size="sm">
                  {t('review.deadline')}{' '}
                  <Deadline at={s.deadlineAt} accelerated={cycle.calendarScale > 1} />
                </Text>
              )}
            </Group>
            <DataTable
              empty={t('peer.noneAssigned')}
              minWidth={420}
              aria-label={t('peer.tableLabel')}
              rows={subjects}
              rowKey={(subject) => subject}
              columns={[
                { header: t('common.unit'), cell: (subject) => nameOf(subject) },
                {
                  header: t('peer.status'),
                  cell: (subject) => {
                    const sheet = sheetFor(subject);
                    return sheet ? (
                      <Badge color="green" variant="light">
                        {t('peer.done', { total: formatDecimal(sheet.total) })}
                      </Badge>
                    ) : (
                      <Badge color="gray" variant="light">
                        {t('peer.todo')}
                      </Badge>
                    );
                  },
                },
                {
                  align: 'right',
                  cell: (subject) =>
                    !sheetFor(subject) && !s.closed ? (
                      <Button size="xs" onClick={() => setScoring(subject)}>
                        {t('peer.score')}
                      </Button>
                    ) : null,
                },
              ]}
            />
            <ConflictForm
              cycle={cycle}
              unitId={unitId}
              status={s}
              options={members
                .filter((m) => m.unitId !== unitId)
                .map((m) => ({ value: m.unitId, label: m.unitName }))}
            />
          </Stack>
        )}
      </QueryState>
      <Modal
        opened={scoring !== null}
        onClose={() => setScoring(null)}
        title={scoring ? t('peer.formTitle', { unit: nameOf(scoring) }) : ''}
        size="lg"
        centered
      >
        {scoring ? (
          <PeerForm
            cycle={cycle}
            unitId={unitId}
            subject={{ unitId: scoring, name: nameOf(scoring) }}
            criteria={criteria}
            onDone={() => setScoring(null)}
          />
        ) : null}
      </Modal>
    </>
  );
}
