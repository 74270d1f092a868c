import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowIdReusePolicy } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError, type UpdateDefinition } from '@temporalio/common';
import { APP_CONFIG, type AppConfig } from '@epw/config';
import {
  PLEDGE_SIGNING_WORKFLOW_TYPE,
  amendPledgeUpdate,
  countersignPledgeUpdate,
  declinePledgeUpdate,
  extendDeadlineUpdate,
  pledgeSigningWorkflowId,
  signPledgeUpdate,
  signingStatusQuery,
  type PledgeSigningInput,
} from '@epw/contracts';
import {
  AuditLogRepository,
  CycleRepository,
  SigningRoundRepository,
  pledgeContentHash,
} from '@epw/data-access';
import {
  CycleClock,
  DEFAULT_RULE_SET,
  DomainErrorCode,
  DomainException,
  SigningRoundState,
  UNIT_SIGNER_ROLE,
  isCalendarDate,
  type SigningStatusView,
} from '@epw/domain';
import { actorOf, type AuthenticatedUser } from '../auth/authenticated-user';
import { RequestValidationException } from '../common/request-validation.exception';
import { ClusterAccessService } from '../common/cluster-access.service';
import { roundClosed } from '../common/temporal-errors';
import { WorkflowUpdatesService } from '../common/workflow-updates.service';
import { CyclesService } from '../cycles/cycles.service';
import type {
  AmendPledgeDto,
  AuditEntryDto,
  CountersignPledgeDto,
  DeclinePledgeDto,
  ExtendDeadlineDto,
  OpenSigningRoundDto,
  SignPledgeDto,
  SignatureDto,
} from './dto/signing-round.dto';
import { readableRound } from './readable-round';
import { SigningRoundDocumentsService } from './signing-round-documents.service';
import { toAuditEntryDto, toSignatureDto } from './signing-round.mapper';

@Injectable()
export class SigningRoundsService {
  constructor(
    private readonly temporal: Client,
    private readonly cyclesService: CyclesService,
    private readonly cycles: CycleRepository,
    private readonly rounds: SigningRoundRepository,
    private readonly audit: AuditLogRepository,
    private readonly workflows: WorkflowUpdatesService,
    private readonly access: ClusterAccessService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly documents: SigningRoundDocumentsService,
  ) {}

