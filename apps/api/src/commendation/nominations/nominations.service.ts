import { Injectable } from '@nestjs/common';
import { nominationStatusQuery } from '@epw/contracts';
import {
  NominationRepository,
  PublicObjectorRepository,
  type NominationFilter,
} from '@epw/data-access';
import { DomainErrorCode, DomainException, type NominationView } from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { WorkflowUpdatesService } from '../../common/workflow-updates.service';
import type { NominationListQueryDto } from './dto/nomination.dto';
import type {
  NominationDetailDto,
  NominationSummaryDto,
  PostingDto,
  VoteMinutesDto,
} from './dto/nomination-response.dto';
import { ReadAccessService } from '../../common/read-access.service';
import { nominationNotFound } from './nomination-access';
import {
  chainOf,
  toNominationDetailDto,
  toNominationSummaryDto,
  toPostingDto,
  toVoteMinutesDto,
} from './nomination.mapper';

/** Roles that see who filed a public objection and how to reach them. */
const OBJECTION_READERS = new Set(['ADMIN', 'REVIEWER', 'COUNCIL_MEMBER', 'AUTHORITY']);

/** Reads of nominations: lists, the approval inbox, one nomination with its live workflow state,
 * the public posting and the ballot-count minutes. */
@Injectable()
export class NominationsService {
  constructor(
    private readonly nominations: NominationRepository,
    private readonly workflows: WorkflowUpdatesService,
    private readonly access: ReadAccessService,
    private readonly publicObjectors: PublicObjectorRepository,
  ) {}

  async list(user: AuthenticatedUser, q: NominationListQueryDto): Promise<NominationSummaryDto[]> {
    const filter: NominationFilter = {
      status: q.status as NominationFilter['status'],
      formCode: q.formCode,
      year: q.year,
      readableBy: await this.access.scopeOf(user),
    };
    const rows = await this.nominations.list(filter);
    return rows.map(toNominationSummaryDto);
  }

  /** The caller's approval inbox: nominations whose current step the caller acts on, with the SLA. */
  async myApprovals(user: AuthenticatedUser): Promise<NominationSummaryDto[]> {
    const rows = await this.nominations.listActive();
    return rows
      .filter((n) => {
        if (n.status === 'RETURNED') {
          return n.proposerUnitId === user.unitId && user.roles.includes('UNIT_OFFICER');
        }
        const step = chainOf(n).init.steps[n.currentStep];
        if (!step || step.actorUnitId !== user.unitId || !user.roles.includes(step.actorRole))
          return false;
        if (step.kind === 'COUNCIL_VOTE')
          return step.councilMemberUserIds?.includes(user.userId) ?? false;
        return true;
      })
      .map(toNominationSummaryDto);
  }

  /** Public posting (công khai): who is proposed for what, until when. No login needed. */
  async postings(): Promise<PostingDto[]> {
    const rows = await this.nominations.listPostings(new Date());
    return rows.map(toPostingDto);
  }

  /** The nomination with its live workflow state (where it stands, who acts, until when). */
  async get(user: AuthenticatedUser, id: string): Promise<NominationDetailDto> {
    const n = await this.nominations.findDetail(id);
    if (!n) throw nominationNotFound(id)();
    await this.access.assertCanReadNomination(user, n);
    let live: NominationView | null = null;
    try {
      live = await this.workflows.query(
        n.workflowId,
        nominationStatusQuery,
        nominationNotFound(id),
      );
    } catch {
      live = null; // finished long ago and no longer queryable: the record below is complete
    }
    // The public's contact is for those who resolve objections, not for the nominee's unit.
    const objectors = user.roles.some((r) => OBJECTION_READERS.has(r))
      ? await this.publicObjectors.listByObjections(n.objections.map((o) => o.id))
      : [];
    return toNominationDetailDto(n, live, objectors);
  }

  async minutes(user: AuthenticatedUser, id: string): Promise<VoteMinutesDto> {
    const n = await this.nominations.findById(id);
    if (!n) throw nominationNotFound(id)();
    await this.access.assertCanReadNomination(user, n);
    if (!n.voteMinutes)
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'biên bản kiểm phiếu' });
    return toVoteMinutesDto({ ...n, voteMinutes: n.voteMinutes });
  }
}
