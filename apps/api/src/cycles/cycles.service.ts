import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  CycleRepository,
  isUniqueViolation,
  pledgeContentHash,
  type CycleWithDetails,
} from '@epw/data-access';
import { DomainErrorCode, DomainException, isCalendarDate, startOfVietnamDay } from '@epw/domain';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import { ReadAccessService } from '../common/read-access.service';
import { RequestValidationException } from '../common/request-validation.exception';
import type { CreateCycleDto, CyclePageDto, ListCyclesQueryDto } from './dto/cycle.dto';
import { toCycleDto } from './cycle.mapper';

@Injectable()
export class CyclesService {
  constructor(
    private readonly cycles: CycleRepository,
    private readonly access: ReadAccessService,
  ) {}

  /** The cycles of the clusters the caller's organisation (or one beneath it) is a member of in
   * the cycle's year; every cycle for the global administrator. */
  async list(user: AuthenticatedUser, query: ListCyclesQueryDto): Promise<CyclePageDto> {
    const [rows, total] = await this.cycles.list(
      { ...query, clusterYears: await this.access.clusterYearsOf(user) },
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return { items: rows.map(toCycleDto), total, page: query.page, pageSize: query.pageSize };
  }

  /** The cycle, if the caller reads its cluster's records that year. */
  async readable(user: AuthenticatedUser, id: string): Promise<CycleWithDetails> {
    const cycle = await this.getOrFail(id);
    await this.access.assertCanReadCluster(user, cycle.clusterId, cycle.startsOn.getUTCFullYear());
    return cycle;
  }

  async getOrFail(id: string): Promise<CycleWithDetails> {
    const cycle = await this.cycles.findById(id);
    if (!cycle) throw new DomainException(DomainErrorCode.CycleNotFound, { cycleId: id });
    return cycle;
  }

  /** Creates the cycle with its pledge draft, audited as `cycle.created` under the administrator. */
  async create(
    user: AuthenticatedUser,
    dto: CreateCycleDto,
    now: number,
  ): Promise<CycleWithDetails> {
    for (const field of ['startsOn', 'endsOn'] as const) {
      if (!isCalendarDate(dto[field])) {
        throw new RequestValidationException([
          { field, rule: 'isCalendarDate', message: `${field} is not a real calendar date` },
        ]);
      }
    }
    if (dto.endsOn < dto.startsOn) {
      throw new RequestValidationException([
        {
          field: 'endsOn',
          rule: 'notBeforeStartsOn',
          message: 'endsOn must not be before startsOn',
        },
      ]);
    }
    const kindOk =
      (dto.periodKind === 'YEAR' && /^\d{4}$/.test(dto.periodLabel)) ||
      (dto.periodKind === 'QUARTER' && /^\d{4}-Q[1-4]$/.test(dto.periodLabel)) ||
      (dto.periodKind === 'PHASE' && /^\d{4}-\d{4}$/.test(dto.periodLabel));
    if (!kindOk) {
      throw new RequestValidationException([
        {
          field: 'periodLabel',
          rule: 'matchesPeriodKind',
          message: `periodLabel does not fit periodKind ${dto.periodKind}`,
        },
      ]);
    }
    // An unknown cluster is a 404, not a foreign-key failure.
    if (!(await this.cycles.clusterExists(dto.clusterId)))
      throw new DomainException(DomainErrorCode.NotFound, { entity: 'cụm thi đua' });
    const items = dto.pledge.items.map((t) => t.trim());
    const id = randomUUID();
    await this.recordCreated(user.userId, {
      id,
      clusterId: dto.clusterId,
      movementCode: dto.movementCode,
      movementName: dto.movementName,
      periodKind: dto.periodKind,
      periodLabel: dto.periodLabel,
      startsOn: new Date(`${dto.startsOn}T00:00:00Z`),
      endsOn: new Date(`${dto.endsOn}T00:00:00Z`),
      calendarScale: dto.calendarScale,
      // An accelerated calendar starts now; the real one at the first day of the period.
      calendarEpoch: new Date(dto.calendarScale > 1 ? now : startOfVietnamDay(dto.startsOn)),
      pledge: {
        title: dto.pledge.title,
        documents: dto.pledge.documents,
        items,
        contentHash: pledgeContentHash(items),
      },
    });
    return this.getOrFail(id);
  }

  /** A cluster runs a movement once per period: the taken key is named (periodLabel), so the form
   * can point at the field instead of a bare "already exists". */
  private async recordCreated(
    ...args: Parameters<CycleRepository['recordCreated']>
  ): Promise<void> {
    const [, cycle] = args;
    try {
      await this.cycles.recordCreated(...args);
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
      throw new DomainException(DomainErrorCode.Conflict, {
        target: 'periodLabel',
        field: 'periodLabel',
        value: `${cycle.movementCode} ${cycle.periodLabel}`,
      });
    }
  }
}