  /** The cluster head opens the round: starts the workflow whose id is the round's business key. */
  async open(
    user: AuthenticatedUser,
    cycleId: string,
    dto: OpenSigningRoundDto,
    now: number,
  ): Promise<SigningStatusView> {
    const cycle = await this.cyclesService.getOrFail(cycleId);
    const year = cycle.startsOn.getUTCFullYear();
    const members = await this.cycles.membersForYear(cycle.clusterId, year);
    if (members.length === 0) throw new DomainException(DomainErrorCode.NoMembers);
    const head = members.find((m) => m.role === 'HEAD');
    if (!head || user.unitId !== head.unitId || !user.roles.includes(UNIT_SIGNER_ROLE)) {
      throw new DomainException(DomainErrorCode.NotClusterHead);
    }
    const deadlineAt = deadlineOnCycleClock(cycle, dto.deadline);
    if (deadlineAt <= now) throw new DomainException(DomainErrorCode.DeadlineInPast);

    const draft = cycle.pledge?.versions.find((v) => v.version === 0);
    const items = (dto.items ?? draft?.items.map((i) => i.text) ?? []).map((t) => t.trim());
    if (items.length === 0) {
      throw new RequestValidationException([
        {
          field: 'items',
          rule: 'arrayMinSize',
          message: 'the cycle has no draft pledge: give items',
        },
      ]);
    }
    const roundId = pledgeSigningWorkflowId(
      cycle.cluster.code,
      cycle.movementCode,
      cycle.periodLabel,
    );
    const input: PledgeSigningInput = {
      roundId,
      cycleId: cycle.id,
      clusterCode: cycle.cluster.code,
      headUnitId: head.unitId,
      members: members.map((m) => ({
        unitId: m.unitId,
        unitCode: m.unit.code,
        unitName: m.unit.name,
      })),
      pledge: { version: 1, items, contentHash: pledgeContentHash(items) },
      deadlineAt: new Date(deadlineAt).toISOString(),
      openedBy: user.userId,
      reminders: {
        title: `Ký kết giao ước thi đua ${cycle.periodLabel} – ${cycle.cluster.name}`,
        clock: {
          periodStart: cycle.startsOn.toISOString().slice(0, 10),
          epochMs: cycle.calendarEpoch.getTime(),
          scale: cycle.calendarScale,
        },
        offsetsWorkingDays:
          (cycle.rules as { reminders?: { offsetsWorkingDays: number[] } } | null)?.reminders
            ?.offsetsWorkingDays ?? DEFAULT_RULE_SET.reminders.offsetsWorkingDays,
      },
    };
    try {
      await this.temporal.workflow.start(PLEDGE_SIGNING_WORKFLOW_TYPE, {
        workflowId: roundId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        throw new DomainException(DomainErrorCode.RoundAlreadyOpen, { roundId });
      }
      throw err;
    }
    return new SigningRoundState(input).view();
  }

  async status(user: AuthenticatedUser, roundId: string): Promise<SigningStatusView> {
    await this.assertCanRead(user, roundId);
    return this.workflows.query(roundId, signingStatusQuery, notFound(roundId));
  }

  async signatures(
    user: AuthenticatedUser,
    roundId: string,
    includeInvalidated: boolean,
  ): Promise<SignatureDto[]> {
    await this.assertCanRead(user, roundId);
    return (await this.rounds.listSignatures(roundId, includeInvalidated)).map(toSignatureDto);
  }

  async auditTrail(user: AuthenticatedUser, roundId: string): Promise<AuditEntryDto[]> {
    await this.assertCanRead(user, roundId);
    return (await this.audit.listForEntity('SigningRound', roundId)).map(toAuditEntryDto);
  }

  sign(user: AuthenticatedUser, roundId: string, dto: SignPledgeDto, key?: string) {
    const cmd = { actor: actorOf(user), unitId: dto.unitId, version: dto.version };
    return this.send(roundId, signPledgeUpdate, cmd, 'sign', user, key);
  }

  decline(user: AuthenticatedUser, roundId: string, dto: DeclinePledgeDto, key?: string) {
    const cmd = {
      actor: actorOf(user),
      unitId: dto.unitId,
      version: dto.version,
      reason: dto.reason,
    };
    return this.send(roundId, declinePledgeUpdate, cmd, 'decline', user, key);
  }

  amend(user: AuthenticatedUser, roundId: string, dto: AmendPledgeDto, key?: string) {
    const items = dto.items.map((t) => t.trim());
    const cmd = {
      actor: actorOf(user),
      baseVersion: dto.baseVersion,
      items,
      contentHash: pledgeContentHash(items),
      reason: dto.reason,
    };
    return this.send(roundId, amendPledgeUpdate, cmd, 'amend', user, key);
  }

  /** The head moves the deadline later; the workflow re-arms its timer and moves the reminders. */
  async extendDeadline(
    user: AuthenticatedUser,
    roundId: string,
    dto: ExtendDeadlineDto,
    key?: string,
  ) {
    const round = await this.rounds.findById(roundId);
    if (!round) throw new DomainException(DomainErrorCode.RoundNotFound, { roundId });
    const deadlineAt = deadlineOnCycleClock(round.cycle, dto.deadline);
    const cmd = {
      actor: actorOf(user),
      deadlineAt: new Date(deadlineAt).toISOString(),
      reason: dto.reason,
    };
    return this.send(roundId, extendDeadlineUpdate, cmd, 'extend', user, key);
  }

  countersign(user: AuthenticatedUser, roundId: string, dto: CountersignPledgeDto, key?: string) {
    const cmd = { actor: actorOf(user), version: dto.version };
    return this.send(roundId, countersignPledgeUpdate, cmd, 'countersign', user, key);
  }

  /** Sends an update to the round's workflow: refused as closed once it has ended. */
  private send<Ret, Arg>(
    roundId: string,
    update: UpdateDefinition<Ret, [Arg]>,
    cmd: Arg,
    action: string,
    user: AuthenticatedUser,
    idempotencyKey: string | undefined,
  ): Promise<Ret> {
    return this.workflows.execute(roundId, update, cmd, {
      action,
      user,
      idempotencyKey,
      closed: roundClosed,
      notFound: notFound(roundId),
    });
  }

  /** The conference package (PDF, sealed): read as the round's other reads. */
  async packagePdf(user: AuthenticatedUser, roundId: string): Promise<Buffer> {
    return this.documents.packagePdf(await this.assertCanRead(user, roundId));
  }

  /** The signed copy (PDF, sealed) once the round is effective or overdue. */
  async signedCopyPdf(user: AuthenticatedUser, roundId: string): Promise<Buffer> {
    return this.documents.signedCopyPdf(await this.assertCanRead(user, roundId));
  }

  /** Whoever reads the round's cluster that year (ClusterAccessService) may read it. */
  private assertCanRead(user: AuthenticatedUser, roundId: string) {
    return readableRound(this.rounds, this.access, user, roundId);
  }
}

/** A deadline date must be real and inside the cycle; it ends at 23:59:59.999 (Vietnam) of that day
 * on the cycle's clock, accelerated or not. */
function deadlineOnCycleClock(
  cycle: { startsOn: Date; endsOn: Date; calendarEpoch: Date; calendarScale: number },
  date: string,
): number {
  if (!isCalendarDate(date)) {
    throw new RequestValidationException([
      {
        field: 'deadline',
        rule: 'isCalendarDate',
        message: 'deadline is not a real calendar date',
      },
    ]);
  }
  const from = cycle.startsOn.toISOString().slice(0, 10);
  const to = cycle.endsOn.toISOString().slice(0, 10);
  if (date < from || date > to) {
    throw new DomainException(DomainErrorCode.DeadlineOutsidePeriod, { from, to });
  }
  return new CycleClock(from, cycle.calendarEpoch.getTime(), cycle.calendarScale).deadlineOf(date);
}

const notFound = (roundId: string) => () =>
  new DomainException(DomainErrorCode.RoundNotFound, { roundId });
