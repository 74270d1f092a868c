import { Injectable } from '@nestjs/common';
import { CouncilVoteRepository, NominationRepository } from '@epw/data-access';
import { DomainErrorCode, DomainException } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { ReadAccessService } from '../../common/read-access.service';
import type { CouncilVoteDto } from './dto/council-vote.dto';
import { nominationNotFound } from './nomination-access';
import { chainOf } from './nomination.mapper';

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

/** What a council member may know of a vote: who took part and when, their own ballot's time.
 * The choices stay sealed in the tally; this read never touches it. */
@Injectable()
export class CouncilVoteReadService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly participation: CouncilVoteRepository,
    private readonly access: ReadAccessService,
  ) {}

  async get(user: AuthenticatedUser, id: string): Promise<CouncilVoteDto> {
    const n = await this.nominations.findById(id);
    if (!n) throw nominationNotFound(id)();
    await this.access.assertCanReadNomination(user, n);
    const steps = chainOf(n).init.steps;
    const stepIndex = steps.findIndex((s) => s.kind === 'COUNCIL_VOTE');
    const step = steps[stepIndex];
    if (!step)
      throw new DomainException(DomainErrorCode.NotFound, {
        entity: 'phiên bỏ phiếu của Hội đồng',
      });
    const memberIds = step.councilMemberUserIds ?? [];
    const rows = await this.participation.listParticipation(id, stepIndex, n.round, memberIds);
    const mine = rows.find((r) => r.userId === user.userId);
    const seesMembers = !!mine || user.roles.includes('ADMIN');
    return {
      nominationId: n.id,
      stepKey: step.key,
      round: n.round,
      open: n.status === 'VOTING' && n.currentStep === stepIndex,
      eligibleCount: memberIds.length,
      votedCount: rows.filter((r) => r.votedAt).length,
      me: {
        member: !!mine,
        votedAt: iso(mine?.votedAt ?? null),
        written: mine?.written ?? false,
        recordedByName: mine?.recordedByName ?? null,
      },
      members: seesMembers
        ? rows.map((r) => ({
            userId: r.userId,
            fullName: r.fullName,
            votedAt: iso(r.votedAt),
            written: r.written,
            recordedByName: r.recordedByName,
          }))
        : [],
    };
  }
}
