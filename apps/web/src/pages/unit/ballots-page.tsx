import {
  Alert,
  Badge,
  Card,
  Checkbox,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { keys, useBallotBox, useMembers } from '../../api/queries';
import type { BallotBox, Cycle } from '../../api/types';
import { useApiMutation } from '../../lib/use-api-mutation';
import { capabilitiesOf, clusterRoleOf, useMe } from '../../auth/auth';
import { Deadline } from '../../components/deadline';
import { NoCycle } from '../../components/no-cycle';
import { NotStarted, PageHeader, QueryState } from '../../components/page';
import { useCurrentCycle } from '../../lib/cycle-context';
import { todayInVietnam } from '../../lib/dates';
import { QueryParamTabs } from '../../components/query-param-tabs';
import { SectionCard } from '../../components/section-card';
import { FormActions } from '../../components/form-actions';

type Kind = 'vote' | 'election';

interface BallotValues {
  voterUnitId: string;
  approve: string[];
  headUnitId: string;
  deputyUnitId: string;
}

/** A ballot for `voterUnitId`: one's own, or (written = true) an absent member's, recorded by the
 * head. The vote approves candidates; the election names next period's head and deputy. */
function BallotForm(props: {
  cycle: Cycle;
  kind: Kind;
  box: BallotBox;
  written: boolean;
  voterOptions: { value: string; label: string }[];
  fixedVoter?: string;
  nameOf: (unitId: string) => string;
}) {
  const { t } = useTranslation();
  const { cycle, kind, box, written } = props;
  const form = useForm<BallotValues>({
    mode: 'controlled',
    initialValues: {
      voterUnitId: props.fixedVoter ?? '',
      approve: [],
      headUnitId: '',
      deputyUnitId: '',
    },
    validate: {
      voterUnitId: (v) => (v ? null : t('common.required')),
      headUnitId: (v) => (kind === 'election' && !v ? t('common.required') : null),
      deputyUnitId: (v, values) =>
        kind !== 'election'
          ? null
          : !v
            ? t('common.required')
            : v === values.headUnitId
              ? t('ballots.deputyNotHead')
              : null,
    },
  });
  const cast = useApiMutation({
    form,
    mutationFn: (values: BallotValues) => {
      const params = { path: { cycleId: cycle.id }, header: actionHeaders() };
      return kind === 'vote'
        ? call(
            api.POST('/cycles/{cycleId}/vote', {
              params,
              body: { voterUnitId: values.voterUnitId, approve: values.approve, written },
            }),
          )
        : call(
            api.POST('/cycles/{cycleId}/election', {
              params,
              body: {
                voterUnitId: values.voterUnitId,
                headUnitId: values.headUnitId,
                deputyUnitId: values.deputyUnitId,
                written,
              },
            }),
          );
    },
    successMessage: written ? t('ballots.writtenRecorded') : t('ballots.cast'),
    invalidate: [keys.ballots(cycle.id, kind)],
    onSuccess: () => form.reset(),
  });
  const candidates = box.candidates.map((c) => ({ value: c, label: props.nameOf(c) }));
  return (
    <form onSubmit={form.onSubmit((values) => cast.mutate(values))} noValidate>
      <Stack gap="sm">
        {props.fixedVoter ? null : (
          <Select
            label={t('ballots.absentMember')}
            data={props.voterOptions}
            searchable
            {...form.getInputProps('voterUnitId')}
          />
        )}
        {kind === 'vote' ? (
          <Checkbox.Group
            label={t('ballots.approveLabel')}
            description={t('ballots.approveHint')}
            {...form.getInputProps('approve')}
          >
            <Stack gap={6} mt={6}>
              {candidates.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </Stack>
          </Checkbox.Group>
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('ballots.head')}
              data={candidates}
              searchable
              {...form.getInputProps('headUnitId')}
            />
            <Select
              label={t('ballots.deputy')}
              data={candidates}
              searchable
              {...form.getInputProps('deputyUnitId')}
            />
          </SimpleGrid>
        )}
        <Text size="xs" c="dimmed">
          {t('ballots.secret')}
        </Text>
        <FormActions
          pending={cast.isPending}
          submitLabel={written ? t('ballots.recordWritten') : t('ballots.submit')}
        />
      </Stack>
    </form>
  );
}

function BoxPanel({ cycle, kind }: { cycle: Cycle; kind: Kind }) {
  const { t } = useTranslation();
  const me = useMe();
  const caps = capabilitiesOf(me.data);
  const unitId = me.data?.unitId ?? '';
  const box = useBallotBox(cycle, kind);
  const { members, nameOf } = useMembers(cycle);
  const b = box.data;
  // Written ballots of absent members are the head's to record; shown while the role is unknown.
  const role = clusterRoleOf(me.data, cycle, todayInVietnam());
  const mayRecordWritten = caps.isSigner && (role === undefined || role === 'HEAD');
  return (
    <QueryState isLoading={box.isLoading} error={box.error}>
      {!b ? (
        <NotStarted>
          {kind === 'vote' ? t('ballots.voteNotOpen') : t('ballots.electionNotOpen')}
        </NotStarted>
      ) : (
        <Stack gap="lg">
          <Card withBorder padding="md">
            <Stack gap={6}>
              <Group gap="xs">
                <Badge variant="light" color={b.closed ? 'dark' : 'green'}>
                  {b.closed ? t('phaseStatus.CLOSED') : t('phaseStatus.OPEN')}
                </Badge>
                <Text size="sm">
                  {t('ballots.turnout', {
                    voted: b.voted.length,
                    eligible: b.eligibleCount,
                    written: b.writtenCount,
                  })}
                </Text>
              </Group>
              {!b.closed ? (
                <Text size="sm">
                  {t('ballots.deadline')}{' '}
                  <Deadline at={b.deadlineAt} accelerated={cycle.calendarScale > 1} />
                </Text>
              ) : null}
              {kind === 'vote' ? (
                <Text size="sm">
                  {t('ballots.candidates')}: {b.candidates.map(nameOf).join('; ') || '—'}
                </Text>
              ) : null}
            </Stack>
          </Card>

          {!b.closed ? (
            <SectionCard title={t('ballots.myBallot')}>
              {b.voted.includes(unitId) ? (
                <Alert color="green" variant="light">
                  {t('ballots.alreadyVoted')}
                </Alert>
              ) : caps.isSigner ? (
                <BallotForm
                  cycle={cycle}
                  kind={kind}
                  box={b}
                  written={false}
                  voterOptions={[]}
                  fixedVoter={unitId}
                  nameOf={nameOf}
                />
              ) : (
                <Alert color="blue" variant="light">
                  {t('ballots.signerOnly')}
                </Alert>
              )}
            </SectionCard>
          ) : null}

          {!b.closed && mayRecordWritten ? (
            <SectionCard title={t('ballots.writtenTitle')} hint={t('ballots.writtenHint')}>
              <BallotForm
                cycle={cycle}
                kind={kind}
                box={b}
                written
                voterOptions={members
                  .filter((m) => !b.voted.includes(m.unitId))
                  .map((m) => ({ value: m.unitId, label: m.unitName }))}
                nameOf={nameOf}
              />
            </SectionCard>
          ) : null}

          <SectionCard title={t('ballots.whoVoted')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing={6}>
              {members.map((m) => (
                <Group key={m.unitId} gap="xs" wrap="nowrap">
                  <Badge
                    variant="light"
                    color={b.voted.includes(m.unitId) ? 'green' : 'gray'}
                    style={{ flexShrink: 0 }}
                  >
                    {b.voted.includes(m.unitId) ? t('ballots.voted') : t('ballots.notVoted')}
                  </Badge>
                  <Text size="sm">{m.unitName}</Text>
                </Group>
              ))}
            </SimpleGrid>
          </SectionCard>
        </Stack>
      )}
    </QueryState>
  );
}

export function BallotsPage() {
  const { t } = useTranslation();
  const { cycle } = useCurrentCycle();
  if (!cycle) return <NoCycle />;
  return (
    <>
      <PageHeader title={t('ballots.title')} description={t('ballots.description')} />
      <QueryParamTabs<Kind>
        param="box"
        tabs={[
          { value: 'vote', label: t('ballots.vote') },
          { value: 'election', label: t('ballots.election') },
        ]}
      >
        {(kind) => <BoxPanel cycle={cycle} kind={kind} />}
      </QueryParamTabs>
    </>
  );
}
