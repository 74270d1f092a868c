/* Watch a whole emulation year go by in a few minutes: creates an accelerated cycle for the demo
 * cluster and plays every user through the API (sign, register, assess, vote, elect).
 * Needs the system running (`npm start`). Usage: npm run demo -- [minutes=6] */
import {
  ApiClient,
  DEMO_PASSWORD,
  demoPledgeItems,
  demoUnits,
  officerUsername,
  signerUsername,
  waitFor,
} from '@epw/testing';

const API = process.env['DEMO_API_URL'] ?? `http://127.0.0.1:${process.env['API_PORT'] ?? '3000'}`;
const minutes = Number(process.argv[2] ?? '6');
const http = new ApiClient(API, DEMO_PASSWORD);
const say = (vi: string, en: string) =>
  console.log(
    `[${new Date().toLocaleTimeString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}] ${vi}\n           ${en}`,
  );

interface Me {
  unitId: string;
}
interface RuleSet {
  calendar: { phases: { phase: string; opensAtFraction: number; durationWorkingDays: number }[] };
  [key: string]: unknown;
}
interface Phase {
  phase: string;
  status: string;
  opensOn: string;
  closesOn: string;
}

async function ok<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

async function main(): Promise<void> {
  const units = await Promise.all(
    demoUnits.map(async (u) => ({
      ...u,
      signer: signerUsername(u.code),
      officer: officerUsername(u.code),
      id: (await ok(http.as<Me>(signerUsername(u.code), 'GET', '/auth/me'), 'login')).unitId,
    })),
  );
  const head = units.find((u) => u.role === 'HEAD')!;
  const clusters = await ok(
    http.as<{ items: { cluster: { id: string } }[] }>('admin', 'GET', '/cycles?pageSize=1'),
    'cycles',
  );
  const clusterId = clusters.items[0].cluster.id;
  const year = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
  const movementCode = `DEMO-${Date.now().toString(36).toUpperCase()}`;

  const cycle = await ok(
    http.as<{ id: string }>('admin', 'POST', '/cycles', {
      clusterId,
      movementCode,
      movementName: 'Phong trào thi đua "Dân vận khéo" (trình diễn)',
      periodKind: 'YEAR',
      periodLabel: String(year),
      startsOn: `${year}-01-01`,
      endsOn: `${year}-12-31`,
      calendarScale: (365 * 24 * 60) / minutes,
      pledge: {
        title: `Giao ước thi đua năm ${year}`,
        documents: [],
        items: demoPledgeItems(year),
      },
    }),
    'create cycle',
  );
  // The demo's own rule-set version: the default rules with 3 peer reviewers per unit and a wider
  // final review, so simulated users keep up on a calendar compressed into minutes.
  const defaults = await ok(
    http.as<RuleSet>('admin', 'GET', '/rule-sets/default'),
    'default rules',
  );
  await ok(
    http.as('admin', 'POST', '/rule-sets', {
      code: 'DVK-TRINH-DIEN',
      name: 'Quy tắc trình diễn (3 đơn vị chấm chéo mỗi đơn vị)',
      content: {
        ...defaults,
        crossAssessment: { mode: 'K_REVIEWERS', reviewersPerUnit: 3 },
        calendar: {
          phases: defaults.calendar.phases.map((p) =>
            p.phase === 'FINAL_REVIEW'
              ? { ...p, opensAtFraction: 0.7, durationWorkingDays: 30 }
              : p,
          ),
        },
      },
    }),
    'demo rules',
  );
  const run = await ok(
    http.as<{ phases: Phase[] }>('admin', 'POST', `/cycles/${cycle.id}/start`, {
      ruleSetCode: 'DVK-TRINH-DIEN',
    }),
    'start',
  );
  say(
    `Kỳ thi đua ${movementCode} ${year}: một năm trong ${minutes} phút. Lịch các giai đoạn:`,
    `Cycle ${movementCode} ${year}: a year in ${minutes} minutes. Phases:`,
  );
  for (const p of run.phases) console.log(`    ${p.phase.padEnd(15)} ${p.opensOn} → ${p.closesOn}`);

  const phaseOpen = (phase: string) =>
    waitFor(
      async () => {
        const r = await ok(
          http.as<{ phases: Phase[] }>(head.signer, 'GET', `/cycles/${cycle.id}/run`),
          'run',
        );
        return r.phases.find((p) => p.phase === phase && p.status === 'OPEN');
      },
      { timeoutMs: minutes * 60_000, intervalMs: 250, description: phase },
    );

  const roundId = `pledge-signing-CTD-01-${movementCode}-${year}`;
  await phaseOpen('PLEDGE_SIGNING');
  await waitFor(
    async () => (await http.as(head.signer, 'GET', `/signing-rounds/${roundId}`)).status === 200,
  );
  for (const u of units)
    await ok(
      http.as(u.signer, 'POST', `/signing-rounds/${roundId}/sign`, { unitId: u.id, version: 1 }),
      'sign',
    );
  await ok(
    http.as(head.signer, 'POST', `/signing-rounds/${roundId}/countersign`, { version: 1 }),
    'countersign',
  );
  say(
    '12 đơn vị đã ký giao ước; cụm trưởng ký xác nhận: giao ước có hiệu lực.',
    '12 units signed; the head countersigned: the pledge is in effect.',
  );

  await phaseOpen('REGISTRATION');
  for (const u of units) {
    await ok(
      http.as(u.officer, 'POST', `/cycles/${cycle.id}/registrations`, {
        unitId: u.id,
        titles: ['Tập thể lao động xuất sắc'],
        initiatives: [
          {
            kind: 'MODEL',
            field: 'Dân vận chính quyền',
            isNew: true,
            ownerType: 'COLLECTIVE',
            ownerName: u.name,
            title: `Mô hình "Dân vận khéo" – ${u.code}`,
            description: 'Tiếp nhận, giải quyết kiến nghị của người dân trong 24 giờ.',
            attachments: [],
          },
        ],
      }),
      'register',
    );
  }
  say(
    'Đăng ký thi đua: 12/12 đơn vị (100%, đạt chỉ tiêu giao ước).',
    'Registration: 12 of 12 units (100%, the pledge target).',
  );

  const scores = (q: number) => ({
    C1: Math.round(20 * q),
    C2: Math.round(30 * q),
    C3: Math.round(25 * q),
    C4: Math.round(15 * q),
    C5: Math.round(10 * q),
  });
  const quality = (i: number) => 0.95 - ((i * 7) % 12) * 0.03;
  await phaseOpen('INTERIM_REVIEW');
  for (const [i, u] of units.entries()) {
    await ok(
      http.as(u.officer, 'POST', `/cycles/${cycle.id}/assessments/interim/progress`, {
        unitId: u.id,
        items: [{ itemIndex: 0, percent: 50 + i * 3, note: 'Sơ kết 6 tháng' }],
      }),
      'progress',
    );
  }
  say(
    'Sơ kết: các đơn vị báo cáo tiến độ thực hiện giao ước.',
    'Interim review: units reported progress against the pledge.',
  );

  await phaseOpen('FINAL_REVIEW');
  const status = await ok(
    http.as<{ assignment: Record<string, string[]> }>(
      head.signer,
      'GET',
      `/cycles/${cycle.id}/assessments/final`,
    ),
    'assignment',
  );
  for (const [i, u] of units.entries())
    await ok(
      http.as(u.officer, 'POST', `/cycles/${cycle.id}/assessments/final/self`, {
        unitId: u.id,
        scores: scores(quality(i)),
      }),
      'self',
    );
  let sheets = 0;
  for (const [subject, assessors] of Object.entries(status.assignment)) {
    const i = units.findIndex((u) => u.id === subject);
    for (const a of assessors) {
      const assessor = units.find((u) => u.id === a)!;
      await ok(
        http.as(assessor.officer, 'POST', `/cycles/${cycle.id}/assessments/final/peer`, {
          assessorUnitId: a,
          subjectUnitId: subject,
          scores: scores(quality(i) - 0.02),
        }),
        'peer',
      );
      sheets += 1;
    }
  }
  say(
    `Tổng kết: 12 phiếu tự chấm và ${sheets} phiếu chấm chéo (không đơn vị nào tự chấm chéo mình).`,
    `Final review: 12 self-assessments and ${sheets} cross-assessments (no unit scored itself).`,
  );

  await phaseOpen('VOTE');
  const box = await ok(
    http.as<{ candidates: string[] }>(head.signer, 'GET', `/cycles/${cycle.id}/vote`),
    'vote box',
  );
  for (const [i, u] of units.entries()) {
    await ok(
      http.as(u.signer, 'POST', `/cycles/${cycle.id}/vote`, {
        voterUnitId: u.id,
        approve: [box.candidates[i % 4 === 3 ? 1 : 0]],
      }),
      'vote',
    );
  }
  say('Bình xét: 12 phiếu kín đã bỏ.', 'Vote: 12 secret ballots cast.');

  await phaseOpen('ELECTION');
  const next = units.find((u) => u.role === 'DEPUTY')!;
  for (const u of units) {
    await ok(
      http.as(u.signer, 'POST', `/cycles/${cycle.id}/election`, {
        voterUnitId: u.id,
        headUnitId: next.id,
        deputyUnitId: units[0].id,
      }),
      'elect',
    );
  }
  say(
    'Bầu cụm trưởng, cụm phó năm sau: 12 phiếu.',
    "Election of next year's head and deputy: 12 ballots.",
  );

  await waitFor(
    async () =>
      (
        await ok(
          http.as<{ completed: boolean }>(head.signer, 'GET', `/cycles/${cycle.id}/run`),
          'run',
        )
      ).completed,
    { timeoutMs: minutes * 60_000, intervalMs: 500 },
  );
  const outcome = await ok(
    http.as<{
      ranking: { rank: number; unitCode: string; finalScore: number }[];
      minutes: string;
      electedHeadUnitId: string;
    }>(head.signer, 'GET', `/cycles/${cycle.id}/outcome`),
    'outcome',
  );
  say('Kết thúc năm. Xếp hạng:', 'Year complete. Ranking:');
  for (const r of outcome.ranking)
    console.log(
      `    ${String(r.rank).padStart(2)}. ${r.unitCode.padEnd(12)} ${r.finalScore.toFixed(2)}`,
    );
  console.log(`\n${outcome.minutes}\n`);
  say(
    `Cụm trưởng năm ${year + 1}: ${units.find((u) => u.id === outcome.electedHeadUnitId)?.name ?? outcome.electedHeadUnitId}`,
    `Head for ${year + 1} elected.`,
  );
  console.log(
    `\nTemporal Web UI: http://127.0.0.1:8233 (workflow ids end in ${movementCode}-${year})`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
