import {
  Alert,
  Badge,
  Card,
  Group,
  NumberInput,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys, useAssessment, useSigningStatus } from '../../api/queries';
import type { AssessmentStatus, Cycle } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useMe } from '../../auth/auth';
import { Deadline } from '../../components/deadline';
import { NoCycle } from '../../components/no-cycle';
import { NotStarted, PageHeader, QueryState } from '../../components/page';
import { emptyScores, ScoresFields, toScores } from '../../components/scores-fields';
import { useCurrentCycle } from '../../lib/cycle-context';
import type { Criterion } from '../../api/types';
import { useCriteria } from '../../lib/criteria';
import { QueryParamTabs } from '../../components/query-param-tabs';
import { FormActions } from '../../components/form-actions';

type Stage = 'interim' | 'final';

function StepState(props: { status: AssessmentStatus; cycle: Cycle; done: boolean }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Badge color={props.done ? 'green' : 'gray'} variant="light">
        {props.done ? t('review.submitted') : t('review.notSubmitted')}
      </Badge>
      {props.status.closed ? (
        <Text size="sm">{t('review.closed')}</Text>
      ) : (
        <Text size="sm">
          {t('review.deadline')}{' '}
          <Deadline at={props.status.deadlineAt} accelerated={props.cycle.calendarScale > 1} />
        </Text>
      )}
    </Group>
  );
}

function ProgressForm(props: { cycle: Cycle; unitId: string; items: string[]; closed: boolean }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      items: props.items.map((_text, itemIndex) => ({
        itemIndex,
        percent: '' as number | string,
        note: '',
      })),
    },
  });
  const submit = useApiMutation({
    form,
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/cycles/{cycleId}/assessments/interim/progress', {
          params: { path: { cycleId: props.cycle.id }, header: actionHeaders() },
          body: {
            unitId: props.unitId,
            items: values.items
              .filter((i) => i.percent !== '')
              .map((i) => ({ itemIndex: i.itemIndex, percent: Number(i.percent), note: i.note })),
          },
        }),
      ),
    successMessage: t('review.progressSaved'),
    invalidate: [keys.assessment(props.cycle.id, 'interim')],
  });
  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
      <Stack gap="sm">
        {props.items.map((text, index) => (
          <Card key={index} withBorder padding="sm">
            <Text size="sm" fw={500} mb={6}>
              {index + 1}. {text}
            </Text>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <NumberInput
                label={t('review.percent')}
                min={0}
                max={100}
                suffix=" %"
                w={140}
                disabled={props.closed}
                {...form.getInputProps(`items.${index}.percent`)}
              />
              <Textarea
                label={t('review.note')}
                autosize
                minRows={1}
                style={{ flex: '1 1 240px' }}
                disabled={props.closed}
                {...form.getInputProps(`items.${index}.note`)}
              />
            </Group>
          </Card>
        ))}
        <FormActions
          pending={submit.isPending}
          submitLabel={t('review.sendProgress')}
          disabled={props.closed}
        />
      </Stack>
    </form>
  );
}

function SelfAssessmentForm(props: {
  cycle: Cycle;
  unitId: string;
  stage: Stage;
  criteria: Criterion[];
  closed: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm({
    mode: 'controlled',
    initialValues: { scores: emptyScores(props.criteria), evidence: '' },
  });
  const submit = useApiMutation({
    form,
    mutationFn: (values: typeof form.values) =>
      call(
        api.POST('/cycles/{cycleId}/assessments/{stage}/self', {
          params: {
            path: { cycleId: props.cycle.id, stage: props.stage },
            header: actionHeaders(),
          },
          body: {
            unitId: props.unitId,
            scores: toScores(values.scores),
            ...(values.evidence.trim() ? { evidence: values.evidence } : {}),
          },
        }),
      ),
    successMessage: t('review.selfSaved'),
    invalidate: [keys.assessment(props.cycle.id, props.stage)],
  });
  return (
    <form onSubmit={form.onSubmit((values) => submit.mutate(values))} noValidate>
      <Stack gap="sm">
        <ScoresFields form={form} criteria={props.criteria} />
        <Textarea
          label={t('review.evidence')}
          description={t('review.evidenceHint')}
          autosize
          minRows={2}
          {...form.getInputProps('evidence')}
        />
        <FormActions
          pending={submit.isPending}
          submitLabel={t('review.sendSelf')}
          disabled={props.closed}
        />
      </Stack>
    </form>
  );
}

function StagePanel({ cycle, stage }: { cycle: Cycle; stage: Stage }) {
  const { t } = useTranslation();
  const me = useMe();
  const unitId = me.data?.unitId ?? '';
  const status = useAssessment(cycle, stage);
  const signing = useSigningStatus(cycle);
  const { criteria, isLoading, error } = useCriteria();
  const items = signing.data?.pledge.items ?? cycle.pledge?.currentItems ?? [];
  const s = status.data;
  return (
    <QueryState isLoading={status.isLoading || isLoading} error={status.error ?? error}>
      {!s ? (
        <NotStarted>
          {stage === 'interim' ? t('review.interimNotOpen') : t('review.finalNotOpen')}
        </NotStarted>
      ) : (
        <Stack gap="lg">
          {stage === 'interim' ? (
            <Stack gap="sm">
              <Title order={2} size="h4">
                {t('review.progressTitle')}
              </Title>
              <StepState status={s} cycle={cycle} done={s.progressSubmitted.includes(unitId)} />
              {s.closed ? null : (
                <ProgressForm cycle={cycle} unitId={unitId} items={items} closed={s.closed} />
              )}
            </Stack>
          ) : null}
          <Stack gap="sm">
            <Title order={2} size="h4">
              {t('review.selfTitle')}
            </Title>
            <StepState status={s} cycle={cycle} done={s.selfSubmitted.includes(unitId)} />
            {s.closed ? null : (
              <>
                <Alert color="blue" variant="light">
                  {t('review.criteriaNote')}
                </Alert>
                <SelfAssessmentForm
                  cycle={cycle}
                  unitId={unitId}
                  stage={stage}
                  criteria={criteria}
                  closed={s.closed}
                />
              </>
            )}
          </Stack>
        </Stack>
      )}
    </QueryState>
  );
}

export function ReviewPage() {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  if (!cycle) return <NoCycle />;
  return (
    <>
      <PageHeader title={t('review.title')} description={t('review.description')} />
      <QueryParamTabs<Stage>
        param="stage"
        tabs={[
          { value: 'interim', label: t('review.interim') },
          { value: 'final', label: t('review.final') },
        ]}
      >
        {(stage) => <StagePanel cycle={cycle} stage={stage} />}
      </QueryParamTabs>
    </>
  );
}
