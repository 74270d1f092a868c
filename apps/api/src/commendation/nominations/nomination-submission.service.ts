import { createHash, randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  NOMINATION_WORKFLOW_TYPE,
  nominationWorkflowId,
  type ClockSpec,
  type NominationWorkflowInput,
} from '@epw/contracts';
import {
  NominationSubmissionRepository,
  type EligibilityFacts,
  type NominationSubmission,
  type StoredNomination,
} from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  achievementKeyOf,
  assertDossierComplete,
  checkEligibility,
  startOfVietnamDay,
} from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestValidationException } from '../../common/request-validation.exception';
import { assertIdempotencyKey } from '../../common/workflow-updates.service';
import { periodColumns, toAwardPeriodView } from '../award-period.dto';
import { AwardFormsService } from '../award-forms/award-forms.service';
import { achievementScopeOf } from './achievement-scope';
import { ApprovalChainResolver } from './approval-chain.resolver';
import { decodeDocuments } from './dossier-files';
import type { CreateNominationDto } from './dto/nomination.dto';
import type { NominationCreatedDto } from './dto/nomination-response.dto';
import { NomineeResolver } from './nominee.resolver';

/** A deterministic id for a retried create (same user, same Idempotency-Key → same nomination). */
export function nominationIdFor(userId: string, idempotencyKey: string | undefined): string {
  if (!idempotencyKey) return randomUUID();
  const h = createHash('sha256').update(`nomination/${userId}/${idempotencyKey}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** A nomination checked and resolved, ready to be stored (or checked with others first). */
export interface PreparedNomination {
  submission: NominationSubmission;
  assertEligible: (facts: EligibilityFacts) => void;
}

const createdAnswer = (id: string, n: Omit<StoredNomination, 'input'>): NominationCreatedDto => ({
  id,
  workflowId: n.workflowId,
  movementCode: n.movementCode,
  movementName: n.movementName,
  period: toAwardPeriodView(n),
});

/**
 * Submits a nomination: checks who proposes, the nominee, its movement and period (a cycle's, or
 * the request's year, quarter or phase), the dossier checklist and the rules
 * (kind, one achievement one award, quota, earlier awards, consecutive years, lower-level
 * recognition), resolves the approval chain to concrete units and council members, stores the
 * nomination with its dossier (audited as `nomination.submitted`) and starts its workflow.
 */
@Injectable()
export class NominationSubmissionService {
  constructor(
    private readonly repo: NominationSubmissionRepository,
    private readonly forms: AwardFormsService,
    private readonly nominees: NomineeResolver,
    private readonly chains: ApprovalChainResolver,
    private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async submit(
    user: AuthenticatedUser,
    dto: CreateNominationDto,
    idempotencyKey?: string,
  ): Promise<NominationCreatedDto> {
    assertIdempotencyKey(idempotencyKey);
    const id = nominationIdFor(user.userId, idempotencyKey);
    const existing = await this.findExisting(id);
    if (existing) return existing;
    const prepared = await this.prepare(user, dto, id);
    const created = await this.store(prepared);
    // A concurrent request with the same Idempotency-Key stored it first: answer as for a retry.
    if (!created) return this.submit(user, dto, idempotencyKey);
    return created;
  }

  /** A nomination stored before (a retried request): its workflow is made sure to run, and the
   * answer is the same as the first time. */
  async findExisting(id: string): Promise<NominationCreatedDto | null> {
    const existing = await this.repo.findStored(id);
    if (!existing) return null;
    await this.startWorkflow(existing.workflowId, existing.input);
    return createdAnswer(id, existing);
  }

  /**
   * Everything but the write: who proposes, the nominee (of the proposer's subtree), the form,
   * movement and period, the dossier, and the chain resolved to concrete units.
   */
  async prepare(
    user: AuthenticatedUser,
    dto: CreateNominationDto,
    id: string,
    proposalId: string | null = null,
  ): Promise<PreparedNomination> {
    const unitId = user.unitId;
    if (!unitId || !(user.roles.includes('UNIT_OFFICER') || user.roles.includes('UNIT_SIGNER'))) {
      throw new DomainException(DomainErrorCode.NotProposerUnit);
    }
    const form = await this.forms.latest(dto.formCode);
    const nominee = await this.nominees.resolve(unitId, dto);
    const cycle = dto.cycleId ? await this.repo.findCycle(dto.cycleId) : null;
    if (dto.cycleId && !cycle)
      throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId: dto.cycleId });
    const scope = achievementScopeOf(dto, cycle);
    // The period's last year: the approval chain's cluster, quotas and eligibility count by it.
    const year = scope.period.year;
    // A cluster council decides for its clusters: only their members of the year propose to it.
    const council = await this.repo.clusterCouncilMembership(form.authority.id, unitId, year);
    if (council.councilsClusters && !council.member) {
      throw new DomainException(DomainErrorCode.UnitNotMember, { unitId });
    }
    const documents = await decodeDocuments(dto.documents);
    for (const [i, d] of documents.entries()) {
      if (!form.content.dossier.some((item) => item.kind === d.kind)) {
        throw new RequestValidationException([
          {
            field: `documents[${i}].kind`,
            rule: 'isIn',
            message: `kind must be one of ${form.content.dossier.map((x) => x.kind).join(', ')}`,
          },
        ]);
      }
    }
    assertDossierComplete(
      form.content.dossier,
      documents.map((d) => d.kind),
    );
    const steps = await this.chains.resolve(form, unitId, nominee.unitId, year);
    const workflowId = nominationWorkflowId(id);
    const input: NominationWorkflowInput = {
      init: {
        nominationId: id,
        formCode: form.content.code,
        formName: form.content.name.vi,
        nomineeName: nominee.name,
        nomineeUnitId: nominee.unitId,
        proposerUnitId: unitId,
        authorityUnitId: form.authority.id,
        steps,
      },
      clock: this.clockOf(cycle, year),
      reminders: form.content.reminders,
      authorityName: form.authority.name,
    };
    return {
      submission: {
        id,
        proposalId,
        workflowId,
        awardFormId: form.id,
        formCode: form.content.code,
        formName: form.content.name.vi,
        formVersion: form.version,
        level: form.content.level,
        authorityUnitId: form.authority.id,
        cycleId: cycle?.id ?? null,
        year,
        movementCode: scope.movementCode,
        movementName: scope.movementName,
        period: scope.period,
        nominee,
        proposerUnitId: unitId,
        proposedById: user.userId,
        achievement: dto.achievement,
        achievementKey: achievementKeyOf(form.content, scope),
        countQuota: Boolean(form.content.quota) && nominee.kind === 'PERSON',
        input,
        documents,
      },
      assertEligible: (facts) =>
        checkEligibility({ form: form.content, nomineeKind: nominee.kind, year, ...facts }),
    };
  }

  /** Checks the eligibility rules of a prepared nomination without storing it; `earlier` are the
   * entries of the same proposal list before it (they count against the same quota). */
  checkEligible(p: PreparedNomination, earlier: PreparedNomination[]): Promise<void> {
    return this.repo.checkEligibility(
      p.submission,
      p.assertEligible,
      earlier.map((e) => e.submission),
    );
  }

  /** Stores a prepared nomination (audited `nomination.submitted`, eligibility checked again
   * under its locks) and starts its workflow; null when it was stored before. */
  async store(p: PreparedNomination): Promise<NominationCreatedDto | null> {
    const s = p.submission;
    const created = await this.repo.submit(s, p.assertEligible);
    if (!created) return null;
    await this.startWorkflow(s.workflowId, s.input);
    return createdAnswer(s.id, {
      workflowId: s.workflowId,
      movementCode: s.movementCode,
      movementName: s.movementName,
      ...periodColumns(s.period),
    });
  }

  private async startWorkflow(workflowId: string, input: NominationWorkflowInput): Promise<void> {
    try {
      await this.temporal.workflow.start(NOMINATION_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
      });
    } catch (err) {
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
    }
  }

  private clockOf(
    cycle: { startsOn: Date; calendarEpoch: Date; calendarScale: number } | null,
    year: number,
  ): ClockSpec {
    if (cycle) {
      return {
        periodStart: cycle.startsOn.toISOString().slice(0, 10),
        epochMs: cycle.calendarEpoch.getTime(),
        scale: cycle.calendarScale,
      };
    }
    const periodStart = `${year}-01-01`;
    return { periodStart, epochMs: startOfVietnamDay(periodStart), scale: 1 };
  }
}
