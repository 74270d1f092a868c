import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLogRepository } from '../audit/audit-log.repository';
import type { Prisma } from '../generated/prisma/client';
import type { NominationStatus } from '../generated/prisma/enums';
import { PrismaService } from '../prisma.service';
import type { DossierFile } from './nomination-submission.repository';
import { nominationsReadableWhere, type ReadScope } from './read-scope.repository';

export type NominationRecord = Prisma.NominationGetPayload<object>;

const detailInclude = {
  documents: {
    select: {
      id: true,
      kind: true,
      fileName: true,
      mediaType: true,
      size: true,
      sha256: true,
      revision: true,
      uploadedAt: true,
    },
    orderBy: [{ kind: 'asc' }, { revision: 'asc' }],
  },
  actions: { orderBy: { at: 'asc' } },
  objections: { orderBy: { filedAt: 'asc' } },
  award: { select: { id: true, serial: true, verificationCode: true, revokedAt: true } },
} satisfies Prisma.NominationInclude;

/** A nomination with its dossier (without file contents), actions, objections and award. */
export type NominationDetailRecord = Prisma.NominationGetPayload<{ include: typeof detailInclude }>;
export type DossierDocumentRecord = Prisma.DossierDocumentGetPayload<object>;

/** A nomination in its public posting period (công khai). */
export interface PostingRecord {
  nominationId: string;
  nomineeName: string;
  nomineeKind: string;
  formName: string;
  authorityName: string | null;
  achievement: string;
  postedFrom: Date | null;
  postedUntil: Date | null;
}

export interface NominationFilter {
  status?: NominationStatus;
  formCode?: string;
  year?: number;
  /** Only the nominations this unit proposed or whose achievement is its own. */
  unitScope?: string;
  /** Only the nominations the caller reads (see `nominationsReadableWhere`). */
  readableBy?: ReadScope;
}

/** The statuses of a nomination still climbing its chain. */
export const ACTIVE_NOMINATION_STATUSES = ['IN_REVIEW', 'RETURNED', 'POSTED', 'VOTING'] as const;

/** The nominations' read model (written by the workflow's activities) and the dossier files
 * a proposer adds while a nomination is returned for revision. */
@Injectable()
export class NominationRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditLogRepository,
  ) {}

  findById(id: string): Promise<NominationRecord | null> {
    return this.prisma.nomination.findUnique({ where: { id } });
  }

  findDetail(id: string): Promise<NominationDetailRecord | null> {
    return this.prisma.nomination.findUnique({ where: { id }, include: detailInclude });
  }

  /** Newest first, at most 500. */
  async list(filter: NominationFilter): Promise<NominationRecord[]> {
    const where: Prisma.NominationWhereInput = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.formCode ? { formCode: filter.formCode } : {}),
      ...(filter.year ? { year: filter.year } : {}),
    };
    if (filter.unitScope !== undefined) {
      where.OR = [{ proposerUnitId: filter.unitScope }, { unitId: filter.unitScope }];
    }
    const readable = filter.readableBy
      ? await nominationsReadableWhere(this.prisma, filter.readableBy)
      : null;
    if (readable) where.AND = [readable];
    return this.prisma.nomination.findMany({
      where,
      orderBy: { submittedAt: 'desc' },
      take: 500,
    });
  }

  /** Nominations still on their chain, the most urgent step first (at most 1000). */
  listActive(): Promise<NominationRecord[]> {
    return this.prisma.nomination.findMany({
      where: { status: { in: [...ACTIVE_NOMINATION_STATUSES] } },
      orderBy: { stepDueAt: 'asc' },
      take: 1000,
    });
  }

  /** Nominations posted publicly until after `now`, the soonest to close first. */
  async listPostings(now: Date): Promise<PostingRecord[]> {
    const rows = await this.prisma.nomination.findMany({
      where: { status: 'POSTED', postedUntil: { gt: now } },
      orderBy: { postedUntil: 'asc' },
      include: { awardForm: { select: { name: true } } },
    });
    const authorities = await this.prisma.unit.findMany({
      where: { id: { in: [...new Set(rows.map((n) => n.authorityUnitId))] } },
    });
    return rows.map((n) => ({
      nominationId: n.id,
      nomineeName: n.nomineeName,
      nomineeKind: n.nomineeKind,
      formName: n.awardForm.name,
      authorityName: authorities.find((a) => a.id === n.authorityUnitId)?.name ?? null,
      achievement: n.achievement,
      postedFrom: n.postedFrom,
      postedUntil: n.postedUntil,
    }));
  }

  findDocument(nominationId: string, documentId: string): Promise<DossierDocumentRecord | null> {
    return this.prisma.dossierDocument.findFirst({ where: { id: documentId, nominationId } });
  }

  /** Adds a revision's files to the dossier, audited as `nomination.dossier-revised`. */
  async reviseDossier(input: {
    nominationId: string;
    revision: number;
    actorUserId: string;
    documents: DossierFile[];
  }): Promise<void> {
    await this.audit.recordOnce(
      {
        eventKey: `nomination.dossier-revised:${input.nominationId}:${randomUUID()}`,
        actorUserId: input.actorUserId,
        action: 'nomination.dossier-revised',
        entityType: 'Nomination',
        entityId: input.nominationId,
        payload: {
          revision: input.revision,
          documents: input.documents.map((d) => ({
            kind: d.kind,
            fileName: d.fileName,
            size: d.size,
            sha256: d.sha256,
          })),
        },
      },
      async (tx) => {
        await tx.dossierDocument.createMany({
          data: input.documents.map((d) => ({
            ...d,
            nominationId: input.nominationId,
            revision: input.revision,
            uploadedById: input.actorUserId,
          })),
        });
      },
    );
  }
}
