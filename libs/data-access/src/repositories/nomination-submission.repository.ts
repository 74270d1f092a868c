import { Injectable } from '@nestjs/common';
import type { NominationWorkflowInput } from '@epw/contracts';
import {
  type AwardPeriod,
  DomainErrorCode,
  DomainException,
  type EligibilityInput,
  normalizeAwardPeriod,
  type NomineeKind,
  type RecognitionLevel,
} from '@epw/domain';
import { AuditLogRepository } from '../audit/audit-log.repository';
import { Prisma } from '../generated/prisma/client';
import { PrismaService, type PrismaTx } from '../prisma.service';

/** Quota checks of one unit, form and year run one at a time (transaction-scoped lock). */
const QUOTA_LOCK = 727_101;

/** A dossier file, decoded and hashed. */
export interface DossierFile {
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
}

/** Who or what is nominated, as the nomination stores it. */
export interface NomineeRef {
  kind: NomineeKind;
  /** `unit:<id>` | `person:<id>` | `initiative:<id>`. */
  key: string;
  name: string;
  /** The unit the achievement belongs to. */
  unitId: string;
  nomineeUnitId?: string;
  nomineePersonId?: string;
  nomineeInitiativeId?: string;
}

/** An organisation as a submission sees it: its place in the tree (`/<top>/…/<id>/`, empty for
 * a unit not placed in the tree) and its direct superior. */
export interface ProposerUnitRecord {
  id: string;
  name: string;
  path: string;
  parentId: string | null;
}

/** A nomination ready to be stored: rules resolved, chain resolved, dossier decoded. */
export interface NominationSubmission {
  id: string;
  /** The proposal list (tờ trình) it was submitted in, if any. */
  proposalId?: string | null;
  workflowId: string;
  awardFormId: string;
  formCode: string;
  formName: string;
  formVersion: number;
  level: RecognitionLevel;
  authorityUnitId: string;
  cycleId: string | null;
  /** The period's last year (quotas and the approval chain's cluster count by it). */
  year: number;
  /** The movement the achievement belongs to (none for a unit's general results). */
  movementCode: string | null;
  movementName: string | null;
  period: AwardPeriod;
  nominee: NomineeRef;
  proposerUnitId: string;
  proposedById: string;
  achievement: string;
  achievementKey: string;
  /** Count the unit's nominations of this form and year against its headcount. */
  countQuota: boolean;
  input: NominationWorkflowInput;
  documents: DossierFile[];
}

/** A stored nomination: its workflow, its input and the movement and period its answer shows. */
export interface StoredNomination {
  workflowId: string;
  input: NominationWorkflowInput;
  movementCode: string | null;
  movementName: string | null;
  year: number;
  periodKind: AwardPeriod['kind'];
  periodStart: number | null;
  periodQuarter: number | null;
}

/** What the eligibility rules look at, read inside the transaction that stores the nomination. */
export type EligibilityFacts = Pick<EligibilityInput, 'held' | 'sameAchievement' | 'quota'>;

/** Thrown inside the transaction to roll back when the nomination was stored before. */
class AlreadyStored extends Error {}

