import { SectionCard } from '../../components/section-card';
import { Alert, Badge, Button, Group, List, Modal, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { actionHeaders, api, call } from '../../api/client';
import { commendationKeys, type NominationDetail } from '../../api/commendation';
import { useMe } from '../../auth/auth';
import { formatDateTime } from '../../lib/dates';
import { useNextTask } from '../../lib/next-task';
import { useApiMutation } from '../../lib/use-api-mutation';
import { ConfirmActions } from '../../components/form-actions';

export const councilVoteKey = (id: string) => ['nominations', id, 'council-vote'] as const;

/** Who has voted in the nomination's council vote and when (never how): the member's own part. */
export function useCouncilVote(n: NominationDetail | undefined, enabled: boolean) {
  return useQuery({
    queryKey: councilVoteKey(n?.id ?? ''),
    enabled: !!n && enabled && n.steps.some((s) => s.kind === 'COUNCIL_VOTE'),
    queryFn: () =>
      call(api.GET('/nominations/{id}/council-vote', { params: { path: { id: n!.id } } })),
  });
}

interface Ballot {
  approve: boolean;
  /** An absent member's written vote; their name for the confirmation. */
  onBehalfOf?: { userId: string; name: string };
}

/**
 * The council member's one secret ballot: Đồng ý or Không đồng ý, confirmed first (a ballot cannot
 * be changed), then locked with the time it was recorded. Below it, an absent member's written
 * ballot, the member picked by name.
 */
export function CouncilBallot({ n }: { n: NominationDetail }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const vote = useCouncilVote(n, true);
  const [confirming, setConfirming] = useState<Ballot | null>(null);
  // The choice made on this page: the API keeps who voted, never how, so it cannot say it again.
  const [myChoice, setMyChoice] = useState<boolean | null>(null);
  const [absent, setAbsent] = useState<string | null>(null);
  const { offerNext } = useNextTask();
  const cast = useApiMutation({
    mutationFn: (b: Ballot) =>
      call(
        api.POST('/nominations/{id}/council-ballots', {
          params: { path: { id: n.id }, header: actionHeaders() },
          body: {
            approve: b.approve,
            ...(b.onBehalfOf ? { onBehalfOfUserId: b.onBehalfOf.userId } : {}),
          },
        }),
      ),
    successMessage: (_data) => t('journeys.ballot.recorded'),
    invalidate: [
      councilVoteKey(n.id),
      commendationKeys.nomination(n.id),
      commendationKeys.approvals,
      commendationKeys.nominations,
    ],
    onSuccess: (_data, b) => {
      if (!b.onBehalfOf) {
        setMyChoice(b.approve);
        void offerNext();
      } else setAbsent(null);
      setConfirming(null);
    },
  });

  const cv = vote.data;
  const liveVoted = n.live?.council?.voted ?? [];
  const iVoted = !!cv?.me.votedAt || (!!me && liveVoted.includes(me.userId)) || myChoice !== null;
  const open = n.status === 'VOTING' && (cv ? cv.open : true);
  const others = (cv?.members ?? []).filter((m) => m.userId !== me?.userId);
  const absentChoices = others.filter((m) => !m.votedAt);
  const absentName = others.find((m) => m.userId === absent)?.fullName ?? '';
  const busy = cast.isPending;
  const votedCount = cv?.votedCount ?? liveVoted.length;
  const total = cv?.eligibleCount ?? n.live?.council?.eligibleCount ?? 0;

  return (
    <SectionCard
      title={t('nominationDetail.council')}
      hint={
        <>
          {t('nominationDetail.councilProgress', { voted: votedCount, total })} ·{' '}
          {t('journeys.ballot.secret')}
        </>
      }
      stack
      data-testid="council-ballot"
    >
      {iVoted ? (
        <Alert color="green" variant="light" data-testid="my-ballot">
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {cv?.me.votedAt
                ? t('journeys.ballot.youVotedAt', { at: formatDateTime(cv.me.votedAt) })
                : t('journeys.ballot.youVoted')}
            </Text>
            {cv?.me.written && cv.me.recordedByName ? (
              <Text size="sm">
                {t('journeys.ballot.writtenBy', { name: cv.me.recordedByName })}
              </Text>
            ) : null}
            <Text size="sm">
              {myChoice === null
                ? t('journeys.ballot.choiceSealed')
                : t('journeys.ballot.yourChoice', {
                    choice: myChoice ? t('nominationDetail.voteYes') : t('nominationDetail.voteNo'),
                  })}
            </Text>
          </Stack>
        </Alert>
      ) : null}
      {open || iVoted ? (
        <Group>
          <Button
            color="green"
            variant={myChoice === true ? 'filled' : iVoted ? 'default' : 'filled'}
            disabled={iVoted || busy || !open}
            onClick={() => setConfirming({ approve: true })}
          >
            {t('nominationDetail.voteYes')}
          </Button>
          <Button
            color="red"
            variant={myChoice === false ? 'filled' : iVoted ? 'default' : 'light'}
            disabled={iVoted || busy || !open}
            onClick={() => setConfirming({ approve: false })}
          >
            {t('nominationDetail.voteNo')}
          </Button>
        </Group>
      ) : null}
      {!open ? (
        <Text size="sm" c="dimmed">
          {t('journeys.ballot.closed')}
        </Text>
      ) : null}

      {cv && cv.members.length > 0 ? (
        <List listStyleType="none" spacing={4} size="sm" data-testid="council-members">
          {cv.members.map((m) => (
            <List.Item key={m.userId}>
              <Group gap="xs" wrap="wrap">
                <Text size="sm" fw={m.userId === me?.userId ? 600 : 400}>
                  {m.fullName}
                </Text>
                {m.votedAt ? (
                  <>
                    <Badge color="green" variant="light" size="sm">
                      {m.written ? t('journeys.ballot.votedWritten') : t('ballots.voted')}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(m.votedAt)}
                    </Text>
                  </>
                ) : (
                  <Badge color="gray" variant="light" size="sm">
                    {t('journeys.ballot.notYet')}
                  </Badge>
                )}
              </Group>
            </List.Item>
          ))}
        </List>
      ) : null}

      {open && absentChoices.length > 0 ? (
        <Stack gap="xs">
          <Select
            label={t('journeys.ballot.absentMember')}
            description={t('journeys.ballot.absentHint')}
            placeholder={t('journeys.ballot.absentPlaceholder')}
            searchable
            clearable
            data={absentChoices.map((m) => ({ value: m.userId, label: m.fullName }))}
            value={absent}
            onChange={setAbsent}
          />
          <Group>
            <Button
              variant="default"
              disabled={!absent || busy}
              onClick={() =>
                absent &&
                setConfirming({ approve: true, onBehalfOf: { userId: absent, name: absentName } })
              }
            >
              {t('nominationDetail.recordYes')}
            </Button>
            <Button
              variant="default"
              disabled={!absent || busy}
              onClick={() =>
                absent &&
                setConfirming({
                  approve: false,
                  onBehalfOf: { userId: absent, name: absentName },
                })
              }
            >
              {t('nominationDetail.recordNo')}
            </Button>
          </Group>
        </Stack>
      ) : null}

      <Modal
        opened={confirming !== null}
        onClose={() => (busy ? undefined : setConfirming(null))}
        title={t('journeys.ballot.confirmTitle')}
        centered
      >
        {confirming ? (
          <Stack>
            <Text size="sm">
              {confirming.onBehalfOf
                ? t('journeys.ballot.confirmWritten', {
                    name: confirming.onBehalfOf.name,
                    choice: confirming.approve
                      ? t('nominationDetail.voteYes')
                      : t('nominationDetail.voteNo'),
                  })
                : t('journeys.ballot.confirmOwn', {
                    choice: confirming.approve
                      ? t('nominationDetail.voteYes')
                      : t('nominationDetail.voteNo'),
                  })}
            </Text>
            <Alert color="orange" variant="light">
              {t('journeys.ballot.cannotUndo')}
            </Alert>
            <ConfirmActions
              onCancel={() => setConfirming(null)}
              onConfirm={() => cast.mutate(confirming)}
              confirmLabel={t('journeys.ballot.castNow')}
              pending={busy}
              lockCancel={busy}
              color={confirming.approve ? 'green' : 'red'}
            />
          </Stack>
        ) : null}
      </Modal>
    </SectionCard>
  );
}
