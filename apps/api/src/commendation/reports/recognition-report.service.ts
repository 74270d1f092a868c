import { Injectable } from '@nestjs/common';
import {
  RecognitionReportRepository,
  type RecognitionFilter,
  type ReportOrganisation,
} from '@epw/data-access';
import {
  DomainErrorCode,
  DomainException,
  awardPeriodViolation,
  normalizeAwardPeriod,
  organisationRecognitions,
  isGlobalAdmin,
  isWithin,
  recognitionBreakdown,
} from '@epw/domain';
import type { AuthenticatedUser } from '../../auth/authenticated-user';
import { RequestValidationException } from '../../common/request-validation.exception';
import { toAwardPeriodView } from '../award-period.dto';
import type {
  RecognitionReportDto,
  RecognitionReportQueryDto,
  ReportOrganisationDto,
} from './dto/recognition-report.dto';

/** Whose awards a report counts: decided in `organisation`'s subtree (null: anywhere), and when
 * `addressedTo` is set, only those for a unit of that subtree. */
interface ReportScope {
  organisation: ReportOrganisation | null;
  addressedTo: ReportOrganisation | null;
}

/**
 * Statistics of awards and recognitions (thống kê khen thưởng) of one organisation's subtree: by
 * year, level, collective, individual or model, field and movement, with totals per direct child
 * organisation (a parent's totals are its children's plus its own decisions), for the reports
 * page and its exports.
 */
@Injectable()
export class RecognitionReportService {
  constructor(private readonly reports: RecognitionReportRepository) {}

  async report(
    user: AuthenticatedUser,
    q: RecognitionReportQueryDto,
  ): Promise<RecognitionReportDto> {
    const { from, to, period } = periodOf(q);
    const scope = await this.scopeOf(user, q.organisationId);
    const org = scope.organisation;
    const filter: RecognitionFilter = {
      from,
      to,
      period: period ?? undefined,
      level: q.level,
      recipientKind: q.recipientKind,
      movementCode: q.movementCode,
      decidedWithin: org ?? undefined,
      addressedWithin: scope.addressedTo ?? undefined,
    };
    // An organisation's report lists every direct child (those that recognized nothing too); the
    // report of every organisation lists the top-level ones that recognized something.
    const [facts, children] = await Promise.all([
      this.reports.facts(filter),
      org ? this.reports.childrenOf(org.id) : [],
    ]);
    const b = recognitionBreakdown(facts);
    const split = organisationRecognitions(
      facts,
      org?.path ?? null,
      children.map((c) => c.id),
    );
    const met = split.children.map((c) => c.id).filter((id) => !children.some((c) => c.id === id));
    const childById = new Map(
      [...children, ...(await this.reports.organisationsByIds(met))].map((c) => [c.id, c]),
    );
    const ordered = org
      ? split.children
      : [...split.children].sort((x, y) =>
          (childById.get(x.id)?.code ?? '').localeCompare(childById.get(y.id)?.code ?? ''),
        );
    const byLevel: Record<string, number> = {};
    for (const l of b.levels) if (l.key) byLevel[l.key] = l.count;
    return {
      organisation: org ? toOrganisationDto(org) : null,
      addressedTo: scope.addressedTo ? toOrganisationDto(scope.addressedTo) : null,
      filters: {
        movementCode: q.movementCode ?? null,
        period: period
          ? toAwardPeriodView({
              year: period.year,
              periodKind: period.kind,
              periodQuarter: period.quarter,
              periodStart: period.startYear,
            })
          : null,
        level: q.level ?? null,
        recipientKind: q.recipientKind ?? null,
      },
      totals: split.totals,
      own: split.own,
      children: ordered.map((c) => ({
        organisationId: c.id,
        code: childById.get(c.id)?.code ?? '',
        name: childById.get(c.id)?.name ?? '',
        totals: c.totals,
      })),
      year: q.year ?? null,
      yearFrom: from,
      yearTo: to,
      total: b.total,
      byLevel,
      rows: b.forms,
      byYear: b.byYear,
      levels: b.levels,
      kinds: b.kinds,
      recipientKinds: b.recipientKinds,
      fields: b.fields,
      movements: b.movements,
    };
  }

  /**
   * The organisation asked for (default: the caller's own; every organisation for the global
   * administrator), if the caller may read it: the administrator any, others their own subtree, or
   * an organisation that decided an award for their subtree (then only those awards count).
   */
  private async scopeOf(user: AuthenticatedUser, organisationId?: string): Promise<ReportScope> {
    // Only the global administrator reads every organisation's report (ReadAccessService's rule).
    const overseer = isGlobalAdmin(user);
    const id = organisationId ?? (overseer ? null : user.unitId);
    if (id === null) {
      if (overseer) return { organisation: null, addressedTo: null };
      throw new DomainException(DomainErrorCode.ReportOutsideScope, {});
    }
    const organisation = await this.reports.findOrganisation(id);
    if (!organisation) throw new DomainException(DomainErrorCode.NotFound, { entity: 'tổ chức' });
    if (overseer) return { organisation, addressedTo: null };
    const own = user.unitId ? await this.reports.findOrganisation(user.unitId) : null;
    if (own && isWithin(organisation.path, own.path)) return { organisation, addressedTo: null };
    if (own && (await this.reports.decidedFor(organisation, own)))
      return { organisation, addressedTo: own };
    throw new DomainException(DomainErrorCode.ReportOutsideScope, {
      organisation: organisation.name,
    });
  }
}

function toOrganisationDto(o: ReportOrganisation): ReportOrganisationDto {
  return { id: o.id, code: o.code, name: o.name, level: o.level };
}

interface ReportPeriod {
  from: number | null;
  to: number | null;
  period: NonNullable<RecognitionFilter['period']> | null;
}

/** The years asked for, or one exact period (periodKind with year, quarter or startYear). */
function periodOf(q: RecognitionReportQueryDto): ReportPeriod {
  const invalid = (field: string, rule: string, message: string) =>
    new RequestValidationException([{ field, rule, message }]);
  if (!q.periodKind) {
    if (q.quarter !== undefined)
      throw invalid('quarter', 'requiresPeriodKind', 'quarter needs periodKind QUARTER');
    if (q.startYear !== undefined)
      throw invalid('startYear', 'requiresPeriodKind', 'startYear needs periodKind PHASE');
    const from = q.yearFrom ?? q.year ?? null;
    const to = q.yearTo ?? q.year ?? null;
    if (from !== null && to !== null && to < from)
      throw invalid('yearTo', 'notBeforeYearFrom', 'yearTo must not be before yearFrom');
    return { from, to, period: null };
  }
  if (q.yearFrom !== undefined || q.yearTo !== undefined)
    throw invalid(
      q.yearFrom !== undefined ? 'yearFrom' : 'yearTo',
      'notWithPeriodKind',
      'a period (periodKind) is given by year, quarter and startYear, not by a range of years',
    );
  if (q.year === undefined)
    throw invalid(
      'year',
      'requiredWithPeriodKind',
      "periodKind needs year (the period's last year)",
    );
  const p = { kind: q.periodKind, year: q.year, quarter: q.quarter, startYear: q.startYear };
  const violation = awardPeriodViolation(p);
  if (violation)
    throw invalid(violation.field.replace('period.', ''), violation.rule, violation.message);
  const n = normalizeAwardPeriod(p);
  return {
    from: n.year,
    to: n.year,
    period: {
      kind: n.kind,
      year: n.year,
      quarter: n.quarter ?? null,
      startYear: n.startYear ?? null,
    },
  };
}
