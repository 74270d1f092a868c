import { Injectable } from '@nestjs/common';
import {
  AuditLogRepository,
  CycleRepository,
  DocumentSourcesRepository,
  SignedCopyRepository,
  SigningRoundRepository,
} from '@epw/data-access';
import {
  type CompletionCertificate,
  type CompletionUnit,
  type PledgeMemberRole,
  type PledgePackageData,
  renderPledgePackagePdf,
  renderSignedPledgePdf,
} from '@epw/documents';
import {
  DomainErrorCode,
  DomainException,
  type RuleSetContent,
  resolveDocumentIssuer,
  toVietnamDate,
} from '@epw/domain';
import { DocumentSealService } from '../document-seal/document-seal.service';
import { CyclesService } from '../cycles/cycles.service';

type Round = NonNullable<Awaited<ReturnType<SigningRoundRepository['findById']>>>;
type Cycle = Awaited<ReturnType<CyclesService['getOrFail']>>;

const iso = (d: Date) => d.toISOString();

/** The rules (quy chế) in short, from the rule set frozen into the cycle. */
function ruleLines(rules: RuleSetContent | null): string[] {
  if (!rules) return ['Theo quy chế tổ chức và hoạt động thi đua của Cụm.'];
  const criteria = rules.criteria.map((c) => `${c.title} (tối đa ${c.maxPoints} điểm)`).join('; ');
  const self = Math.round(rules.scoring.selfWeight * 100);
  const peer = Math.round(rules.scoring.peerWeight * 100);
  return [
    `Tiêu chí chấm điểm: ${criteria}.`,
    `Điểm tổng hợp: tự chấm ${self}%, chấm chéo ${peer}% (${rules.scoring.aggregation === 'TRIMMED_MEAN' ? 'trung bình sau khi bỏ điểm cao nhất, thấp nhất' : 'trung bình'}).`,
    `Bình xét: đạt từ ${rules.vote.thresholdPercent}% tổng số đơn vị thành viên trở lên; suy tôn ${rules.vote.acclaimCount} đơn vị dẫn đầu.`,
  ];
}

/**
 * The round as documents: the conference package (what the members are asked to sign) and the
 * signed copy (the pledge as it took effect, or stood at the deadline, with its completion
 * certificate), both sealed with the deployment's document certificate.
 */
@Injectable()
export class SigningRoundDocumentsService {
  constructor(
    private readonly cyclesService: CyclesService,
    private readonly cycles: CycleRepository,
    private readonly rounds: SigningRoundRepository,
    private readonly audit: AuditLogRepository,
    private readonly sources: DocumentSourcesRepository,
    private readonly seal: DocumentSealService,
    private readonly signedCopies: SignedCopyRepository,
  ) {}

  async packagePdf(round: Round): Promise<Buffer> {
    const cycle = await this.cyclesService.getOrFail(round.cycleId);
    const { data } = await this.packageData(round, cycle, cycle.pledge?.currentVersion ?? 1);
    return this.seal.sealed(
      { reason: `Hồ sơ ký kết giao ước thi đua – ${cycle.cluster.name}`, location: data.place },
      (seal) => renderPledgePackagePdf(data, { seal }),
    );
  }

  /** The newest revision once members added personal signatures; else the copy sealed now. */
  async signedCopyPdf(round: Round): Promise<Buffer> {
    const stored = await this.signedCopies.latestPdf(round.id);
    return stored?.pdf ?? this.sealedSignedCopyPdf(round);
  }

  /** The signed copy rendered and sealed with the deployment's certificate. */
  async sealedSignedCopyPdf(round: Round): Promise<Buffer> {
    if (round.status !== 'EFFECTIVE' && !round.overdueAt) {
      throw new DomainException(DomainErrorCode.SignedCopyNotReady, { roundId: round.id });
    }
    const cycle = await this.cyclesService.getOrFail(round.cycleId);
    const version = round.effectiveVersion ?? cycle.pledge?.currentVersion ?? 1;
    const { data, members } = await this.packageData(round, cycle, version);
    const completion = await this.completion(round, cycle, members);
    return this.seal.sealed(
      { reason: `Bản ký kết giao ước thi đua – ${cycle.cluster.name}`, location: data.place },
      (seal) => renderSignedPledgePdf({ ...data, completion }, { seal }),
    );
  }

  /** Where the round's documents are signed (the issuer's place: "TP. Hồ Chí Minh"). */
  async place(round: Round): Promise<string> {
    const cycle = await this.cyclesService.getOrFail(round.cycleId);
    return (await this.packageData(round, cycle, 1)).data.place;
  }

