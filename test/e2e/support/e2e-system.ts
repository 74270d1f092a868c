/* The system the browser tests drive: the compiled API (serving the web build under /app/) and the
 * compiled worker from `npm run build`, in processes of their own, against the test database, Redis
 * db 1 and the Temporal dev server, on a task queue of its own (see compiled-system.ts). It seeds a cluster of its own and a
 * cycle on the real calendar whose pledge signing and registration are open, prints one line
 * `E2E_READY {json}` and runs until SIGTERM. Started by global-setup.ts. */
import 'reflect-metadata';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_RULE_SET, type RuleSetContent } from '@epw/domain';
import {
  createFixtureCluster,
  DEMO_PASSWORD,
  demoPledgeItems,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
} from '@epw/testing';
import { openCyclePhases } from '../../support/cycle-phases';
import { terminateCycles } from '../../support/test-system';
import { startCompiledSystem, type CompiledSystem } from './compiled-system';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLocalCa, type LocalCa } from '@epw/documents';
import type { E2eSystemInfo } from './e2e-info';

const DAY_MS = 86_400_000;
const vietnamDate = (ms: number) => new Date(ms + 7 * 3_600_000).toISOString().slice(0, 10);

/** Signing and registration open a month ago and stay open for months of working days, so the
 * run never meets a deadline, a weekend or a holiday at the wrong moment. */
const e2eRules: RuleSetContent = {
  ...DEFAULT_RULE_SET,
  calendar: {
    phases: DEFAULT_RULE_SET.calendar.phases.map((p) =>
      p.phase === 'PLEDGE_SIGNING' || p.phase === 'REGISTRATION'
        ? { ...p, opensAtFraction: 0, durationWorkingDays: 60 }
        : p.opensAtFraction < 0.5
          ? { ...p, opensAtFraction: 0.5 }
          : p,
    ),
  },
};

