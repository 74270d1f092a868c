import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Stack,
  Stepper,
  Text,
  Textarea,
  type MantineColor,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { actionHeaders, api, call } from '../../api/client';
import {
  commendationKeys,
  downloadFile,
  text,
  useApprovals,
  useAwardForms,
  useNomination,
  type NominationDetail,
} from '../../api/commendation';
import { documentsOf } from '../../lib/documents';
import { useApiMutation } from '../../lib/use-api-mutation';
import { useNextTask } from '../../lib/next-task';
import { useMe } from '../../auth/auth';
import { PageHeader, QueryState } from '../../components/page';
import { formatDateTime } from '../../lib/dates';
import { NominationStatusBadge } from './nomination-badges';
import { CouncilBallot, useCouncilVote } from './council-ballot';
import { DataTable } from '../../components/data-table';
import { SectionCard } from '../../components/section-card';

function useInvalidate(id: string) {
  return [
    commendationKeys.nomination(id),
    commendationKeys.nominations,
    commendationKeys.approvals,
  ];
}

type Decision = 'APPROVE' | 'RETURN' | 'REJECT';

/** Đồng ý / trả lại / không đồng ý on the current step; a reason is needed to return or reject. */
function StepActions({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const form = useForm({ mode: 'controlled', initialValues: { reason: '' } });
  const { offerNext } = useNextTask();
  const act = useApiMutation({
    form,
    mutationFn: (decision: Decision) =>
      call(
        api.POST('/nominations/{id}/steps/{stepKey}', {
          params: { path: { id: n.id, stepKey: n.currentStep!.key }, header: actionHeaders() },
          body: { decision, ...(form.values.reason.trim() ? { reason: form.values.reason } : {}) },
        }),
      ),
    successMessage: t('nominationDetail.actionDone'),
    invalidate: useInvalidate(n.id),
    onSuccess: () => {
      form.reset();
      void offerNext();
    },
  });
  const needReason = (decision: 'RETURN' | 'REJECT') => {
    if (form.values.reason.trim().length < 5) {
      form.setFieldError('reason', t('nominationDetail.reasonRequired'));
      return;
    }
    act.mutate(decision);
  };
  // Approving needs no reason and is the main action; returning and rejecting are lighter.
  const decisionButton = (decision: Decision, color: MantineColor, label: string) => (
    <Button
      color={color}
      variant={decision === 'APPROVE' ? undefined : 'light'}
      loading={act.isPending && act.variables === decision}
      disabled={act.isPending}
      onClick={() => (decision === 'APPROVE' ? act.mutate(decision) : needReason(decision))}
    >
      {label}
    </Button>
  );
  return (
    <SectionCard title={t('nominationDetail.yourStep')} stack>
      <Textarea
        label={t('nominationDetail.reason')}
        description={t('nominationDetail.reasonHint')}
        autosize
        minRows={2}
        {...form.getInputProps('reason')}
      />
      <Group>
        {/* One decision at a time: every button waits while one is being recorded. */}
        {decisionButton('APPROVE', 'green', t('nominationDetail.approve'))}
        {decisionButton('RETURN', 'orange', t('nominationDetail.return'))}
        {decisionButton('REJECT', 'red', t('nominationDetail.reject'))}
      </Group>
    </SectionCard>
  );
}

/** While returned: revised files, then resubmit; or withdraw. */
function ReturnedActions({ n }: { n: NominationDetail }) {
  const { t, i18n } = useTranslation();
  const forms = useAwardForms();
  const [files, setFiles] = useState<Record<string, File | null>>({});
  const [note, setNote] = useState('');
  const dossier = forms.data?.find((f) => f.code === n.formCode)?.content.dossier ?? [];
  const invalidate = useInvalidate(n.id);
  const upload = useApiMutation({
    mutationFn: async () => {
      const documents = await documentsOf(files);
      return call(
        api.POST('/nominations/{id}/documents', {
          params: { path: { id: n.id } },
          body: { documents },
        }),
      );
    },
    successMessage: t('nominationDetail.uploaded'),
    invalidate,
    onSuccess: () => setFiles({}),
  });
  const resubmit = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/nominations/{id}/resubmit', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    successMessage: t('nominationDetail.resubmitted'),
    invalidate,
  });
  return (
    <SectionCard title={t('nominationDetail.returnedTitle')} stack>
      {dossier.map((item) => (
        <FileInput
          key={item.kind}
          label={text(item.label, i18n.language)}
          placeholder={t('nominationForm.chooseFile')}
          clearable
          value={files[item.kind] ?? null}
          onChange={(file) => setFiles((f) => ({ ...f, [item.kind]: file }))}
        />
      ))}
      <Group>
        <Button
          variant="light"
          loading={upload.isPending}
          disabled={!Object.values(files).some(Boolean)}
          onClick={() => upload.mutate()}
        >
          {t('nominationDetail.upload')}
        </Button>
      </Group>
      <Textarea
        label={t('nominationDetail.resubmitNote')}
        autosize
        minRows={1}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Group>
        <Button loading={resubmit.isPending} onClick={() => resubmit.mutate()}>
          {t('nominationDetail.resubmit')}
        </Button>
      </Group>
    </SectionCard>
  );
}

