import { Injectable } from '@nestjs/common';
import { type AwardPeriod, normalizeAwardPeriod } from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { PrismaService } from '../prisma.service';

/** A proposal list (tờ trình kèm danh sách) as stored. */
export interface ProposalRecord {
  id: string;
  number: string | null;
  title: string;
  proposerUnitId: string;
  authorityUnitId: string;
  formCode: string;
  movementCode: string | null;
  year: number;
  periodKind: AwardPeriod['kind'];
  periodStart: number | null;
  periodQuarter: number | null;
  nominationIds: string[];
  createdById: string;
  createdAt: Date;
}

/** One nomination of a proposal list, with where it stands on its chain. */
export interface ProposalNominationRecord {
  id: string;
  workflowId: string;
  nomineeKind: string;
  nomineeName: string;
  unitId: string;
  status: string;
  currentStepKey: string | null;
}

/** A proposal list with its proposer's, its deciding organisation's and its nominations' names. */
export interface ProposalDetailRecord extends ProposalRecord {
  proposerUnitName: string;
  authorityUnitName: string;
  nominations: ProposalNominationRecord[];
}

/** What a new proposal list stores; its nominations are stored (and audited) one by one first. */
export interface NewProposal
  extends Omit<
    ProposalRecord,
    'year' | 'periodKind' | 'periodStart' | 'periodQuarter' | 'createdAt'
  > {
  period: AwardPeriod;
}

/** Proposal lists: an organisation's office proposes several nominees of its subtree at once. */
@Injectable()
export class ProposalRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /**
   * Stores the proposal list with its nominations' ids, audited as `proposal.submitted`. A retried
   * request (same id) writes nothing and answers the stored list.
   */
  async create(p: NewProposal): Promise<ProposalRecord> {
    const period = normalizeAwardPeriod(p.period);
    const { number, title, proposerUnitId, authorityUnitId, formCode, movementCode } = p;
    const heading = { number, title, proposerUnitId, authorityUnitId, formCode, movementCode };
    await this.audit.recordOnce(
      {
        // The id is the request's (derived from its Idempotency-Key): a retry records nothing twice.
        eventKey: `proposal.submitted:${p.id}`,
        actorUserId: p.createdById,
        action: 'proposal.submitted',
        entityType: 'Proposal',
        entityId: p.id,
        payload: {
          ...heading,
          period,
          nominationIds: p.nominationIds,
        },
      },
      async (tx) => {
        if (await tx.proposal.findUnique({ where: { id: p.id }, select: { id: true } })) return;
        await tx.proposal.create({
          data: {
            id: p.id,
            ...heading,
            year: period.year,
            periodKind: period.kind,
            periodStart: period.startYear,
            periodQuarter: period.quarter,
            nominationIds: p.nominationIds,
            createdById: p.createdById,
          },
        });
      },
    );
    return this.prisma.proposal.findUniqueOrThrow({ where: { id: p.id } });
  }

  findById(id: string): Promise<ProposalRecord | null> {
    return this.prisma.proposal.findUnique({ where: { id } });
  }

  /** An organisation's proposal lists, newest first (all of them when no unit is given). */
  listByProposer(proposerUnitId: string | null, take = 200): Promise<ProposalRecord[]> {
    return this.prisma.proposal.findMany({
      where: proposerUnitId ? { proposerUnitId } : {},
      orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
      take,
    });
  }

  /** Names of the units the lists mention (proposer, deciding organisation), by id. */
  async unitNames(ids: string[]): Promise<Map<string, string>> {
    const units = await this.prisma.unit.findMany({
      where: { id: { in: [...new Set(ids)] } },
      select: { id: true, name: true },
    });
    return new Map(units.map((u) => [u.id, u.name]));
  }

  /** The list's nominations in its order, each with its status and current step. */
  async nominationsOf(p: ProposalRecord): Promise<ProposalNominationRecord[]> {
    const rows = await this.prisma.nomination.findMany({
      where: { id: { in: p.nominationIds } },
      select: {
        id: true,
        workflowId: true,
        nomineeKind: true,
        nomineeName: true,
        unitId: true,
        status: true,
        currentStepKey: true,
      },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return p.nominationIds.flatMap((id) => {
      const n = byId.get(id);
      return n ? [n] : [];
    });
  }

  async findDetail(id: string): Promise<ProposalDetailRecord | null> {
    const p = await this.findById(id);
    if (!p) return null;
    const [names, nominations] = await Promise.all([
      this.unitNames([p.proposerUnitId, p.authorityUnitId]),
      this.nominationsOf(p),
    ]);
    return {
      ...p,
      proposerUnitName: names.get(p.proposerUnitId) ?? '',
      authorityUnitName: names.get(p.authorityUnitId) ?? '',
      nominations,
    };
  }
}
