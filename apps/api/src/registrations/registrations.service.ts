import { Injectable } from '@nestjs/common';
import {
  complianceQuery,
  decideLateRegistrationUpdate,
  requestLateRegistrationUpdate,
  submitRegistrationUpdate,
} from '@epw/contracts';
import { CycleRecordsRepository } from '@epw/data-access';
import type { ComplianceView } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { phaseClosed, WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CycleContextService, actorOf } from '../cycle-runs/cycle-context.service';
import type {
  LateDecisionDto,
  LateRegistrationDto,
  RegistrationRecordDto,
  SubmitRegistrationDto,
} from './dto/registration.dto';

const PHASE = 'REGISTRATION';

@Injectable()
export class RegistrationsService {
  constructor(
    private readonly context: CycleContextService,
    private readonly workflows: WorkflowUpdatesService,
    private readonly records: CycleRecordsRepository,
  ) {}

  async submit(
    user: AuthenticatedUser,
    cycleId: string,
    dto: SubmitRegistrationDto,
    key?: string,
  ): Promise<ComplianceView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      actor: actorOf(user),
      unitId: dto.unitId,
      content: { titles: dto.titles, initiatives: dto.initiatives },
    };
    return this.workflows.execute(
      ctx.workflowIds.registration,
      submitRegistrationUpdate,
      cmd,
      this.opts('register', user, key),
    );
  }

  async requestLate(
    user: AuthenticatedUser,
    cycleId: string,
    dto: LateRegistrationDto,
    key?: string,
  ): Promise<ComplianceView> {
    const ctx = await this.context.get(cycleId);
    const cmd = {
      actor: actorOf(user),
      unitId: dto.unitId,
      reason: dto.reason,
      content: { titles: dto.titles, initiatives: dto.initiatives },
    };
    return this.workflows.execute(
      ctx.workflowIds.registration,
      requestLateRegistrationUpdate,
      cmd,
      this.opts('late-request', user, key),
    );
  }

  async decideLate(
    user: AuthenticatedUser,
    cycleId: string,
    unitId: string,
    dto: LateDecisionDto,
    key?: string,
  ): Promise<ComplianceView> {
    const ctx = await this.context.get(cycleId);
    const cmd = { actor: actorOf(user), unitId, approve: dto.approve, note: dto.note };
    return this.workflows.execute(
      ctx.workflowIds.registration,
      decideLateRegistrationUpdate,
      cmd,
      this.opts('late-decision', user, key),
    );
  }

  /** The head's compliance board, live from the registration workflow. */
  async compliance(user: AuthenticatedUser, cycleId: string): Promise<ComplianceView> {
    const ctx = await this.context.readable(user, cycleId);
    return this.workflows.query(ctx.workflowIds.registration, complianceQuery, phaseClosed(PHASE));
  }

  /** Registrations with their models, solutions and works, from PostgreSQL. */
  async list(user: AuthenticatedUser, cycleId: string): Promise<RegistrationRecordDto[]> {
    await this.context.readable(user, cycleId);
    const rows = await this.records.registrationsOf(cycleId);
    return rows.map((r) => ({
      unitId: r.unitId,
      unitCode: r.unit.code,
      unitName: r.unit.name,
      status: r.status,
      late: r.late,
      lateReason: r.lateReason,
      titles: r.titles,
      revision: r.revision,
      submittedAt: r.submittedAt.toISOString(),
      decidedAt: r.decidedAt?.toISOString() ?? null,
      decisionNote: r.decisionNote,
      initiatives: r.initiatives.map((i) => ({
        id: i.id,
        kind: i.kind,
        field: i.field,
        isNew: i.isNew,
        ownerType: i.ownerType,
        ownerName: i.ownerName,
        title: i.title,
        description: i.description,
        attachments: i.attachments,
      })),
    }));
  }

  private opts(action: string, user: AuthenticatedUser, idempotencyKey: string | undefined) {
    return {
      action,
      user,
      idempotencyKey,
      closed: phaseClosed(PHASE),
      notFound: phaseClosed(PHASE),
    };
  }
}