function Withdraw({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const withdraw = useApiMutation({
    mutationFn: () =>
      call(
        api.POST('/nominations/{id}/withdraw', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: { reason },
        }),
      ),
    successMessage: t('nominationDetail.withdrawn'),
    invalidate: useInvalidate(n.id),
  });
  return (
    <Card withBorder padding="md">
      <Group align="flex-end">
        <Textarea
          label={t('nominationDetail.withdrawReason')}
          style={{ flex: 1 }}
          autosize
          minRows={1}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
        <Button
          color="red"
          variant="light"
          disabled={reason.trim().length < 5}
          loading={withdraw.isPending}
          onClick={() => withdraw.mutate()}
        >
          {t('nominationDetail.withdraw')}
        </Button>
      </Group>
    </Card>
  );
}

function ResolveObjection({ n, objectionId }: { n: NominationDetail; objectionId: string }) {
  const { t } = useTranslation();
  const [resolution, setResolution] = useState('');
  const resolve = useApiMutation({
    mutationFn: (upheld: boolean) =>
      call(
        api.POST('/nominations/{id}/objections/{objectionId}/resolution', {
          params: { path: { id: n.id, objectionId }, header: actionHeaders() },
          body: { upheld, resolution },
        }),
      ),
    successMessage: t('nominationDetail.resolved'),
    invalidate: useInvalidate(n.id),
  });
  return (
    <Group align="flex-end" mt="xs">
      <Textarea
        label={t('nominationDetail.resolution')}
        style={{ flex: 1 }}
        autosize
        minRows={1}
        value={resolution}
        onChange={(e) => setResolution(e.currentTarget.value)}
      />
      <Button
        size="xs"
        variant="light"
        disabled={!resolution.trim()}
        loading={resolve.isPending}
        onClick={() => resolve.mutate(false)}
      >
        {t('nominationDetail.dismiss')}
      </Button>
      <Button
        size="xs"
        color="red"
        variant="light"
        disabled={!resolution.trim()}
        onClick={() => resolve.mutate(true)}
      >
        {t('nominationDetail.uphold')}
      </Button>
    </Group>
  );
}

