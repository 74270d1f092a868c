import { Injectable } from '@nestjs/common';
import {
  complianceQuery,
  decideLateRegistrationUpdate,
  requestLateRegistrationUpdate,
  submitRegistrationUpdate,
} from '@epw/contracts';
import { CycleRecordsRepository } from '@epw/data-access';
import type { ComplianceView } from '@epw/domain';
import type { UpdateDefinition } from '@temporalio/common';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { phaseClosed, WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CycleContextService, actorOf } from '../cycle-runs/cycle-context.service';
import type {
  ComplianceDto,
  LateDecisionDto,
  LateRegistrationDto,
  RegistrationRecordDto,
  SubmitRegistrationDto,
} from './dto/registration.dto';

const PHASE = 'REGISTRATION';
/** The pledge's target: every member registers (the cycle workflow starts registration with it). */
const REGISTRATION_TARGET_PERCENT = 100;

/** What a unit registers: its titles and its models, solutions and works. */
const contentOf = (dto: SubmitRegistrationDto) => ({
  titles: dto.titles,
  initiatives: dto.initiatives,
});

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
    const cmd = { actor: actorOf(user), unitId: dto.unitId, content: contentOf(dto) };
    return this.send(cycleId, submitRegistrationUpdate, cmd, this.opts('register', user, key));
  }

  async requestLate(
    user: AuthenticatedUser,
    cycleId: string,
    dto: LateRegistrationDto,
    key?: string,
  ): Promise<ComplianceView> {
    const cmd = {
      actor: actorOf(user),
      unitId: dto.unitId,
      reason: dto.reason,
      content: contentOf(dto),
    };
    return this.send(
      cycleId,
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
    const cmd = { actor: actorOf(user), unitId, approve: dto.approve, note: dto.note };
    return this.send(
      cycleId,
      decideLateRegistrationUpdate,
      cmd,
      this.opts('late-decision', user, key),
    );
  }

  /** Sends an update to the cycle's registration workflow; answers the board after it. */
  private async send<Arg>(
    cycleId: string,
    update: UpdateDefinition<ComplianceView, [Arg]>,
    cmd: Arg,
    opts: ReturnType<RegistrationsService['opts']>,
  ): Promise<ComplianceView> {
    const ctx = await this.context.get(cycleId);
    return this.workflows.execute(ctx.workflowIds.registration, update, cmd, opts);
  }

  /** The head's compliance board, live from the registration workflow; before it starts, every
   * member not registered yet against the calendar's deadline. */
  async compliance(user: AuthenticatedUser, cycleId: string): Promise<ComplianceDto> {
    const ctx = await this.context.readable(user, cycleId);
    const view = await this.workflows.queryIfStarted(ctx.workflowIds.registration, complianceQuery);
    if (view) return { ...view, opened: true };
    const step = await this.context.notOpened(ctx, PHASE);
    return {
      cycleId,
      opened: false,
      deadlineAt: step.deadlineAt,
      closed: false,
      memberCount: step.members.length,
      registeredCount: 0,
      registeredPercent: 0,
      targetPercent: REGISTRATION_TARGET_PERCENT,
      targetMet: false,
      pendingLate: [],
      missingAtDeadline: [],
      units: step.members.map((m) => ({
        ...m,
        status: 'NOT_REGISTERED',
        late: false,
        revision: 0,
        at: null,
        initiativeCount: 0,
      })),
    };
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
