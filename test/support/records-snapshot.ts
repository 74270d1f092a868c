import { hash } from '@node-rs/argon2';
import type { PrismaClient, Role } from '@epw/data-access';
import { authorityUsername, DEMO_PASSWORD, type AuthorityAccounts } from '@epw/testing';

/** What a test's actors, units and clusters own: compared before and after a refused request. */
export interface RecordsScope {
  /** User ids of every actor of the test (audit entries, refresh tokens, preferences, authorship). */
  actors: string[];
  units: string[];
  clusters: string[];
  /** A holiday date the test may set (YYYY-MM-DD), if any. */
  holiday?: string;
}

/**
 * The records a request by the test's actors could have written, in one query, scoped to the
 * test's own users, units and clusters: other suites (or a browser run) sharing the database do not
 * move it. Every accepted action is audited under its actor, so the audit count catches the rest.
 */
export async function recordsOf(prisma: PrismaClient, scope: RecordsScope): Promise<unknown> {
  const rows = await prisma.$queryRawUnsafe<{ s: unknown }[]>(
    `SELECT json_build_object(
      'audit', (SELECT count(*) FROM "AuditLog" WHERE "actorUserId" = ANY($1::uuid[])),
      'refreshTokens', (SELECT count(*) FROM "RefreshToken" WHERE "userId" = ANY($1::uuid[])),
      'preferences', (SELECT json_agg(json_build_object('u', "userId", 'c', channels, 'f', "quietFrom", 't', "quietTo") ORDER BY "userId")
         FROM "NotificationPreference" WHERE "userId" = ANY($1::uuid[])),
      'signatures', (SELECT count(*) FROM "PledgeSignature" WHERE "unitId" = ANY($2::uuid[])),
      'pledgeVersions', (SELECT count(*) FROM "PledgeVersion" v JOIN "Pledge" p ON p.id = v."pledgeId"
         JOIN "EmulationCycle" c ON c.id = p."cycleId" WHERE c."clusterId" = ANY($3::uuid[])),
      'rounds', (SELECT json_agg(json_build_object('s', r.status, 'd', r."deadlineAt", 'c', r."countersignedAt") ORDER BY r.id)
         FROM "SigningRound" r JOIN "EmulationCycle" c ON c.id = r."cycleId" WHERE c."clusterId" = ANY($3::uuid[])),
      'registrations', (SELECT json_agg(json_build_object('c', "cycleId", 'u', "unitId", 's', status, 'r', revision)
         ORDER BY "cycleId", "unitId") FROM "Registration" WHERE "unitId" = ANY($2::uuid[])),
      'progress', (SELECT count(*) FROM "ProgressReport" WHERE "unitId" = ANY($2::uuid[])),
      'assessments', (SELECT count(*) FROM "Assessment" WHERE "assessorUnitId" = ANY($2::uuid[])),
      'conflicts', (SELECT count(*) FROM "ConflictDeclaration" WHERE "assessorUnitId" = ANY($2::uuid[])),
      'ballots', (SELECT count(*) FROM "Ballot" WHERE "voterUnitId" = ANY($2::uuid[])),
      'nominations', (SELECT json_agg(json_build_object('i', id, 's', status, 'k', "currentStepKey", 'r', round) ORDER BY id)
         FROM "Nomination" WHERE "unitId" = ANY($2::uuid[])),
      'nominationActions', (SELECT count(*) FROM "NominationAction" x JOIN "Nomination" n ON n.id = x."nominationId"
         WHERE n."unitId" = ANY($2::uuid[])),
      'councilBallots', (SELECT count(*) FROM "CouncilVoteParticipation" x JOIN "Nomination" n ON n.id = x."nominationId"
         WHERE n."unitId" = ANY($2::uuid[])),
      'councilTallies', (SELECT json_agg(json_build_object('a', x.approvals, 'r', x.rejections) ORDER BY x."nominationId", x."stepIndex", x.round)
         FROM "CouncilVoteTally" x JOIN "Nomination" n ON n.id = x."nominationId" WHERE n."unitId" = ANY($2::uuid[])),
      'objections', (SELECT json_agg(json_build_object('i', x.id, 'u', x.upheld) ORDER BY x.id)
         FROM "Objection" x JOIN "Nomination" n ON n.id = x."nominationId" WHERE n."unitId" = ANY($2::uuid[])),
      'documents', (SELECT count(*) FROM "DossierDocument" x JOIN "Nomination" n ON n.id = x."nominationId"
         WHERE n."unitId" = ANY($2::uuid[])),
      'decisions', (SELECT json_agg(json_build_object('i', id, 's', status) ORDER BY id) FROM "Decision"
         WHERE "createdById" = ANY($1::uuid[])),
      'awards', (SELECT json_agg(json_build_object('i', id, 'r', "revokedAt" IS NULL, 'c', "recoveredAt" IS NULL) ORDER BY id)
         FROM "Award" WHERE "unitId" = ANY($2::uuid[])),
      'ruleSets', (SELECT count(*) FROM "RuleSet" WHERE "createdById" = ANY($1::uuid[])),
      'awardForms', (SELECT count(*) FROM "AwardForm" WHERE "createdById" = ANY($1::uuid[])),
      'holiday', (SELECT count(*) FROM "Holiday" WHERE date = $4::date),
      'people', (SELECT count(*) FROM "Person" WHERE "unitId" = ANY($2::uuid[])),
      'headcounts', (SELECT json_agg(json_build_object('u', id, 'h', headcount) ORDER BY id) FROM "Unit" WHERE id = ANY($2::uuid[])),
      'cycles', (SELECT json_agg(json_build_object('i', id, 's', status, 'w', "workflowId") ORDER BY id)
         FROM "EmulationCycle" WHERE "clusterId" = ANY($3::uuid[])),
      'schedules', (SELECT count(*) FROM "CycleSchedule" WHERE "clusterId" = ANY($3::uuid[]))
    ) AS s`,
    scope.actors,
    scope.units,
    scope.clusters,
    scope.holiday ?? '1900-01-01',
  );
  return rows[0]?.s;
}

/**
 * A deciding authority of the test's own (a unit of kind AUTHORITY with a board reviewer, a
 * leader and three council members), so nothing another suite does under the shared demo
 * authorities shows up in this test's records.
 */
export async function createAuthority(
  prisma: PrismaClient,
  code: string,
): Promise<AuthorityAccounts> {
  const passwordHash = await hash(DEMO_PASSWORD);
  const name = `Hội đồng Thi đua – Khen thưởng ${code}`;
  const unit = await prisma.unit.create({
    data: { code, name, kind: 'AUTHORITY', level: 'BASE' },
  });
  const reviewer = authorityUsername(code, 'reviewer');
  const leader = authorityUsername(code, 'lanhdao');
  const council = [1, 2, 3].map((i) => authorityUsername(code, `hd${i}`));
  await prisma.user.createMany({
    data: [
      { username: reviewer, fullName: `Chuyên viên – ${name}`, roles: ['REVIEWER'] as Role[] },
      { username: leader, fullName: `Lãnh đạo – ${name}`, roles: ['AUTHORITY'] as Role[] },
      ...council.map((username, i) => ({
        username,
        fullName: `Ủy viên số ${i + 1} – ${name}`,
        roles: ['COUNCIL_MEMBER'] as Role[],
      })),
    ].map((u) => ({ ...u, unitId: unit.id, passwordHash })),
  });
  return { id: unit.id, code, name, reviewer, leader, council };
}
