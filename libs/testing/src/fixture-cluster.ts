import { hash } from '@node-rs/argon2';
import type { PrismaClient } from '@epw/data-access';
import { CLUSTER_COUNCIL_CODE } from './commendation-setup';
import { DEMO_PASSWORD, demoUnits, officerUsername, signerUsername } from './demo-data';

export interface FixtureUnit {
  id: string;
  code: string;
  name: string;
  role: 'HEAD' | 'DEPUTY' | 'MEMBER';
  signer: string;
  officer: string;
}

export interface FixtureCluster {
  clusterId: string;
  clusterCode: string;
  units: FixtureUnit[];
  head: FixtureUnit;
  admin: string;
  password: string;
}

/**
 * The fixture's 12-unit cluster under unique codes (`suffix`), with memberships for `years`, a
 * signer and an officer per unit, and an administrator: each test gets a cluster of its own.
 */
export async function createFixtureCluster(
  prisma: PrismaClient,
  suffix: string,
  years: number[],
): Promise<FixtureCluster> {
  const passwordHash = await hash(DEMO_PASSWORD);
  // Its council decides its own forms, as the demo's cluster's does (when it exists already).
  const council = await prisma.unit.findUnique({
    where: { code: CLUSTER_COUNCIL_CODE },
    select: { id: true },
  });
  const cluster = await prisma.cluster.create({
    data: {
      code: `CTD-01-${suffix}`,
      name: `Cụm thi đua số 1 (${suffix})`,
      councilUnitId: council?.id ?? null,
    },
  });
  const units: FixtureUnit[] = [];
  for (const u of demoUnits) {
    const code = `${u.code}-${suffix}`;
    const unit = await prisma.unit.create({ data: { code, name: u.name } });
    await prisma.clusterMembership.createMany({
      data: years.map((year) => ({
        clusterId: cluster.id,
        unitId: unit.id,
        year,
        role: u.role,
        position: u.position,
      })),
    });
    const signer = signerUsername(code);
    const officer = officerUsername(code);
    await prisma.user.createMany({
      data: [
        {
          username: signer,
          fullName: `Lãnh đạo ${u.name}`,
          unitId: unit.id,
          roles: ['UNIT_SIGNER', 'UNIT_OFFICER'],
          passwordHash,
        },
        {
          username: officer,
          fullName: `Cán bộ ${u.name}`,
          unitId: unit.id,
          roles: ['UNIT_OFFICER'],
          passwordHash,
        },
      ],
    });
    units.push({ id: unit.id, code, name: u.name, role: u.role, signer, officer });
  }
  const admin = `admin-${suffix.toLowerCase()}`;
  await prisma.user.create({
    data: { username: admin, fullName: 'Quản trị', roles: ['ADMIN'], passwordHash },
  });
  const head = units.find((u) => u.role === 'HEAD');
  if (!head) throw new Error('fixture has no head unit');
  return {
    clusterId: cluster.id,
    clusterCode: cluster.code,
    units,
    head,
    admin,
    password: DEMO_PASSWORD,
  };
}

/** An organisation administrator (ORG_ADMIN) of the unit's subtree, with the demo password. */
export async function createOrgAdmin(
  prisma: PrismaClient,
  username: string,
  unitId: string,
): Promise<string> {
  const user = await prisma.user.create({
    data: {
      username,
      fullName: 'Quản trị tổ chức',
      unitId,
      roles: ['ORG_ADMIN'],
      passwordHash: await hash(DEMO_PASSWORD),
    },
  });
  return user.id;
}