async function ok<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function seed(sys: CompiledSystem, personalCa: LocalCa): Promise<E2eSystemInfo> {
  const suffix = uniqueSuffix();
  const startsOn = vietnamDate(Date.now() - 30 * DAY_MS);
  const endsOn = vietnamDate(Date.parse(`${startsOn}T00:00:00Z`) + 364 * DAY_MS);
  const year = Number(startsOn.slice(0, 4));
  const cluster = await createFixtureCluster(sys.prisma, suffix, [year, year + 1]);
  const admin = cluster.admin;
  const ruleSetCode = `E2E-${suffix}`;
  await ok(
    sys.http.as(admin, 'POST', '/rule-sets', {
      code: ruleSetCode,
      name: 'Quy tắc kiểm thử giao diện',
      content: e2eRules,
    }),
    'rule set',
  );
  /** A cycle of the cluster for this year on the real calendar (not started). */
  const postCycle = (movementCode: string, documents: string[], label: string) =>
    ok(
      sys.http.as<{ id: string }>(admin, 'POST', '/cycles', {
        clusterId: cluster.clusterId,
        movementCode,
        movementName: `Phong trào thi đua "Dân vận khéo" (kiểm thử ${movementCode})`,
        periodKind: 'YEAR',
        periodLabel: String(year),
        startsOn,
        endsOn,
        calendarScale: 1,
        pledge: {
          title: `Nội dung ký kết giao ước thi đua năm ${year}`,
          documents,
          items: demoPledgeItems(year),
        },
      }),
      label,
    );
  const createCycle = async (movementCode: string) => {
    const cycle = await postCycle(
      movementCode,
      ['Quy chế tổ chức và hoạt động thi đua công tác dân vận'],
      'cycle',
    );
    await ok(sys.http.as(admin, 'POST', `/cycles/${cycle.id}/start`, { ruleSetCode }), 'start');
    const roundId = `pledge-signing-${cluster.clusterCode}-${movementCode}-${year}`;
    await waitFor(
      async () =>
        (await sys.http.as(cluster.head.signer, 'GET', `/signing-rounds/${roundId}`)).status ===
        200,
      { description: 'the signing round to open', timeoutMs: 60_000 },
    );
    await waitFor(
      async () =>
        (
          await sys.http.as(
            cluster.head.signer,
            'GET',
            `/cycles/${cycle.id}/registrations/compliance`,
          )
        ).status === 200,
      { description: 'registration to open', timeoutMs: 60_000 },
    );
    return {
      cycleId: cycle.id,
      movementCode,
      roundId,
      cycleKey: `${cluster.clusterCode}-${movementCode}-${year}`,
    };
  };
  // One cycle for the members' journeys, one for the head's (countersigning ends its signing).
  const main = await createCycle(`E2E-${suffix}`);
  const lead = await createCycle(`E2H-${suffix}`);
  const head = cluster.head;
  const member = cluster.units.find((u) => u.role === 'MEMBER');
  const other = cluster.units.filter((u) => u.role === 'MEMBER')[1];
  const deputy = cluster.units.find((u) => u.role === 'DEPUTY');
  if (!member || !other || !deputy) throw new Error('fixture has too few members');
  // A third cycle whose later phases are open now, started directly (the cycle workflow would open
  // them months apart): registration already closed and taking late requests, interim and final
  // review, the vote and the election, all until a few hours from now.
  const phasesCode = `E2P-${suffix}`;
  const phasesCycle = await postCycle(phasesCode, [], 'phases cycle');
  await openCyclePhases(
    sys,
    cluster,
    { id: phasesCycle.id, movementCode: phasesCode, periodLabel: String(year) },
    {
      deputyUnitId: deputy.id,
      candidates: [member.id, other.id],
      hours: 6,
      registrationDeadlineAt: new Date(Date.now() - 60_000).toISOString(),
    },
  );
  // The web app reads the phases of a cycle that has started.
  await sys.prisma.emulationCycle.update({
    where: { id: phasesCycle.id },
    data: { status: 'ACTIVE' },
  });
  // Nominations: the deciding authorities with their accounts, and a person of the member unit.
  const authorities = await ensureCommendationSetup(sys.prisma);
  const board = authorities['HDTD-CUM01'];
  if (!board) throw new Error('no HDTD-CUM01 authority');
  const person = await sys.prisma.person.create({
    data: { unitId: member.id, fullName: `Nguyễn Thị Kiểm Thử ${suffix}`, position: 'Chuyên viên' },
  });
  return {
    personalCa,
    commendation: {
      password: DEMO_PASSWORD,
      reviewer: board.reviewer,
      leader: board.leader,
      personName: person.fullName,
    },
    baseURL: sys.http.baseUrl,
    password: cluster.password,
    ...main,
    leadCycle: lead,
    phasesCycle: {
      cycleId: phasesCycle.id,
      movementCode: phasesCode,
      cycleKey: `${cluster.clusterCode}-${phasesCode}-${year}`,
    },
    cycleEndsOn: endsOn,
    units: cluster.units.map((u) => ({
      unitId: u.id,
      signer: u.signer,
      officer: u.officer,
      unitCode: u.code,
    })),
    admin,
    head: { signer: head.signer, unitCode: head.code, unitName: head.name, unitId: head.id },
    member: {
      unitCode: member.code,
      signer: member.signer,
      officer: member.officer,
      unitName: member.name,
      unitId: member.id,
    },
    other: {
      unitCode: other.code,
      signer: other.signer,
      officer: other.officer,
      unitName: other.name,
      unitId: other.id,
    },
  };
}

async function main(): Promise<void> {
  // The SDK logs every worker state change at INFO; the test output wants warnings and errors.
  Runtime.install({ logger: new DefaultLogger('WARN') });
  // The CA whose personal certificates may sign signed copies; the tests issue from it. A system
  // already running (the scale-out profile) trusts its own CA: its directory says which.
  const caDir = process.env['EPW_E2E_PERSONAL_CA_DIR'];
  const personalCa: LocalCa = caDir
    ? {
        certificatePem: readFileSync(join(caDir, 'ca.pem'), 'utf8'),
        privateKeyPem: readFileSync(join(caDir, 'ca.key.pem'), 'utf8'),
      }
    : createLocalCa({ commonName: 'EPW E2E Personal CA', organization: 'EPW tests' });
  const caPath = join(mkdtempSync(join(tmpdir(), 'epw-e2e-ca-')), 'ca.pem');
  writeFileSync(caPath, personalCa.certificatePem);
  const sys = await startCompiledSystem({ PERSONAL_SIGNATURE_CA_PATH: caPath });
  let info: E2eSystemInfo | undefined;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    if (info) {
      await terminateCycles(sys.temporal, [
        info.cycleKey,
        info.leadCycle.cycleKey,
        info.phasesCycle.cycleKey,
      ]).catch(() => undefined);
    }
    await sys.close().catch(() => undefined);
    process.exit(code);
  };
  process.on('SIGTERM', () => void stop(0));
  process.on('SIGINT', () => void stop(0));
  try {
    info = await seed(sys, personalCa);
  } catch (err) {
    console.error(err);
    await stop(1);
    return;
  }
  process.stdout.write(`E2E_READY ${JSON.stringify(info)}\n`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
