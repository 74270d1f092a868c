/* Idempotent demo seed: the fixture cluster, its 12 member units, demo accounts for every role,
 * the city's organisation tree (the cluster's units, the authorities, a bloc and a district with
 * their base committees and grassroots organisations, an administrator for each) and an open
 * "Dân vận khéo" cycle for the current year with the pledge draft. */
import { hash } from '@node-rs/argon2';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient, pledgeContentHash } from '@epw/data-access';
import {
  DEFAULT_AWARD_FORMS,
  defaultDocumentProfiles,
  startOfVietnamDay,
  toVietnamDate,
} from '@epw/domain';
import {
  DEMO_MOVEMENT,
  DEMO_DISTRICT_CODE,
  DEMO_PASSWORD,
  demoCluster,
  demoDocuments,
  demoOrganisationAccounts,
  demoOrganisations,
  demoPledgeItems,
  demoUnits,
  ensureCommendationSetup,
  fixtureSource,
  officerUsername,
  signerUsername,
} from '@epw/testing';

const log = (msg: string) => console.log(`    seed: ${msg}`);

async function main(): Promise<void> {
  const url = process.env['DATABASE_URL'];
  if (!url) throw new Error('DATABASE_URL is not set');
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  const year = Number(toVietnamDate(Date.now()).slice(0, 4));
  const passwordHash = await hash(DEMO_PASSWORD);
  try {
    const cluster = await prisma.cluster.upsert({
      where: { code: demoCluster.code },
      update: { name: demoCluster.name, organizer: demoCluster.organizer },
      create: demoCluster,
    });
    log(`cluster ${cluster.code} – ${cluster.name}`);

    for (const u of demoUnits) {
      const unit = await prisma.unit.upsert({
        where: { code: u.code },
        update: { name: u.name },
        create: { code: u.code, name: u.name },
      });
      for (const y of [2018, year]) {
        await prisma.clusterMembership.upsert({
          where: { clusterId_unitId_year: { clusterId: cluster.id, unitId: unit.id, year: y } },
          update: { role: u.role, position: u.position },
          create: {
            clusterId: cluster.id,
            unitId: unit.id,
            year: y,
            role: u.role,
            position: u.position,
          },
        });
      }
      await upsertUser(
        prisma,
        signerUsername(u.code),
        `Lãnh đạo ${u.name}`,
        unit.id,
        ['UNIT_SIGNER', 'UNIT_OFFICER'],
        passwordHash,
      );
      await upsertUser(
        prisma,
        officerUsername(u.code),
        `Cán bộ thi đua ${u.name}`,
        unit.id,
        ['UNIT_OFFICER'],
        passwordHash,
      );
    }
    log(
      `${demoUnits.length} member units with a signer and an officer account each (years 2018 and ${year})`,
    );

    await upsertUser(prisma, 'admin', 'Quản trị hệ thống', null, ['ADMIN'], passwordHash);
    await upsertUser(
      prisma,
      'reviewer',
      'Chuyên viên Ban Thi đua – Khen thưởng',
      null,
      ['REVIEWER'],
      passwordHash,
    );
    await upsertUser(
      prisma,
      'council',
      'Ủy viên Hội đồng Thi đua – Khen thưởng',
      null,
      ['COUNCIL_MEMBER'],
      passwordHash,
    );
    await upsertUser(
      prisma,
      'authority',
      'Lãnh đạo cơ quan quyết định khen thưởng',
      null,
      ['AUTHORITY'],
      passwordHash,
    );
    log('admin, reviewer, council and authority accounts');

    const authorities = await ensureCommendationSetup(prisma);
    const ubnd = authorities['UBND-TP'];
    // The generic demo accounts work for the city People's Committee (Bằng khen, city-level models).
    await prisma.user.updateMany({
      where: { username: { in: ['reviewer', 'council', 'authority'] } },
      data: { unitId: ubnd.id },
    });
    log(
      `${Object.keys(authorities).length} deciding authorities, each with <code>.reviewer, <code>.lanhdao and council <code>.hd1-5; ${DEFAULT_AWARD_FORMS.length} award forms`,
    );
    // The organisation tree, top down: existing units (the authorities, the cluster's units) are
    // placed by code, new ones created; every path is rebuilt from its parent's.
    const paths = new Map<string, { id: string; path: string }>();
    for (const o of demoOrganisations) {
      const parent = o.parent ? paths.get(o.parent) : undefined;
      if (o.parent && !parent) throw new Error(`${o.code}: parent ${o.parent} is not placed yet`);
      const placement = { level: o.level, orgKind: o.orgKind, parentId: parent?.id ?? null };
      const unit = await prisma.unit.upsert({
        where: { code: o.code },
        update: placement,
        create: { code: o.code, name: o.name, ...placement },
      });
      const path = `${parent?.path ?? '/'}${unit.id}/`;
      if (unit.path !== path) await prisma.unit.update({ where: { id: unit.id }, data: { path } });
      paths.set(o.code, { id: unit.id, path });
    }
    // How each deciding organisation issues documents: header by kind, numbering, signer block.
    for (const d of defaultDocumentProfiles()) {
      const unit = await prisma.unit.findUnique({ where: { code: d.code } });
      if (!unit) continue;
      await prisma.unit.update({
        where: { id: unit.id },
        data: { documentProfile: d.profile as object, orgKind: unit.orgKind ?? d.orgKind },
      });
    }
    for (const a of demoOrganisationAccounts) {
      const unit = paths.get(a.unitCode);
      if (!unit) throw new Error(`${a.username}: unit ${a.unitCode} is not in the tree`);
      await upsertUser(prisma, a.username, a.fullName, unit.id, a.roles, passwordHash);
    }
    log(
      `organisation tree of ${demoOrganisations.length} units (city, boards, People's Committee, blocs, district ${DEMO_DISTRICT_CODE}, base committees, grassroots); ${demoOrganisationAccounts.map((a) => a.username).join(', ')}`,
    );

    const people = [
      ['Nguyễn Thị Hồng Nhung', 'Phó Bí thư Đảng ủy'],
      ['Trần Văn Minh', 'Trưởng ban Dân vận'],
      ['Lê Thị Thu Hà', 'Chuyên viên'],
    ];
    for (const u of demoUnits) {
      const unit = await prisma.unit.update({ where: { code: u.code }, data: { headcount: 30 } });
      if ((await prisma.person.count({ where: { unitId: unit.id } })) > 0) continue;
      await prisma.person.createMany({
        data: people.map(([fullName, position]) => ({ unitId: unit.id, fullName, position })),
      });
    }
    log('3 people and a headcount of 30 per member unit (nominees, quotas)');

    const holidays: [string, string][] = [
      ['2026-01-01', 'Tết Dương lịch'],
      ['2026-02-16', 'Tết Nguyên đán'],
      ['2026-02-17', 'Tết Nguyên đán'],
      ['2026-02-18', 'Tết Nguyên đán'],
      ['2026-02-19', 'Tết Nguyên đán'],
      ['2026-02-20', 'Tết Nguyên đán'],
      ['2026-04-27', 'Giỗ Tổ Hùng Vương (nghỉ bù)'],
      ['2026-04-30', 'Ngày Giải phóng miền Nam, thống nhất đất nước'],
      ['2026-05-01', 'Ngày Quốc tế Lao động'],
      ['2026-09-01', 'Quốc khánh'],
      ['2026-09-02', 'Quốc khánh'],
    ];
    for (const [date, name] of holidays) {
      const day = new Date(`${date}T00:00:00Z`);
      await prisma.holiday.upsert({
        where: { date: day },
        create: { date: day, name },
        update: {},
      });
    }
    log(`${holidays.length} public holidays of 2026 (editable: PUT /holidays/{date})`);

    const periodLabel = String(year);
    const existing = await prisma.emulationCycle.findUnique({
      where: {
        clusterId_movementCode_periodLabel: {
          clusterId: cluster.id,
          movementCode: DEMO_MOVEMENT.code,
          periodLabel,
        },
      },
    });
    if (existing) {
      log(`cycle ${DEMO_MOVEMENT.code} ${periodLabel} exists (${existing.status})`);
    } else {
      const items = demoPledgeItems(year);
      await prisma.emulationCycle.create({
        data: {
          clusterId: cluster.id,
          movementCode: DEMO_MOVEMENT.code,
          movementName: DEMO_MOVEMENT.name,
          periodKind: 'YEAR',
          periodLabel,
          startsOn: new Date(`${year}-01-01T00:00:00Z`),
          endsOn: new Date(`${year}-12-31T00:00:00Z`),
          calendarScale: 1,
          calendarEpoch: new Date(startOfVietnamDay(`${year}-01-01`)),
          pledge: {
            create: {
              title: `Nội dung ký kết giao ước thi đua công tác dân vận năm ${year} của ${cluster.name.split(' – ')[0]}`,
              documents: demoDocuments.map((d) => d.replace('{year}', periodLabel)),
              currentVersion: 0,
              versions: {
                create: {
                  version: 0,
                  contentHash: pledgeContentHash(items),
                  reason: `Dự thảo theo ${fixtureSource}`,
                  items: { create: items.map((text, position) => ({ position, text })) },
                },
              },
            },
          },
        },
      });
      log(`cycle ${DEMO_MOVEMENT.code} ${periodLabel} with a ${items.length}-item pledge draft`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

async function upsertUser(
  prisma: PrismaClient,
  username: string,
  fullName: string,
  unitId: string | null,
  roles: (
    | 'ADMIN'
    | 'ORG_ADMIN'
    | 'UNIT_OFFICER'
    | 'UNIT_SIGNER'
    | 'REVIEWER'
    | 'COUNCIL_MEMBER'
    | 'AUTHORITY'
  )[],
  passwordHash: string,
): Promise<void> {
  await prisma.user.upsert({
    where: { username },
    update: { fullName, unitId, roles },
    create: { username, fullName, unitId, roles, passwordHash },
  });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
