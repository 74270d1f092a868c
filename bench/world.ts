import { randomUUID } from 'node:crypto';
import {
  VIETNAM_PUBLIC_HOLIDAYS_2026,
  startOfVietnamDay,
  type AwardFormContent,
  DEFAULT_AWARD_FORMS,
} from '@epw/domain';
import {
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  type AuthorityAccounts,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import type { TestSystem } from '../test/support/test-system';
import { pool } from './harness/load';
import { expectStatus } from './scenarios/scenario-helpers';

const PDF = Buffer.from('%PDF-1.4\n% bench dossier file\n').toString('base64');
export const dossier = (...kinds: string[]) =>
  kinds.map((kind) => ({
    kind,
    fileName: `${kind}.pdf`,
    mediaType: 'application/pdf',
    contentBase64: PDF,
  }));

export interface Person {
  id: string;
  unit: FixtureUnit;
}

export interface World {
  suffix: string;
  cluster: FixtureCluster;
  authorities: Record<string, AuthorityAccounts>;
  /** Cycle of the start and action runs: the real calendar (scale 1), fixed at Monday 2 March
   * 2026, 00:30: every nomination gets the same SLA, and the reminders it schedules (08:00) never
   * fall due during a run. */
  startCycleId: string;
  /** `n` people who were never nominated (created on demand). */
  takePeople(n: number): Promise<Person[]>;
  /** POST /nominations as the officer of the person's unit (the product's start path). */
  nominate(
    person: Person,
    formCode: string,
    cycleId: string,
  ): Promise<{ id: string; workflowId: string }>;
}

/** Calendar epoch making `calendarNow` (ms, on the cycle's calendar) the present real instant. */
export function epochFor(startsOn: string, calendarNow: number, scale: number, realNow: number) {
  return new Date(realNow - (calendarNow - startOfVietnamDay(startsOn)) / scale);
}

/** The bench's fixtures, built through the same helpers as the integration tests. */
export async function createWorld(sys: TestSystem): Promise<World> {
  const { prisma, http } = sys;
  const suffix = uniqueSuffix();
  const cluster = await createFixtureCluster(prisma, suffix, [2026]);
  const authorities = await ensureCommendationSetup(prisma);
  await prisma.holiday.createMany({
    data: VIETNAM_PUBLIC_HOLIDAYS_2026.map((d) => ({
      date: new Date(`${d}T00:00:00Z`),
      name: 'Ngày nghỉ lễ',
    })),
    skipDuplicates: true,
  });
  const startCycle = await prisma.emulationCycle.create({
    data: {
      clusterId: cluster.clusterId,
      movementCode: 'BENCH',
      movementName: 'Phong trào thi đua (đo hiệu năng)',
      periodKind: 'YEAR',
      periodLabel: '2026',
      startsOn: new Date('2026-01-01T00:00:00Z'),
      endsOn: new Date('2026-12-31T00:00:00Z'),
      calendarScale: 1,
      calendarEpoch: epochFor(
        '2026-01-01',
        startOfVietnamDay('2026-03-02') + 30 * 60_000,
        1,
        Date.now(),
      ),
    },
  });
  // Logins hash passwords (argon2): do them all now, not inside a measured run.
  await pool([cluster.admin, ...cluster.units.flatMap((u) => [u.signer, u.officer])], 4, (user) =>
    http.login(user),
  );
  await http.login(authorities['HDTD-CUM01'].reviewer);

  const fresh: Person[] = [];
  let created = 0;
  return {
    suffix,
    cluster,
    authorities,
    startCycleId: startCycle.id,
    async takePeople(n) {
      if (fresh.length < n) {
        const need = n - fresh.length;
        const rows = Array.from({ length: need }, (_, i) => {
          const unit = cluster.units[(created + i) % cluster.units.length];
          return {
            id: randomUUID(),
            unitId: unit.id,
            fullName: `Nguyễn Văn Thi Đua ${created + i + 1}`,
            position: 'Chuyên viên',
          };
        });
        created += need;
        for (let i = 0; i < rows.length; i += 1000) {
          await prisma.person.createMany({ data: rows.slice(i, i + 1000) });
        }
        const byUnit = new Map(cluster.units.map((u) => [u.id, u]));
        fresh.push(...rows.map((r) => ({ id: r.id, unit: byUnit.get(r.unitId) as FixtureUnit })));
      }
      return fresh.splice(0, n);
    },
    async nominate(person, formCode, cycleId) {
      const res = await http.as<{ id: string; workflowId: string }>(
        person.unit.officer,
        'POST',
        '/nominations',
        {
          formCode,
          nomineeKind: 'PERSON',
          nomineePersonId: person.id,
          cycleId,
          achievement: 'Hoàn thành xuất sắc nhiệm vụ năm (đo hiệu năng)',
          documents: dossier('to-trinh', 'bien-ban-hop-xet'),
        },
      );
      expectStatus(res, 201);
      return res.body;
    },
  };
}

/** The LDTT form (title, unit head → board appraisal) as a new form code, with its own SLA and
 * reminder offsets: the deadline storm needs a one-day SLA and no reminders before it. */
export function formLike(code: string, slaDays: number, offsets: number[]): AwardFormContent {
  const ldtt = DEFAULT_AWARD_FORMS.find((f) => f.code === 'LDTT') as AwardFormContent;
  return {
    ...ldtt,
    code,
    name: { vi: `Danh hiệu thử tải ${code}`, en: `Load-test title ${code}` },
    chain: ldtt.chain.map((s, i) => (i === 0 ? { ...s, slaWorkingDays: slaDays } : s)),
    reminders: { offsetsWorkingDays: offsets },
  };
}