/** Lookups a submission needs (cycle, nominee, chain actors) and the submission itself. */
@Injectable()
export class NominationSubmissionRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  /** A nomination stored before (a retried create), with what its answer shows. */
  findStored(id: string): Promise<StoredNomination | null> {
    return this.prisma.nomination
      .findUnique({
        where: { id },
        select: {
          workflowId: true,
          chain: true,
          movementCode: true,
          movementName: true,
          year: true,
          periodKind: true,
          periodStart: true,
          periodQuarter: true,
        },
      })
      .then((n) => {
        if (!n) return null;
        const { chain, ...rest } = n;
        return { ...rest, input: chain as unknown as NominationWorkflowInput };
      });
  }

  /** A cycle with its calendar, its movement and its period. */
  findCycle(id: string) {
    return this.prisma.emulationCycle.findUnique({
      where: { id },
      select: {
        id: true,
        startsOn: true,
        endsOn: true,
        calendarEpoch: true,
        calendarScale: true,
        movementCode: true,
        movementName: true,
        periodKind: true,
        periodLabel: true,
      },
    });
  }

  findUnit(id: string): Promise<ProposerUnitRecord | null> {
    return this.prisma.unit.findUnique({
      where: { id },
      select: { id: true, name: true, path: true, parentId: true },
    });
  }

  findPerson(id: string) {
    return this.prisma.person.findUnique({
      where: { id },
      select: { id: true, fullName: true, unitId: true },
    });
  }

  /** A registered model (mô hình) with the unit that registered it. */
  async findInitiative(
    id: string,
  ): Promise<{ id: string; title: string; registeredByUnitId: string } | null> {
    const i = await this.prisma.initiative.findUnique({
      where: { id },
      include: { registration: { select: { unitId: true } } },
    });
    return i ? { id: i.id, title: i.title, registeredByUnitId: i.registration.unitId } : null;
  }

  /** The active council members of an authority, by username. */
  async councilMemberIds(authorityUnitId: string): Promise<string[]> {
    const members = await this.prisma.user.findMany({
      where: { unitId: authorityUnitId, active: true, roles: { has: 'COUNCIL_MEMBER' } },
      orderBy: { username: 'asc' },
      select: { id: true },
    });
    return members.map((m) => m.id);
  }

  /** The head and deputy of the unit's (first) cluster in a year, or null if it is in none. */
  /**
   * Whether the deciding organisation is the council of one or more clusters, and if so whether
   * the unit is a member of one of them in the year: a cluster council's forms are proposed by its
   * clusters' members only.
   */
  async clusterCouncilMembership(
    authorityUnitId: string,
    unitId: string,
    year: number,
  ): Promise<{ councilsClusters: boolean; member: boolean }> {
    const clusters = await this.prisma.cluster.findMany({
      where: { councilUnitId: authorityUnitId },
      select: { id: true },
    });
    if (clusters.length === 0) return { councilsClusters: false, member: false };
    const membership = await this.prisma.clusterMembership.findFirst({
      where: { unitId, year, clusterId: { in: clusters.map((c) => c.id) } },
      select: { id: true },
    });
    return { councilsClusters: true, member: membership !== null };
  }

  async clusterLeadersOf(
    unitId: string,
    year: number,
  ): Promise<{ role: string; unitId: string; unit: { id: string; name: string } }[] | null> {
    const membership = await this.prisma.clusterMembership.findFirst({
      where: { unitId, year },
      orderBy: { clusterId: 'asc' },
    });
    if (!membership) return null;
    const leaders = await this.prisma.clusterMembership.findMany({
      where: { clusterId: membership.clusterId, year, role: { in: ['HEAD', 'DEPUTY'] } },
      include: { unit: { select: { id: true, name: true } } },
    });
    return leaders.map((l) => ({ role: l.role, unitId: l.unitId, unit: l.unit }));
  }

  /**
   * Stores the nomination, its dossier and its submission action with the `nomination.submitted`
   * audit entry, in one transaction. The eligibility facts are read and `assertEligible` runs
   * inside it, under the audit lock and the quota lock, so two submissions cannot both take the
   * last place of a quota. Returns false when the nomination was stored before (a retried or
   * concurrent request with the same id): nothing is written then.
   */
  async submit(
    s: NominationSubmission,
    assertEligible: (facts: EligibilityFacts) => void,
  ): Promise<boolean> {
    let created = false;
    try {
      await this.audit.recordOnce(
        {
          eventKey: `nomination.submitted:${s.id}`,
          actorUserId: s.proposedById,
          action: 'nomination.submitted',
          entityType: 'Nomination',
          entityId: s.id,
          payload: {
            formCode: s.formCode,
            formVersion: s.formVersion,
            year: s.year,
            movementCode: s.movementCode,
            period: normalizeAwardPeriod(s.period),
            achievementKey: s.achievementKey,
            nomineeKind: s.nominee.kind,
            nomineeKey: s.nominee.key,
            nomineeName: s.nominee.name,
            unitId: s.nominee.unitId,
            proposerUnitId: s.proposerUnitId,
            proposalId: s.proposalId ?? null,
            cycleId: s.cycleId,
            documents: s.documents.map((d) => ({
              kind: d.kind,
              fileName: d.fileName,
              sha256: d.sha256,
            })),
          },
        },
        async (tx, at) => {
          const scope = `${s.nominee.unitId}/${s.formCode}/${s.year}`;
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(${QUOTA_LOCK}::int, hashtext(${scope}))`;
          if (await tx.nomination.findUnique({ where: { id: s.id }, select: { id: true } }))
            throw new AlreadyStored();
          assertEligible(await this.eligibilityFacts(tx, s));
          await this.create(tx, s, at);
          created = true;
        },
      );
    } catch (err) {
      if (err instanceof AlreadyStored) return false;
      // The partial unique index of "one achievement, one award" caught a race the check missed.
      if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
        throw new DomainException(DomainErrorCode.OneAchievementOneAward, {
          existing: s.formName,
        });
      }
      throw err;
    }
    return created;
  }

  /**
   * Checks the eligibility rules of a submission before anything is stored (a proposal list
   * validates every entry first). `earlier` are the list's entries before it: they count against
   * the same quota. The stored submission checks again under its locks.
   */
  async checkEligibility(
    s: NominationSubmission,
    assertEligible: (facts: EligibilityFacts) => void,
    earlier: NominationSubmission[],
  ): Promise<void> {
    const facts = await this.eligibilityFacts(this.prisma, s);
    const alsoCounted = earlier.filter(
      (e) =>
        e.countQuota &&
        e.nominee.unitId === s.nominee.unitId &&
        e.formCode === s.formCode &&
        e.year === s.year,
    ).length;
    assertEligible(
      facts.quota
        ? { ...facts, quota: { ...facts.quota, used: facts.quota.used + alsoCounted } }
        : facts,
    );
  }

  private async create(tx: PrismaTx, s: NominationSubmission, at: Date): Promise<void> {
    const { nominee } = s;
    const period = normalizeAwardPeriod(s.period);
    await tx.nomination.create({
      data: {
        id: s.id,
        workflowId: s.workflowId,
        proposalId: s.proposalId ?? null,
        awardFormId: s.awardFormId,
        formCode: s.formCode,
        level: s.level,
        authorityUnitId: s.authorityUnitId,
        cycleId: s.cycleId,
        year: period.year,
        movementCode: s.movementCode,
        movementName: s.movementName,
        periodKind: period.kind,
        periodStart: period.startYear,
        periodQuarter: period.quarter,
        nomineeKind: nominee.kind,
        nomineeUnitId: nominee.nomineeUnitId,
        nomineePersonId: nominee.nomineePersonId,
        nomineeInitiativeId: nominee.nomineeInitiativeId,
        nomineeKey: nominee.key,
        nomineeName: nominee.name,
        unitId: nominee.unitId,
        proposerUnitId: s.proposerUnitId,
        proposedById: s.proposedById,
        achievement: s.achievement,
        achievementKey: s.achievementKey,
        status: 'IN_REVIEW',
        currentStep: 0,
        currentStepKey: s.input.init.steps[0]?.key ?? null,
        chain: s.input as unknown as Prisma.InputJsonValue,
        submittedAt: at,
        documents: {
          create: s.documents.map((d) => ({ ...d, uploadedById: s.proposedById })),
        },
        actions: {
          create: {
            stepIndex: 0,
            stepKey: 'submission',
            round: 1,
            action: 'SUBMIT',
            reason: null,
            actorUserId: s.proposedById,
            actorUnitId: s.proposerUnitId,
            at,
            eventKey: `${s.workflowId}/submit`,
          },
        },
      },
    });
  }

  /** The nominee's awards, its live nominations or awards for the same achievement, and (for
   * quotas) the unit's headcount and how many of its people are already proposed. */
  private async eligibilityFacts(tx: PrismaTx, s: NominationSubmission): Promise<EligibilityFacts> {
    const { nominee } = s;
    const held = await tx.award.findMany({
      where: { recipientKey: nominee.key, revokedAt: null },
      select: {
        formCode: true,
        formName: true,
        year: true,
        periodKind: true,
        periodStart: true,
        periodQuarter: true,
      },
    });
    const live = await tx.nomination.findMany({
      where: {
        nomineeKey: nominee.key,
        achievementKey: s.achievementKey,
        status: { notIn: ['REJECTED', 'WITHDRAWN'] },
      },
      include: { awardForm: { select: { name: true } } },
    });
    const awardedSame = await tx.award.findMany({
      where: {
        recipientKey: nominee.key,
        revokedAt: null,
        source: 'DECISION',
        nominationId: { not: null },
      },
      include: { nomination: { select: { achievementKey: true } } },
    });
    const sameAchievement = [
      ...live.map((n) => ({ formName: n.awardForm.name })),
      ...awardedSame
        .filter((a) => a.nomination?.achievementKey === s.achievementKey)
        .map((a) => ({ formName: a.formName })),
    ];
    let quota: EligibilityFacts['quota'] = null;
    if (s.countQuota) {
      const unit = await tx.unit.findUniqueOrThrow({ where: { id: nominee.unitId } });
      const used = await tx.nomination.count({
        where: {
          unitId: nominee.unitId,
          formCode: s.formCode,
          year: s.year,
          nomineeKind: 'PERSON',
          status: { notIn: ['REJECTED', 'WITHDRAWN'] },
        },
      });
      quota = { headcount: unit.headcount, used };
    }
    return { held, sameAchievement, quota };
  }
}