  private async packageData(round: Round, cycle: Cycle, version: number) {
    const year = cycle.startsOn.getUTCFullYear();
    const members = await this.cycles.membersForYear(cycle.clusterId, year);
    const head = members.find((m) => m.role === 'HEAD');
    const issuer = resolveDocumentIssuer(
      (await this.sources.issuer(head?.unitId ?? null)) ?? {
        code: '',
        name: cycle.cluster.name,
        orgKind: null,
        parentName: null,
        documentProfile: null,
      },
    );
    const pledgeVersion =
      cycle.pledge?.versions.find((v) => v.version === version) ?? cycle.pledge?.versions.at(-1);
    const date = toVietnamDate((round.countersignedAt ?? round.openedAt).getTime());
    const data: PledgePackageData = {
      heading: {
        style: issuer.style,
        superiorName: cycle.cluster.organizer ?? '',
        issuerName: cycle.cluster.name.split(' – ')[0],
      },
      place: issuer.place,
      date,
      clusterName: cycle.cluster.name,
      // Movement names are stored as said: "Phong trào thi đua "Dân vận khéo"" or just its name.
      periodLine: /^phong trào/i.test(cycle.movementName)
        ? `${cycle.periodLabel} – ${cycle.movementName}`
        : `${cycle.periodLabel} – phong trào thi đua “${cycle.movementName}”`,
      documents: cycle.pledge?.documents ?? [],
      rules: ruleLines(cycle.rules as RuleSetContent | null),
      version: pledgeVersion?.version ?? version,
      contentHash: pledgeVersion?.contentHash ?? '',
      items: pledgeVersion?.items.map((i) => i.text) ?? [],
      members: members.map((m) => ({ name: m.unit.name, role: m.role as PledgeMemberRole })),
    };
    return {
      data,
      members: members.map((m) => ({
        unitId: m.unitId,
        name: m.unit.name,
        role: m.role as PledgeMemberRole,
      })),
    };
  }

  private async completion(
    round: Round,
    cycle: Cycle,
    members: { unitId: string; name: string; role: PledgeMemberRole }[],
  ): Promise<CompletionCertificate> {
    const [signatures, events] = await Promise.all([
      this.rounds.listSignatures(round.id, true),
      this.audit.listForEntity('SigningRound', round.id),
    ]);
    const actorIds = [
      ...new Set(
        [...signatures.map((s) => s.actorUserId), ...events.map((e) => e.actorUserId)].filter(
          (id): id is string => !!id,
        ),
      ),
    ];
    const actors = new Map((await this.rounds.actorsOf(actorIds)).map((a) => [a.id, a]));
    const hashOf = new Map(events.map((e) => [e.eventKey, e.hash]));
    const units: CompletionUnit[] = members.map((m) => {
      const own = signatures.filter((s) => s.unitId === m.unitId);
      const current = own.find((s) => s.invalidatedAt === null);
      const signer = current ? actors.get(current.actorUserId) : undefined;
      return {
        name: m.name,
        role: m.role,
        decision: current ? current.decision : 'PENDING',
        signerName: signer?.fullName ?? null,
        signerPosition: signer?.position ?? null,
        at: current ? iso(current.actedAt) : null,
        version: current?.pledgeVersion ?? null,
        reason: current?.reason ?? null,
        late: current?.late ?? false,
        auditHash: current ? (hashOf.get(current.eventKey) ?? null) : null,
        earlier: own
          .filter((s) => s.invalidatedAt !== null)
          .map((s) => ({
            decision: s.decision,
            version: s.pledgeVersion,
            at: iso(s.actedAt),
            reason: s.reason,
            auditHash: hashOf.get(s.eventKey) ?? null,
          })),
      };
    });
    const countersigned = events.find((e) => e.action === 'pledge-signing.countersigned');
    const head = members.find((m) => m.role === 'HEAD');
    const counter = round.countersignedById ? actors.get(round.countersignedById) : undefined;
    const identity = this.seal.identity;
    return {
      roundId: round.id,
      outcome: round.status === 'EFFECTIVE' ? 'EFFECTIVE' : 'OVERDUE',
      openedAt: iso(round.openedAt),
      deadlineAt: iso(round.deadlineAt),
      overdueAt: round.overdueAt ? iso(round.overdueAt) : null,
      units,
      countersignature:
        round.countersignedAt && round.effectiveVersion !== null
          ? {
              name: counter?.fullName ?? '',
              position: counter?.position ?? null,
              unitName: head?.name ?? '',
              at: iso(round.countersignedAt),
              version: round.effectiveVersion,
              auditHash: countersigned?.hash ?? null,
            }
          : null,
      amendments: (cycle.pledge?.versions ?? [])
        .filter((v) => v.version > 1 && v.reason !== null)
        .map((v) => ({
          version: v.version,
          at: iso(v.createdAt),
          reason: v.reason ?? '',
          contentHash: v.contentHash,
          auditHash:
            events.find(
              (e) =>
                e.action === 'pledge-signing.amended' &&
                (e.payload as { version?: number } | null)?.version === v.version,
            )?.hash ?? null,
        })),
      events: events.map((e) => ({
        at: iso(e.occurredAt),
        action: e.action,
        actor: e.actorUserId ? (actors.get(e.actorUserId)?.fullName ?? null) : null,
        hash: e.hash,
      })),
      seal: {
        commonName: identity.commonName,
        organization: identity.organization,
        issuer: identity.issuerCommonName,
        fingerprintSha256: identity.fingerprintSha256,
      },
    };
  }
}