export function NominationDetailPage() {
  const { t, i18n } = useTranslation();
  const { id = '' } = useParams();
  const me = useMe();
  const query = useNomination(id);
  const approvals = useApprovals();
  const n = query.data;
  const roles = new Set(me.data?.roles ?? []);
  const mine = !!n && me.data?.unitId === n.proposerUnitId && roles.has('UNIT_OFFICER');
  // A council vote is answered by the secret ballot below, never by the step's opinion panel.
  const myStep =
    !!n &&
    n.status !== 'RETURNED' &&
    n.status !== 'VOTING' &&
    !!approvals.data?.some((a) => a.id === n.id) &&
    !!n.currentStep;
  const isApprover = myStep || roles.has('REVIEWER') || roles.has('AUTHORITY');
  const active = n && !['AWARDED', 'REJECTED', 'WITHDRAWN'].includes(n.status);
  // After the vote, a member still sees when they voted.
  const councilVote = useCouncilVote(n, roles.has('COUNCIL_MEMBER'));

  return (
    <>
      <PageHeader
        title={n ? n.nomineeName : t('nominationDetail.title')}
        description={n ? text(n.formName, i18n.language) : undefined}
        actions={
          <Anchor component={Link} to={mine ? '/nominations' : '/approvals'}>
            {t('nominationDetail.back')}
          </Anchor>
        }
      />
      <QueryState isLoading={query.isLoading} error={query.error}>
        {n ? (
          <Stack gap="md">
            <Group gap="xs">
              <NominationStatusBadge status={n.status} />
              <Badge variant="outline">{t('nominationDetail.round', { n: n.round })}</Badge>
              {n.stepDueAt && n.currentStep ? (
                <Text size="sm" c="dimmed">
                  {t('nominationDetail.dueAt', { when: formatDateTime(n.stepDueAt) })}
                </Text>
              ) : null}
            </Group>
            {n.closedReason ? (
              <Alert color="gray" variant="light">
                {n.closedReason}
              </Alert>
            ) : null}
            {n.award ? (
              <Alert color="green" variant="light" title={t('nominationDetail.awarded')}>
                {t('nominationDetail.awardCode')}:{' '}
                <Anchor component={Link} to={`/verify/${n.award.verificationCode}`}>
                  {n.award.verificationCode}
                </Anchor>
              </Alert>
            ) : null}
            <Text size="sm">{n.achievement}</Text>
            <SectionCard title={t('nominationDetail.steps')}>
              <Stepper
                active={
                  n.currentStep
                    ? n.currentStep.index
                    : n.status === 'AWARDED' || n.status === 'AWAITING_DECISION'
                      ? n.steps.length
                      : -1
                }
                orientation="vertical"
                size="sm"
              >
                {n.steps.map((s) => (
                  <Stepper.Step
                    key={s.key}
                    label={text(s.title, i18n.language)}
                    description={
                      n.currentStep?.key === s.key
                        ? `${n.currentStep.actorUnitName} · ${t('nominationDetail.slaDays', { n: s.slaWorkingDays })}`
                        : t('nominationDetail.slaDays', { n: s.slaWorkingDays })
                    }
                  />
                ))}
              </Stepper>
            </SectionCard>
            {myStep ? <StepActions n={n} /> : null}
            {councilVote.data?.me.member &&
            (n.status === 'VOTING' || councilVote.data.me.votedAt) ? (
              <CouncilBallot n={n} />
            ) : null}
            {n.status === 'RETURNED' && mine ? <ReturnedActions n={n} /> : null}
            <SectionCard title={t('nominationDetail.documents')}>
              <Stack gap={4}>
                {n.documents.map((d) => (
                  <Group key={d.id} gap="xs">
                    <Anchor
                      component="button"
                      type="button"
                      onClick={() =>
                        void downloadFile(`/nominations/${n.id}/documents/${d.id}`, d.fileName)
                      }
                    >
                      {d.fileName}
                    </Anchor>
                    <Text size="xs" c="dimmed">
                      {d.kind} · {t('nominationDetail.revision', { n: d.revision })} ·{' '}
                      {Math.ceil(d.size / 1024)} KB
                    </Text>
                  </Group>
                ))}
              </Stack>
            </SectionCard>
            <SectionCard title={t('nominationDetail.history')}>
              <DataTable
                striped={false}
                minWidth={560}
                aria-label={t('nominationDetail.history')}
                rows={n.actions}
                columns={[
                  { header: t('nominationDetail.when'), cell: (a) => formatDateTime(a.at) },
                  {
                    header: t('nominationDetail.step'),
                    cell: (a) =>
                      text(n.steps.find((s) => s.key === a.stepKey)?.title, i18n.language) ||
                      t(`stepKey.${a.stepKey}` as 'stepKey.submission', {
                        defaultValue: a.stepKey,
                      }),
                  },
                  {
                    header: t('nominationDetail.action'),
                    cell: (a) => t(`nominationAction.${a.action}`, { defaultValue: a.action }),
                  },
                  { header: t('nominationDetail.reason'), cell: (a) => a.reason ?? '—' },
                ]}
              />
            </SectionCard>
            {n.voteMinutes ? (
              <Anchor component={Link} to={`/nominations/${n.id}/minutes`} size="sm">
                {t('minutes.link')}
              </Anchor>
            ) : null}
            {n.objections.length > 0 ? (
              <SectionCard title={t('nominationDetail.objections')}>
                <Stack gap="sm">
                  {n.objections.map((o) => (
                    <div key={o.id}>
                      <Text size="sm">{o.text}</Text>
                      {o.publicObjector ? (
                        <Text size="xs">
                          {t('publicObjection.filedBy', {
                            name: o.publicObjector.name,
                            contact: o.publicObjector.contact,
                          })}
                        </Text>
                      ) : null}
                      <Text size="xs" c="dimmed">
                        {formatDateTime(o.filedAt)}
                        {o.upheld === null
                          ? ` · ${t('nominationDetail.pending')}`
                          : ` · ${o.upheld ? t('nominationDetail.upheld') : t('nominationDetail.dismissed')}: ${o.resolution ?? ''}`}
                      </Text>
                      {o.upheld === null && isApprover ? (
                        <ResolveObjection n={n} objectionId={o.id} />
                      ) : null}
                    </div>
                  ))}
                </Stack>
              </SectionCard>
            ) : null}
            {active && mine ? <Withdraw n={n} /> : null}
          </Stack>
        ) : null}
      </QueryState>
    </>
  );
}
