import { hash } from '@node-rs/argon2';
import type { Prisma, PrismaClient } from '@epw/data-access';
import {
  DEFAULT_AUTHORITIES,
  DEFAULT_AWARD_FORMS,
  DEFAULT_DECIDING_ORGANISATIONS,
  defaultDocumentProfiles,
} from '@epw/domain';
import { DEMO_PASSWORD, demoCluster } from './demo-data';

/** The council of the demo's cluster: it decides the cluster's own forms (LĐTT, CSTĐ cơ sở, …). */
export const CLUSTER_COUNCIL_CODE = 'HDTD-CUM01';

export const COUNCIL_SIZE = 5;

export interface AuthorityAccounts {
  id: string;
  code: string;
  name: string;
  reviewer: string;
  leader: string;
  council: string[];
}

export const authorityUsername = (code: string, role: string) => `${code.toLowerCase()}.${role}`;

/**
 * The deciding authorities (units of kind AUTHORITY) and the other deciding organisations (a bloc
 * and a district party committee) with an appraisal officer, a leader who decides, and a
 * five-member council each, their document profiles, and version 1 of every default award form. Idempotent:
 * the demo seed and the integration tests share it.
 */
export async function ensureCommendationSetup(
  prisma: PrismaClient,
): Promise<Record<string, AuthorityAccounts>> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const result: Record<string, AuthorityAccounts> = {};
  const deciders = [
    ...DEFAULT_AUTHORITIES.map((a) => ({ ...a, orgKind: null })),
    ...DEFAULT_DECIDING_ORGANISATIONS,
  ];
  for (const a of deciders) {
    // An organisation of the tree that decides its own forms stays what it is (kind, placement).
    const unit = a.orgKind
      ? await prisma.unit.upsert({
          where: { code: a.code },
          update: {},
          create: { code: a.code, name: a.name, level: a.level, orgKind: a.orgKind },
        })
      : await prisma.unit.upsert({
          where: { code: a.code },
          update: { name: a.name, kind: 'AUTHORITY', level: a.level },
          create: { code: a.code, name: a.name, kind: 'AUTHORITY', level: a.level },
        });
    const users: [string, string, 'REVIEWER' | 'AUTHORITY' | 'COUNCIL_MEMBER'][] = [
      [authorityUsername(a.code, 'reviewer'), `Chuyên viên thẩm định – ${a.name}`, 'REVIEWER'],
      [authorityUsername(a.code, 'lanhdao'), `Lãnh đạo ${a.name}`, 'AUTHORITY'],
      ...Array.from(
        { length: COUNCIL_SIZE },
        (_, i) =>
          [
            authorityUsername(a.code, `hd${i + 1}`),
            `Ủy viên Hội đồng Thi đua – Khen thưởng số ${i + 1} – ${a.name}`,
            'COUNCIL_MEMBER',
          ] as [string, string, 'COUNCIL_MEMBER'],
      ),
    ];
    for (const [username, fullName, role] of users) {
      await prisma.user.upsert({
        where: { username },
        update: { unitId: unit.id, roles: [role], fullName },
        create: { username, fullName, unitId: unit.id, roles: [role], passwordHash },
      });
    }
    result[a.code] = {
      id: unit.id,
      code: a.code,
      name: a.name,
      reviewer: users[0][0],
      leader: users[1][0],
      council: users.slice(2).map((u) => u[0]),
    };
  }
  // Cụm thi đua số 1 (the demo's cluster and the tests' copies of it) has its council decide for it.
  const council = result[CLUSTER_COUNCIL_CODE];
  if (council) {
    await prisma.cluster.updateMany({
      where: { councilUnitId: null, code: { startsWith: demoCluster.code } },
      data: { councilUnitId: council.id },
    });
  }
  // How each deciding organisation issues documents (header by kind, numbering, signer block),
  // set once: an organisation's own later edits are kept.
  for (const d of defaultDocumentProfiles()) {
    const unit = await prisma.unit.findUnique({ where: { code: d.code } });
    if (!unit || unit.documentProfile !== null) continue;
    await prisma.unit.update({
      where: { id: unit.id },
      data: {
        documentProfile: d.profile as unknown as Prisma.InputJsonValue,
        orgKind: unit.orgKind ?? d.orgKind,
      },
    });
  }
  for (const form of DEFAULT_AWARD_FORMS) {
    const exists = await prisma.awardForm.findFirst({ where: { code: form.code } });
    if (exists) continue;
    await prisma.awardForm.create({
      data: {
        code: form.code,
        version: 1,
        name: form.name.vi,
        level: form.level,
        authorityUnitId: result[form.authorityCode].id,
        content: form as unknown as Prisma.InputJsonValue,
      },
    });
  }
  return result;
}
