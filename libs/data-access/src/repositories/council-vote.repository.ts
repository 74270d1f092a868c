import { Injectable } from '@nestjs/common';
import { PrismaService } from '../prisma.service';

/** One council member of a vote and whether they took part (never how they voted). */
export interface CouncilMemberParticipation {
  userId: string;
  fullName: string;
  /** When their ballot was recorded; null while they have not voted. */
  votedAt: Date | null;
  /** A written ballot (phiếu bằng văn bản) recorded for them by another member. */
  written: boolean;
  /** Who recorded the ballot: the member themselves, or the member who wrote it in. */
  recordedByName: string | null;
}

/**
 * Who on a nomination's council has voted, when and how it was recorded. The tally is secret and
 * kept apart (CouncilVoteTally, counts only); participation is not, and nothing here joins the two.
 */
@Injectable()
export class CouncilVoteRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The members in the order given, each with their participation in that step and round. */
  async listParticipation(
    nominationId: string,
    stepIndex: number,
    round: number,
    memberUserIds: readonly string[],
  ): Promise<CouncilMemberParticipation[]> {
    const rows = await this.prisma.councilVoteParticipation.findMany({
      where: { nominationId, stepIndex, round },
      select: { memberUserId: true, votedAt: true, written: true, recordedById: true },
    });
    const userIds = [...new Set([...memberUserIds, ...rows.map((r) => r.recordedById)])];
    const users = await this.prisma.user.findMany({
      where: { id: { in: userIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } },
      select: { id: true, fullName: true },
    });
    const nameOf = new Map(users.map((u) => [u.id, u.fullName]));
    const byMember = new Map(rows.map((r) => [r.memberUserId, r]));
    return memberUserIds.map((userId) => {
      const p = byMember.get(userId);
      return {
        userId,
        fullName: nameOf.get(userId) ?? userId,
        votedAt: p?.votedAt ?? null,
        written: p?.written ?? false,
        recordedByName: p ? (nameOf.get(p.recordedById) ?? null) : null,
      };
    });
  }
}
