import { Injectable } from '@nestjs/common';
import {
  AWARD_CATEGORIES,
  type AwardCategory,
  type AwardPeriod,
  type DocumentIssuerSource,
  type LegalBasis,
  type NomineeKind,
  legalBasisViolation,
} from '@epw/domain';
import { PrismaService } from '../prisma.service';

/** One nomination of a decision as the decision and its annex print it. */
export interface DecisionEntryRecord {
  nominationId: string;
  nomineeKind: NomineeKind;
  nomineeName: string;
  /** A person's position (Person.position). */
  position: string | null;
  /** The person's unit, the collective's superior body, or the model's owner. */
  unitName: string | null;
  achievement: string;
  formCode: string;
  formName: string;
  formCategory: AwardCategory;
  /** The legal bases of the nomination's form version (well-formed ones only). */
  legalBases: LegalBasis[];
  /** Whether its approval chain had a council vote. */
  hasCouncilStep: boolean;
  movementName: string | null;
  period: AwardPeriod;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function legalBasesOf(content: unknown): LegalBasis[] {
  const bases = isRecord(content) ? content['legalBases'] : undefined;
  if (!Array.isArray(bases)) return [];
  return bases.filter(
    (b, i): b is LegalBasis => legalBasisViolation(b, `legalBases[${i}]`) === null,
  );
}

function categoryOf(content: unknown): AwardCategory {
  const c = isRecord(content) ? content['category'] : undefined;
  return (AWARD_CATEGORIES as readonly unknown[]).includes(c)
    ? (c as AwardCategory)
    : 'COMMENDATION';
}

/** Nomination.chain holds the workflow input: `{ init: { steps: [{ kind, … }] } }`. */
function hasCouncilStep(chain: unknown): boolean {
  const init = isRecord(chain) ? chain['init'] : undefined;
  const steps = isRecord(init) ? init['steps'] : undefined;
  return Array.isArray(steps) && steps.some((s) => isRecord(s) && s['kind'] === 'COUNCIL_VOTE');
}

/** Read-only look-ups that official documents (decisions, certificates) print: the issuing
 * organisation with its kind, superior and document profile; the nominees with position and unit. */
@Injectable()
export class DocumentSourcesRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The organisation that issues a document, with its parent's name. */
  async issuer(unitId: string | null): Promise<DocumentIssuerSource | null> {
    if (!unitId) return null;
    const unit = await this.prisma.unit.findUnique({
      where: { id: unitId },
      select: {
        code: true,
        name: true,
        orgKind: true,
        documentProfile: true,
        parent: { select: { name: true } },
      },
    });
    if (!unit) return null;
    return {
      code: unit.code,
      name: unit.name,
      orgKind: unit.orgKind,
      parentName: unit.parent?.name ?? null,
      documentProfile: unit.documentProfile,
    };
  }

  /** A person's position, when known. */
  async positionOf(personId: string | null): Promise<string | null> {
    if (!personId) return null;
    const person = await this.prisma.person.findUnique({
      where: { id: personId },
      select: { position: true },
    });
    return person?.position ?? null;
  }

  /** The nominations of a decision by nominee name, with what the decision and its annex print. */
  async decisionEntries(nominationIds: string[]): Promise<DecisionEntryRecord[]> {
    const rows = await this.prisma.nomination.findMany({
      where: { id: { in: nominationIds } },
      orderBy: { nomineeName: 'asc' },
      include: { awardForm: { select: { name: true, content: true } } },
    });
    const personIds = rows.flatMap((n) => (n.nomineePersonId ? [n.nomineePersonId] : []));
    const nomineeUnitIds = rows.flatMap((n) => (n.nomineeUnitId ? [n.nomineeUnitId] : []));
    const [people, units] = await Promise.all([
      this.prisma.person.findMany({
        where: { id: { in: personIds } },
        select: { id: true, position: true },
      }),
      this.prisma.unit.findMany({
        where: { id: { in: [...new Set([...rows.map((n) => n.unitId), ...nomineeUnitIds])] } },
        select: { id: true, name: true, parent: { select: { name: true } } },
      }),
    ]);
    const position = new Map(people.map((p) => [p.id, p.position]));
    const unit = new Map(units.map((u) => [u.id, u]));
    return rows.map((n) => {
      // A collective is placed by its superior body; a person and a model by their unit.
      const unitName =
        n.nomineeKind === 'UNIT'
          ? (unit.get(n.nomineeUnitId ?? '')?.parent?.name ?? null)
          : (unit.get(n.unitId)?.name ?? null);
      return {
        nominationId: n.id,
        nomineeKind: n.nomineeKind,
        nomineeName: n.nomineeName,
        position: n.nomineePersonId ? (position.get(n.nomineePersonId) ?? null) : null,
        unitName,
        achievement: n.achievement,
        formCode: n.formCode,
        formName: n.awardForm.name,
        formCategory: categoryOf(n.awardForm.content),
        legalBases: legalBasesOf(n.awardForm.content),
        hasCouncilStep: hasCouncilStep(n.chain),
        movementName: n.movementName,
        period: {
          kind: n.periodKind,
          year: n.year,
          quarter: n.periodQuarter,
          startYear: n.periodStart,
        },
      };
    });
  }
}
