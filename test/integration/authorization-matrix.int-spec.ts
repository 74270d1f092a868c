import { randomUUID } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { DEFAULT_RULE_SET, type AwardFormContent, type RuleSetContent } from '@epw/domain';
import {
  DEMO_PASSWORD,
  createFixtureCluster,
  createOrgAdmin,
  demoPledgeItems,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import { openCyclePhases } from '../support/cycle-phases';
import { createAuthority, recordsOf } from '../support/records-snapshot';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

/**
 * Who may do what: every role against every state-changing action, for its own unit, another unit
 * of the cluster, and a unit of another cluster. A denial is a 401/403 with its code (or the
 * refusal named in the table) and changes nothing: the records of the units, cycles and
 * nominations involved, and the audit entries of every actor, are compared before and after.
 * Actions run in the order of the table; the allowed actor goes last, moving the state on for the
 * next action. Then every read (GET) route, against the state the actions left: who reads each
 * resource, who is refused, and which lists show a record to whom.
 */

const YEAR = 2026;
const ACTORS = [
  'anonymous',
  'admin',
  'officerU',
  'signerU',
  'officerV',
  'signerV',
  'head',
  'headOfficer',
  'deputy',
  'otherClusterSigner',
  'otherClusterHead',
  'reviewer',
  'council',
  'authority',
  'otherReviewer',
  'otherCouncil',
  'otherAuthority',
  'orgAdminU',
  'orgAdminOther',
  'outsider',
] as const;
type Actor = (typeof ACTORS)[number];
/** Organisation administrators (of unit U's subtree, of a unit of another cluster): tried only on
 * the actions that name them. */
const ORG_ADMINS: Actor[] = ['orgAdminU', 'orgAdminOther'];
/** Actors tried on a state-changing action only when it names them: the organisation
 * administrators, and the officer of a unit in no cluster and beneath no one (the outsider of
 * the read table). */
const NAMED_ONLY: Actor[] = [...ORG_ADMINS, 'outsider'];
/** Actors whose unit is not a member of cluster A (another cluster, or an authority). */
const NON_MEMBERS: Actor[] = [
  'otherClusterSigner',
  'otherClusterHead',
  'reviewer',
  'council',
  'authority',
  'otherReviewer',
  'otherCouncil',
  'otherAuthority',
];
const AUTHORITY_ROLES: Actor[] = [
  'reviewer',
  'council',
  'authority',
  'otherReviewer',
  'otherCouncil',
  'otherAuthority',
];

interface Outcome {
  status: number;
  code?: string;
}
interface Request {
  method: string;
  path: string;
  body?: unknown;
}
interface Action {
  name: string;
  request: (actor: Actor) => Request;
  /** Allowed actors and what they get, in the order they act (after every denial). */
  allow?: [Actor, Outcome][];
  /** Refusals other than the default: a code (403), or a full outcome. */
  deny?: Partial<Record<Actor, string | Outcome>>;
  /** The code every other actor gets; without it only the listed actors are tried. */
  otherwise?: string;
  before?: () => Promise<void>;
}
interface Problem {
  code: string;
}

const forbidden = (code: string): Outcome => ({
  status: code === 'UNAUTHENTICATED' ? 401 : 403,
  code,
});

describe('authorization matrix: every role × every state-changing action', () => {
  let sys: TestSystem;
  let a: FixtureCluster;
  let b: FixtureCluster;
  let own: AuthorityAccounts;
  let other: AuthorityAccounts;
  const suffix = uniqueSuffix();
  const sfx = suffix.toLowerCase();
  const holiday = `2099-${String(1 + Math.floor(Math.random() * 12)).padStart(2, '0')}-${String(
    1 + Math.floor(Math.random() * 28),
  ).padStart(2, '0')}`;
  const usernames = {} as Record<Exclude<Actor, 'anonymous'>, string>;
  /** Each actor's user id: the audit entries of its accepted actions carry it. */
  const actorIds = {} as Record<Exclude<Actor, 'anonymous'>, string>;
  /** Route templates whose accepted (2xx) request wrote an audit entry under its actor. */
  const audited = new Set<string>();
  let templates: string[] = [];
  const ids = {
    actors: [] as string[],
    units: [] as string[],
    clusters: [] as string[],
    councilMembers: [] as string[],
  };
  const workflows: string[] = [];
  const ctx = {
    c1: '',
    c2: '',
    c3: '',
    roundId: '',
    n1: '',
    n2: '',
    n3: '',
    n4: '',
    n5: '',
    objectionId: '',
    decisionId: '',
    awardId: '',
    editUnitId: '',
    editClusterId: '',
    editUserId: '',
    forms: { chain: '', posting: '', decide: '', revise: '' },
  };
  let U: FixtureUnit;
  let V: FixtureUnit;
  let W: FixtureUnit;
  let H: FixtureUnit;
  let D: FixtureUnit;
  /** A unit in no cluster and beneath no one; a unit beneath U with a person. */
  let outsiderUnitId = '';
  const child = { unitId: '', personId: '' };

  // ── helpers ──────────────────────────────────────────────────────────────────────────────────
  const send = (actor: Actor, r: Request) =>
    sys.http.as<Problem>(actor === 'anonymous' ? null : usernames[actor], r.method, r.path, r.body);
  const unitOf = (actor: Actor): string | null => {
    const map: Partial<Record<Actor, string>> = {
      officerU: U.id,
      signerU: U.id,
      officerV: V.id,
      signerV: V.id,
      head: H.id,
      headOfficer: H.id,
      deputy: D.id,
      otherClusterSigner: b.units[0]?.id,
      otherClusterHead: b.head.id,
      reviewer: own.id,
      council: own.id,
      authority: own.id,
      otherReviewer: other.id,
      otherCouncil: other.id,
      otherAuthority: other.id,
      orgAdminU: U.id,
      orgAdminOther: b.units[0]?.id,
      outsider: outsiderUnitId,
    };
    return map[actor] ?? null;
  };

  /** The records this test's actors and units could touch. */
  const snapshot = () =>
    recordsOf(sys.prisma, {
      actors: ids.actors,
      units: ids.units,
      clusters: ids.clusters,
      holiday,
    });
  const auditCountOf = async (actor: Actor): Promise<number> => {
    if (actor === 'anonymous') return 0;
    return sys.prisma.auditLog.count({ where: { actorUserId: actorIds[actor] } });
  };
  /** Workflows write their records right after they answer: wait until nothing moves. */
  const settle = async () => {
    let last: string | undefined;
    await waitFor(
      async () => {
        const now = JSON.stringify(await snapshot());
        const stable = now === last;
        last = now;
        return stable;
      },
      { timeoutMs: 15_000, intervalMs: 250, description: 'the records to settle' },
    );
  };
  const nomination = async (id: string) =>
    (
      await sys.http.as<{ status: string; currentStep: { key: string } | null }>(
        usernames.admin,
        'GET',
        `/nominations/${id}`,
      )
    ).body;
  const waitStep = (id: string, key: string, status = 'IN_REVIEW') =>
    waitFor(
      async () => {
        const n = await nomination(id);
        return n.status === status && n.currentStep?.key === key ? n : undefined;
      },
      { timeoutMs: 30_000, description: `nomination ${id} at ${key} (${status})` },
    );
  const waitStatus = (id: string, status: string) =>
    waitFor(async () => (await nomination(id)).status === status, {
      timeoutMs: 30_000,
      description: `nomination ${id} ${status}`,
    });
  const expectOk = async (actor: Actor, r: Request, status = 200) => {
    const res = await send(actor, r);
    if (res.status !== status) throw new Error(`${r.method} ${r.path}: ${JSON.stringify(res)}`);
    return res.body as unknown as Record<string, unknown>;
  };

  const doc = (kind = 'to-trinh') => ({
    kind,
    fileName: `${kind}.pdf`,
    mediaType: 'application/pdf',
    contentBase64: Buffer.from('%PDF-1.4\n% authorization matrix\n').toString('base64'),
  });
  const nominate = (actor: Actor, formCode: string, nomineeUnitId: string) =>
    send(actor, {
      method: 'POST',
      path: '/nominations',
      body: {
        formCode,
        nomineeKind: 'UNIT',
        nomineeUnitId,
        year: YEAR,
        achievement: `Thành tích xuất sắc năm ${YEAR} (kiểm thử phân quyền)`,
        documents: [doc()],
      },
    });
  const step = (id: string, key: string, decision = 'APPROVE', reason?: string): Request => ({
    method: 'POST',
    path: `/nominations/${id}/steps/${key}`,
    body: { decision, ...(reason ? { reason } : {}) },
  });
  const form = (code: string, chain: AwardFormContent['chain']): AwardFormContent => ({
    code,
    name: { vi: `Danh hiệu kiểm thử ${code}`, en: `Test title ${code}` },
    category: 'TITLE',
    level: 'BASE',
    authorityCode: own.code,
    nomineeKinds: ['UNIT'],
    dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
    chain,
    reminders: { offsetsWorkingDays: [1] },
    quota: null,
    eligibility: null,
    certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Thành tích năm {year}' },
  });
  const approval = (key: string, actor: 'PROPOSER_HEAD' | 'CLUSTER_HEAD' | 'AUTHORITY_BOARD') =>
    ({
      key,
      kind: 'APPROVAL',
      actor,
      title: { vi: key, en: key },
      slaWorkingDays: 20,
    }) as const;
  const createCycle = async (movementCode: string, calendarScale = 365) =>
    (
      await expectOk(
        'admin',
        {
          method: 'POST',
          path: '/cycles',
          body: {
            clusterId: a.clusterId,
            movementCode,
            movementName: `Phong trào kiểm thử ${movementCode}`,
            periodKind: 'YEAR',
            periodLabel: String(YEAR),
            startsOn: `${YEAR}-01-01`,
            endsOn: `${YEAR}-12-31`,
            calendarScale,
            pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
          },
        },
        201,
      )
    )['id'] as string;

  // ── the world: two clusters, three cycles, the authorities, nominations at every step ────────
  beforeAll(async () => {
    sys = await startTestSystem();
    a = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    b = await createFixtureCluster(sys.prisma, `${suffix}B`, [YEAR]);
    // The default forms (an earlier award is recorded under one); the deciding authorities are
    // this test's own, so nobody else's actions show up in its records.
    await ensureCommendationSetup(sys.prisma);
    own = await createAuthority(sys.prisma, `AZ-OWN-${suffix}`);
    other = await createAuthority(sys.prisma, `AZ-OTHER-${suffix}`);
    const member = (role: string, i: number) => a.units.filter((u) => u.role === role)[i];
    U = member('MEMBER', 0);
    V = member('MEMBER', 1);
    W = member('MEMBER', 2);
    H = a.head;
    D = member('DEPUTY', 0);
    Object.assign(usernames, {
      admin: a.admin,
      officerU: U.officer,
      signerU: U.signer,
      officerV: V.officer,
      signerV: V.signer,
      head: H.signer,
      headOfficer: H.officer,
      deputy: D.signer,
      otherClusterSigner: b.units[0]?.signer,
      otherClusterHead: b.head.signer,
      reviewer: own.reviewer,
      council: own.council[0],
      authority: own.leader,
      otherReviewer: other.reviewer,
      otherCouncil: other.council[0],
      otherAuthority: other.leader,
      orgAdminU: `org-admin-u-${sfx}`,
      orgAdminOther: `org-admin-other-${sfx}`,
      outsider: `outsider-${sfx}`,
    });
    await createOrgAdmin(sys.prisma, usernames.orgAdminU, U.id);
    await createOrgAdmin(sys.prisma, usernames.orgAdminOther, b.units[0]?.id ?? b.head.id);
    outsiderUnitId = randomUUID();
    await sys.prisma.unit.create({
      data: {
        id: outsiderUnitId,
        code: `AZ-OUT-${suffix}`,
        name: 'Đơn vị ngoài cụm (kiểm thử)',
        path: `/${outsiderUnitId}/`,
      },
    });
    await sys.prisma.user.create({
      data: {
        username: usernames.outsider,
        fullName: 'Cán bộ đơn vị ngoài cụm',
        unitId: outsiderUnitId,
        roles: ['UNIT_OFFICER', 'UNIT_SIGNER'],
        passwordHash: await hash(DEMO_PASSWORD),
      },
    });
    child.unitId = randomUUID();
    const uPath = (await sys.prisma.unit.findUniqueOrThrow({ where: { id: U.id } })).path;
    await sys.prisma.unit.create({
      data: {
        id: child.unitId,
        code: `AZ-CHILD-${suffix}`,
        name: 'Chi bộ trực thuộc U (kiểm thử)',
        parentId: U.id,
        path: `${uPath || `/${U.id}/`}${child.unitId}/`,
      },
    });
    child.personId = (
      await sys.prisma.person.create({
        data: { unitId: child.unitId, fullName: 'Lê Thị Trực Thuộc' },
      })
    ).id;
    const users = await sys.prisma.user.findMany({
      where: { username: { in: Object.values(usernames) } },
    });
    ids.actors = users.map((u) => u.id);
    for (const [actor, username] of Object.entries(usernames)) {
      const id = users.find((u) => u.username === username)?.id;
      if (id) actorIds[actor as Exclude<Actor, 'anonymous'>] = id;
    }
    templates = Object.keys(
      (await sys.http.request<{ paths: Record<string, unknown> }>('GET', '/docs/openapi.json')).body
        .paths,
    );
    ids.units = [...a.units, ...b.units].map((u) => u.id);
    ids.clusters = [a.clusterId, b.clusterId];
    ids.councilMembers = (
      await sys.prisma.user.findMany({
        where: { username: { in: own.council } },
        orderBy: { username: 'asc' },
      })
    ).map((u) => u.id);

    // C1: the pledge-signing round (opened by the first action).
    ctx.c1 = await createCycle('DVK');
    ctx.roundId = `pledge-signing-${a.clusterCode}-DVK-${YEAR}`;
    workflows.push(ctx.roundId);

    // C2: registration, reviews, vote and election open side by side, started directly.
    ctx.c2 = await createCycle('TDA');
    workflows.push(
      ...(await openCyclePhases(
        sys,
        a,
        { id: ctx.c2, movementCode: 'TDA', periodLabel: String(YEAR) },
        { deputyUnitId: D.id, candidates: [U.id, V.id, W.id] },
      )),
    );

    // C3: a real cycle whose registration closes within seconds, for late requests: its inputs
    // (the deputy who decides on the head's own late registration) come from the cycle planner.
    const rules: RuleSetContent = {
      ...DEFAULT_RULE_SET,
      calendar: {
        phases: [
          { phase: 'PLEDGE_SIGNING', opensAtFraction: 0, durationWorkingDays: 150 },
          { phase: 'REGISTRATION', opensAtFraction: 0, durationWorkingDays: 1 },
          { phase: 'INTERIM_REVIEW', opensAtFraction: 0.9, durationWorkingDays: 2 },
          { phase: 'FINAL_REVIEW', opensAtFraction: 0.92, durationWorkingDays: 2 },
          { phase: 'VOTE', opensAtFraction: 0.94, durationWorkingDays: 2 },
          { phase: 'NOMINATION', opensAtFraction: 0.95, durationWorkingDays: 2 },
          { phase: 'COMMENDATION', opensAtFraction: 0.96, durationWorkingDays: 2 },
          { phase: 'ELECTION', opensAtFraction: 0.97, durationWorkingDays: 2 },
        ],
      },
    };
    const ruleSetCode = `AUTHZ-${suffix}`;
    await expectOk(
      'admin',
      {
        method: 'POST',
        path: '/rule-sets',
        body: { code: ruleSetCode, name: 'Lịch ngắn', content: rules },
      },
      201,
    );
    // A year in 20 minutes: one calendar day is about 3 s.
    ctx.c3 = await createCycle('TDB', (365 * 86_400) / 1200);
    await expectOk(
      'admin',
      { method: 'POST', path: `/cycles/${ctx.c3}/start`, body: { ruleSetCode } },
      201,
    );
    await waitFor(
      async () => {
        const run = await sys.http.as<{ phases: { phase: string; status: string }[] }>(
          usernames.admin,
          'GET',
          `/cycles/${ctx.c3}/run`,
        );
        return run.body.phases?.find((p) => p.phase === 'REGISTRATION' && p.status === 'CLOSED');
      },
      { timeoutMs: 60_000, intervalMs: 500, description: 'registration of C3 to close' },
    );
    const lateBody = (unitId: string) => ({
      unitId,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [],
      reason: 'Đơn vị tổ chức đại hội nên đăng ký chậm',
    });
    await expectOk('headOfficer', {
      method: 'POST',
      path: `/cycles/${ctx.c3}/registrations/late`,
      body: lateBody(H.id),
    });

    // Award forms as data: a full chain, a posting only, a single sign-off (twice).
    for (const [k, chain] of [
      [
        'chain',
        [
          approval('unit-head', 'PROPOSER_HEAD'),
          approval('cluster', 'CLUSTER_HEAD'),
          approval('appraisal', 'AUTHORITY_BOARD'),
          {
            key: 'council-vote',
            kind: 'COUNCIL_VOTE',
            actor: 'AUTHORITY_COUNCIL',
            title: { vi: 'Hội đồng', en: 'Council' },
            slaWorkingDays: 20,
            thresholdPercent: 50,
          },
        ],
      ],
      [
        'posting',
        [
          {
            key: 'posting',
            kind: 'POSTING',
            actor: 'AUTHORITY_BOARD',
            title: { vi: 'Công khai', en: 'Posting' },
            slaWorkingDays: 20,
            postingWorkingDays: 10,
          },
        ],
      ],
      ['decide', [approval('unit-head', 'PROPOSER_HEAD')]],
      ['revise', [approval('unit-head', 'PROPOSER_HEAD')]],
    ] as [keyof typeof ctx.forms, AwardFormContent['chain']][]) {
      const code = `AZ-${k.toUpperCase()}-${suffix}`;
      ctx.forms[k] = code;
      await expectOk(
        'admin',
        { method: 'POST', path: '/award-forms', body: form(code, chain) },
        201,
      );
    }
    const created = (res: Awaited<ReturnType<typeof nominate>>) => {
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      const body = res.body as unknown as { id: string; workflowId: string };
      workflows.push(body.workflowId);
      return body.id;
    };
    // N2: the head unit's own nomination, past its unit-head step: the deputy reviews it.
    ctx.n2 = created(await nominate('headOfficer', ctx.forms.chain, H.id));
    await waitStep(ctx.n2, 'unit-head');
    await expectOk('head', step(ctx.n2, 'unit-head'));
    // N3: publicly posted, with an objection.
    ctx.n3 = created(await nominate('officerU', ctx.forms.posting, U.id));
    await waitStep(ctx.n3, 'posting', 'POSTED');
    await expectOk('signerV', {
      method: 'POST',
      path: `/nominations/${ctx.n3}/objections`,
      body: { text: 'Đề nghị làm rõ số liệu báo cáo' },
    });
    ctx.objectionId = await waitFor(async () => {
      const o = await sys.prisma.objection.findFirst({ where: { nominationId: ctx.n3 } });
      return o?.id;
    });
    // N4: awaiting the decision.
    ctx.n4 = created(await nominate('officerU', ctx.forms.decide, U.id));
    await waitStep(ctx.n4, 'unit-head');
    await expectOk('signerU', step(ctx.n4, 'unit-head'));
    await waitStatus(ctx.n4, 'AWAITING_DECISION');
    // N5: returned for revision.
    ctx.n5 = created(await nominate('officerU', ctx.forms.revise, U.id));
    await waitStep(ctx.n5, 'unit-head');
    await expectOk('signerU', step(ctx.n5, 'unit-head', 'RETURN', 'Bổ sung tờ trình có chữ ký'));
    await waitStatus(ctx.n5, 'RETURNED');
    // Every actor logs in now: a first login stores a refresh token, which is not a denial's doing.
    for (const username of Object.values(usernames)) await sys.http.login(username);
    await settle();
  }, 240_000);

  afterAll(async () => {
    if (sys) {
      await sys.prisma.deadline.updateMany({
        where: {
          OR: [
            { cycleId: { in: [ctx.c1, ctx.c2, ctx.c3].filter(Boolean) } },
            { subjectId: { in: workflows } },
          ],
        },
        data: { status: 'CANCELLED' },
      });
      await terminateCycles(sys.temporal, [
        `${a.clusterCode}-DVK-${YEAR}`,
        `${a.clusterCode}-TDA-${YEAR}`,
        `${a.clusterCode}-TDB-${YEAR}`,
      ]);
      await Promise.all(
        workflows.map((id) =>
          sys.temporal.workflow
            .getHandle(id)
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
      await sys.prisma.holiday.deleteMany({ where: { date: new Date(`${holiday}T00:00:00Z`) } });
    }
    await sys?.close();
  }, 60_000);

  // ── the table ────────────────────────────────────────────────────────────────────────────────
  const SCORES = { C1: 18, C2: 27, C3: 22, C4: 13, C5: 9 };
  const registration = (unitId: string) => ({
    unitId,
    titles: ['Tập thể lao động xuất sắc'],
    initiatives: [
      {
        kind: 'MODEL',
        field: 'Dân vận',
        isNew: true,
        ownerType: 'COLLECTIVE',
        ownerName: 'Chi bộ cơ quan',
        title: 'Mô hình "Dân vận khéo" kiểm thử',
        description: 'Mô tả mô hình dân vận khéo để kiểm thử phân quyền.',
      },
    ],
  });
  /** Records the organisation-tree rows create (a unit beneath U). */
  const orgCtx = { subUnitId: '' };
  const actions: Action[] = [
    // Pledge signing
    {
      name: 'open the signing round',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c1}/signing-round`,
        body: { deadline: `${YEAR}-12-15` },
      }),
      allow: [['head', { status: 201 }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: 'amend the pledge',
      before: () =>
        waitFor(() => sys.prisma.signingRound.findUnique({ where: { id: ctx.roundId } })).then(),
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/amend`,
        body: {
          baseVersion: 1,
          items: ['Điều khoản sửa đổi thứ nhất', 'Điều khoản sửa đổi thứ hai'],
          reason: 'Bổ sung chỉ tiêu theo chỉ đạo mới',
        },
      }),
      allow: [['head', { status: 200 }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: 'move the signing deadline',
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/deadline`,
        body: { deadline: `${YEAR}-12-20`, reason: 'Chờ ý kiến các đơn vị thành viên' },
      }),
      allow: [['head', { status: 200 }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: "decline the pledge for unit U (a unit's signer, for that unit only)",
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/decline`,
        body: { unitId: U.id, version: 2, reason: 'Chưa thống nhất chỉ tiêu số 2' },
      }),
      allow: [['signerU', { status: 200 }]],
      deny: { officerU: 'NOT_A_SIGNER' },
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'sign the pledge for unit U',
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/sign`,
        body: { unitId: U.id, version: 2 },
      }),
      allow: [['signerU', { status: 200 }]],
      deny: { officerU: 'NOT_A_SIGNER' },
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'sign the pledge for its own unit, not a member of the cluster',
      request: (actor) => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/sign`,
        body: { unitId: unitOf(actor), version: 2 },
      }),
      deny: Object.fromEntries(NON_MEMBERS.map((x) => [x, 'UNIT_NOT_MEMBER'])),
    },
    {
      name: 'countersign (the head; here refused because not all have signed)',
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/countersign`,
        body: { version: 2 },
      }),
      allow: [['head', { status: 409, code: 'NOT_ALL_SIGNED' }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: "add a personal signature to the signed copy (a member unit's signer; the round is not in effect yet)",
      request: () => ({
        method: 'POST',
        path: `/signing-rounds/${ctx.roundId}/signed-copy/signatures`,
        body: { certificateBase64: 'MIIB', password: 'x' },
      }),
      allow: [
        ['signerU', { status: 409, code: 'SIGNED_COPY_NOT_READY' }],
        ['signerV', { status: 409, code: 'SIGNED_COPY_NOT_READY' }],
        ['deputy', { status: 409, code: 'SIGNED_COPY_NOT_READY' }],
        ['head', { status: 409, code: 'SIGNED_COPY_NOT_READY' }],
      ],
      otherwise: 'NOT_A_SIGNER',
    },
    // Registration
    {
      name: 'register unit U',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/registrations`,
        body: registration(U.id),
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 200 }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'register its own unit, not a member of the cluster',
      request: (actor) => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/registrations`,
        body: registration(unitOf(actor) ?? ''),
      }),
      deny: Object.fromEntries(NON_MEMBERS.map((x) => [x, 'UNIT_NOT_MEMBER'])),
    },
    {
      name: 'ask for a late registration of unit U',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c3}/registrations/late`,
        body: { ...registration(U.id), reason: 'Đơn vị nhận văn bản hướng dẫn muộn' },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 409, code: 'ALREADY_REGISTERED' }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: "decide on unit U's late registration (the head)",
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c3}/registrations/${U.id}/late-decision`,
        body: { approve: true, note: 'Đồng ý cho đăng ký muộn' },
      }),
      allow: [['head', { status: 200 }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: "decide on the head unit's own late registration (the deputy, never the head)",
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c3}/registrations/${H.id}/late-decision`,
        body: { approve: true, note: 'Cụm phó đồng ý cho đăng ký muộn' },
      }),
      allow: [['deputy', { status: 200 }]],
      deny: { head: 'SELF_APPROVAL_FORBIDDEN', headOfficer: 'SELF_APPROVAL_FORBIDDEN' },
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    // Review and assessment
    {
      name: 'declare a conflict of interest of unit U towards unit V',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/final/conflicts`,
        body: { assessorUnitId: U.id, subjectUnitId: V.id, reason: 'Hai đơn vị có chung lãnh đạo' },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 200 }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'declare a conflict of interest of unit U towards itself',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/final/conflicts`,
        body: { assessorUnitId: U.id, subjectUnitId: U.id, reason: 'Tự khai báo với chính mình' },
      }),
      deny: { officerU: 'SELF_SCORING_FORBIDDEN', signerU: 'SELF_SCORING_FORBIDDEN' },
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'self-assess unit U (final review)',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/final/self`,
        body: { unitId: U.id, scores: SCORES, evidence: 'Báo cáo tổng kết số 12/BC' },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 200 }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'report interim progress of unit U',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/interim/progress`,
        body: { unitId: U.id, items: [{ itemIndex: 0, percent: 60, note: 'Đang thực hiện' }] },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 200 }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'cross-assess unit W as unit U',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/final/peer`,
        body: { assessorUnitId: U.id, subjectUnitId: W.id, scores: SCORES },
      }),
      allow: [
        ['signerU', { status: 200 }],
        ['officerU', { status: 200 }],
      ],
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'cross-assess unit U as unit U (a unit never scores itself)',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/assessments/final/peer`,
        body: { assessorUnitId: U.id, subjectUnitId: U.id, scores: SCORES },
      }),
      deny: { officerU: 'SELF_SCORING_FORBIDDEN', signerU: 'SELF_SCORING_FORBIDDEN' },
      otherwise: 'WRONG_UNIT',
    },
    // Vote and election
    {
      name: 'vote as unit U',
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/vote`,
        body: { voterUnitId: U.id, approve: [V.id] },
      }),
      allow: [['signerU', { status: 200 }]],
      deny: { officerU: 'NOT_A_SIGNER' },
      otherwise: 'WRONG_UNIT',
    },
    {
      name: 'vote for its own unit, not a member of the cluster',
      request: (actor) => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/vote`,
        body: { voterUnitId: unitOf(actor), approve: [] },
      }),
      deny: Object.fromEntries(NON_MEMBERS.map((x) => [x, 'UNIT_NOT_MEMBER'])),
    },
    {
      name: "record absent unit V's written vote (the head)",
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/vote`,
        body: { voterUnitId: V.id, approve: [W.id], written: true },
      }),
      allow: [['head', { status: 200 }]],
      otherwise: 'NOT_CLUSTER_HEAD',
    },
    {
      name: "elect next period's head and deputy as unit U",
      request: () => ({
        method: 'POST',
        path: `/cycles/${ctx.c2}/election`,
        body: { voterUnitId: U.id, headUnitId: D.id, deputyUnitId: W.id },
      }),
      allow: [['signerU', { status: 200 }]],
      deny: { officerU: 'NOT_A_SIGNER' },
      otherwise: 'WRONG_UNIT',
    },
    // Nominations
    {
      name: 'nominate unit U',
      request: () => ({
        method: 'POST',
        path: '/nominations',
        body: {
          formCode: ctx.forms.chain,
          nomineeKind: 'UNIT',
          nomineeUnitId: U.id,
          year: YEAR,
          achievement: `Thành tích xuất sắc năm ${YEAR} (kiểm thử phân quyền)`,
          documents: [doc()],
        },
      }),
      allow: [
        ['officerU', { status: 201 }],
        // Its own unit's signer may propose too; one achievement, one award.
        ['signerU', { status: 409, code: 'ONE_ACHIEVEMENT_ONE_AWARD' }],
      ],
      otherwise: 'NOT_PROPOSER_UNIT',
    },
    {
      name: "approve N1's unit-head step (the proposer's signer)",
      before: async () => {
        const n = await sys.prisma.nomination.findFirstOrThrow({
          where: { unitId: U.id, formCode: ctx.forms.chain },
        });
        ctx.n1 = n.id;
        workflows.push(n.workflowId);
        await waitStep(ctx.n1, 'unit-head');
      },
      request: () => step(ctx.n1, 'unit-head'),
      allow: [['signerU', { status: 200 }]],
      otherwise: 'NOT_STEP_ACTOR',
    },
    {
      name: "approve N1's cluster step (the head, never the nominee's unit)",
      before: () => waitStep(ctx.n1, 'cluster').then(),
      request: () => step(ctx.n1, 'cluster'),
      allow: [['head', { status: 200 }]],
      deny: { officerU: 'SELF_APPROVAL_FORBIDDEN', signerU: 'SELF_APPROVAL_FORBIDDEN' },
      otherwise: 'NOT_STEP_ACTOR',
    },
    {
      name: "approve the head unit's own nomination at the cluster step (the deputy)",
      before: () => waitStep(ctx.n2, 'cluster').then(),
      request: () => step(ctx.n2, 'cluster'),
      allow: [['deputy', { status: 200 }]],
      deny: { head: 'SELF_APPROVAL_FORBIDDEN', headOfficer: 'SELF_APPROVAL_FORBIDDEN' },
      otherwise: 'NOT_STEP_ACTOR',
    },
    {
      name: "approve N1's appraisal (the deciding authority's board)",
      before: () => waitStep(ctx.n1, 'appraisal').then(),
      request: () => step(ctx.n1, 'appraisal'),
      allow: [['reviewer', { status: 200 }]],
      deny: { officerU: 'SELF_APPROVAL_FORBIDDEN', signerU: 'SELF_APPROVAL_FORBIDDEN' },
      otherwise: 'NOT_STEP_ACTOR',
    },
    {
      name: 'cast a council ballot on N1 (one per member)',
      before: () => waitStep(ctx.n1, 'council-vote', 'VOTING').then(),
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n1}/council-ballots`,
        body: { approve: true },
      }),
      allow: [
        ['council', { status: 200 }],
        ['council', { status: 409, code: 'ALREADY_VOTED' }],
      ],
      otherwise: 'NOT_COUNCIL_MEMBER',
    },
    {
      name: "record an absent council member's written ballot on N1",
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n1}/council-ballots`,
        body: { approve: false, onBehalfOfUserId: ids.councilMembers[1] },
      }),
      allow: [['council', { status: 200 }]],
      otherwise: 'NOT_COUNCIL_MEMBER',
    },
    {
      name: 'resolve an objection to N3 (the board, never the nominee)',
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n3}/objections/${ctx.objectionId}/resolution`,
        body: { upheld: false, resolution: 'Đơn vị đã cung cấp đủ số liệu' },
      }),
      allow: [['reviewer', { status: 200 }]],
      deny: { officerU: 'SELF_APPROVAL_FORBIDDEN', signerU: 'SELF_APPROVAL_FORBIDDEN' },
      otherwise: 'NOT_STEP_ACTOR',
    },
    {
      name: 'revise the dossier of returned N5 (its proposer)',
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n5}/documents`,
        body: { documents: [doc()] },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 200 }],
      ],
      otherwise: 'NOT_PROPOSER_UNIT',
    },
    {
      name: 'resubmit returned N5 (its proposer)',
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n5}/resubmit`,
        body: { note: 'Đã bổ sung tờ trình' },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 409, code: 'NOMINATION_NOT_AT_STEP' }],
      ],
      otherwise: 'NOT_PROPOSER_UNIT',
    },
    {
      name: 'withdraw N3 (its proposer)',
      request: () => ({
        method: 'POST',
        path: `/nominations/${ctx.n3}/withdraw`,
        body: { reason: 'Đơn vị rút hồ sơ để hoàn thiện' },
      }),
      allow: [
        ['officerU', { status: 200 }],
        ['signerU', { status: 409, code: 'NOMINATION_NOT_AT_STEP' }],
      ],
      otherwise: 'NOT_PROPOSER_UNIT',
    },
    // Decisions and awards
    {
      name: 'draft a decision on N4 (the deciding authority only)',
      request: () => ({
        method: 'POST',
        path: '/decisions',
        body: {
          number: `${Math.floor(Math.random() * 9000) + 1000}/QĐ-${suffix}`,
          signedOn: `${YEAR}-10-12`,
          title: 'Quyết định khen thưởng (kiểm thử phân quyền)',
          signerTitle: 'CHỦ TỊCH',
          nominationIds: [ctx.n4],
        },
      }),
      allow: [['authority', { status: 201 }]],
      deny: { otherAuthority: 'WRONG_AUTHORITY' },
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'issue the decision',
      before: async () => {
        const d = await sys.prisma.decision.findFirstOrThrow({
          where: { nominationIds: { has: ctx.n4 } },
        });
        ctx.decisionId = d.id;
      },
      request: () => ({ method: 'POST', path: `/decisions/${ctx.decisionId}/issue` }),
      allow: [['authority', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'revoke the award',
      before: async () => {
        const award = await sys.prisma.award.findFirstOrThrow({
          where: { decisionId: ctx.decisionId },
        });
        ctx.awardId = award.id;
      },
      request: () => ({
        method: 'POST',
        path: `/awards/${ctx.awardId}/revoke`,
        body: { reason: 'Hồ sơ kê khai không trung thực' },
      }),
      allow: [['authority', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'record the recovery of the revoked award',
      request: () => ({
        method: 'POST',
        path: `/awards/${ctx.awardId}/recovery`,
        body: { note: 'Đã thu hồi hiện vật và tiền thưởng' },
      }),
      allow: [['authority', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'record an earlier award (administrators)',
      request: () => ({
        method: 'POST',
        path: '/awards/history',
        body: { formCode: 'GK-BDV', year: 2020, recipientKind: 'UNIT', recipientId: U.id },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    // Rules, calendar and forms (administrators)
    {
      name: 'publish a rule set',
      request: () => ({
        method: 'POST',
        path: '/rule-sets',
        body: { code: `AUTHZ-RS-${suffix}`, name: 'Quy chế kiểm thử', content: DEFAULT_RULE_SET },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'set a holiday',
      request: () => ({
        method: 'PUT',
        path: `/holidays/${holiday}`,
        body: { name: 'Ngày nghỉ kiểm thử' },
      }),
      allow: [['admin', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'remove a holiday',
      request: () => ({ method: 'DELETE', path: `/holidays/${holiday}` }),
      allow: [['admin', { status: 204 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'publish an award form',
      request: () => ({
        method: 'POST',
        path: '/award-forms',
        body: form(`AZ-NEW-${suffix}`, [approval('unit-head', 'PROPOSER_HEAD')]),
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'create a cycle',
      request: () => ({
        method: 'POST',
        path: '/cycles',
        body: {
          clusterId: a.clusterId,
          movementCode: 'TDC',
          movementName: 'Phong trào kiểm thử TDC',
          periodKind: 'YEAR',
          periodLabel: String(YEAR),
          startsOn: `${YEAR}-01-01`,
          endsOn: `${YEAR}-12-31`,
          pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
        },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'start a cycle (already started here)',
      request: () => ({ method: 'POST', path: `/cycles/${ctx.c3}/start`, body: {} }),
      allow: [['admin', { status: 409, code: 'CYCLE_ALREADY_STARTED' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'schedule yearly cycles (of an unknown cluster here)',
      request: () => ({
        method: 'POST',
        path: '/schedules',
        body: { clusterId: randomUUID(), movementCode: 'DVK', movementName: 'Phong trào' },
      }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'run a schedule now (an unknown one here)',
      request: () => ({ method: 'POST', path: `/schedules/unknown-${sfx}/trigger` }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'retry a dead letter (an unknown one here)',
      request: () => ({ method: 'POST', path: `/admin/dead-letters/unknown-${sfx}/retry` }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    // The directory (administrators)
    {
      name: 'create a unit',
      request: () => ({
        method: 'POST',
        path: '/admin/units',
        body: { code: `AUTHZ-U-${suffix}`, name: 'Đơn vị kiểm thử' },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit a unit (an unknown one here)',
      request: () => ({ method: 'PATCH', path: `/admin/units/${randomUUID()}`, body: {} }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'create a cluster',
      request: () => ({
        method: 'POST',
        path: '/admin/clusters',
        body: { code: `AUTHZ-C-${suffix}`, name: 'Cụm kiểm thử' },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit a cluster (an unknown one here)',
      request: () => ({ method: 'PATCH', path: `/admin/clusters/${randomUUID()}`, body: {} }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "replace a cluster's members of a year (an unknown cluster here)",
      request: () => ({
        method: 'PUT',
        path: `/admin/clusters/${randomUUID()}/memberships/2031`,
        body: { members: [{ unitId: U.id, role: 'HEAD' }] },
      }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'create an account',
      request: () => ({
        method: 'POST',
        path: '/admin/users',
        body: {
          username: `authz-${sfx}`,
          fullName: 'Tài khoản kiểm thử',
          roles: ['REVIEWER'],
          password: 'mat-khau-kiem-thu',
        },
      }),
      allow: [['admin', { status: 201 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit an account (an unknown one here)',
      request: () => ({ method: 'PATCH', path: `/admin/users/${randomUUID()}`, body: {} }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "reset an account's password (an unknown one here)",
      request: () => ({
        method: 'POST',
        path: `/admin/users/${randomUUID()}/password`,
        body: { password: 'mat-khau-kiem-thu' },
      }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "reset an account's second factor (an unknown one here)",
      request: () => ({
        method: 'POST',
        path: `/admin/users/${randomUUID()}/second-factor/reset`,
      }),
      allow: [['admin', { status: 404, code: 'NOT_FOUND' }]],
      otherwise: 'FORBIDDEN',
    },
    // People and headcount
    {
      name: 'add a person to unit U (its officers, or an administrator)',
      request: () => ({
        method: 'POST',
        path: `/units/${U.id}/people`,
        body: { fullName: 'Nguyễn Văn Kiểm Thử', position: 'Đảng viên' },
      }),
      allow: [
        ['officerU', { status: 201 }],
        ['signerU', { status: 201 }],
        ['admin', { status: 201 }],
      ],
      deny: Object.fromEntries(AUTHORITY_ROLES.map((x) => [x, 'FORBIDDEN'])),
      otherwise: 'WRONG_UNIT',
    },
    {
      name: "set unit U's headcount (its signer, or an administrator)",
      request: () => ({
        method: 'PUT',
        path: `/units/${U.id}/headcount`,
        body: { headcount: 40 + Math.floor(Math.random() * 50) },
      }),
      allow: [
        ['signerU', { status: 200 }],
        ['admin', { status: 200 }],
      ],
      deny: {
        officerU: 'FORBIDDEN',
        officerV: 'FORBIDDEN',
        headOfficer: 'FORBIDDEN',
        ...Object.fromEntries(AUTHORITY_ROLES.map((x) => [x, 'FORBIDDEN'])),
      },
      otherwise: 'WRONG_UNIT',
    },
    // The directory again, on records of its own: each accepted edit is audited.
    {
      name: 'edit a unit',
      before: async () => {
        const unit = await expectOk(
          'admin',
          {
            method: 'POST',
            path: '/admin/units',
            body: { code: `AUTHZ-E-${suffix}`, name: 'Đơn vị kiểm thử sửa' },
          },
          201,
        );
        ctx.editUnitId = unit['id'] as string;
      },
      request: () => ({
        method: 'PATCH',
        path: `/admin/units/${ctx.editUnitId}`,
        body: { name: 'Đơn vị kiểm thử (đã sửa)' },
      }),
      allow: [['admin', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit a cluster',
      before: async () => {
        const cluster = await expectOk(
          'admin',
          {
            method: 'POST',
            path: '/admin/clusters',
            body: { code: `AUTHZ-E-${suffix}`, name: 'Cụm kiểm thử sửa' },
          },
          201,
        );
        ctx.editClusterId = cluster['id'] as string;
      },
      request: () => ({
        method: 'PATCH',
        path: `/admin/clusters/${ctx.editClusterId}`,
        body: { name: 'Cụm kiểm thử (đã sửa)' },
      }),
      allow: [['admin', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "replace a cluster's members of a year",
      request: () => ({
        method: 'PUT',
        path: `/admin/clusters/${ctx.editClusterId}/memberships/2031`,
        body: { members: [{ unitId: ctx.editUnitId, role: 'HEAD' }] },
      }),
      allow: [['admin', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit an account',
      before: async () => {
        const user = await expectOk(
          'admin',
          {
            method: 'POST',
            path: '/admin/users',
            body: {
              username: `authz-e-${sfx}`,
              fullName: 'Tài khoản kiểm thử sửa',
              roles: ['REVIEWER'],
              password: 'mat-khau-kiem-thu',
            },
          },
          201,
        );
        ctx.editUserId = user['id'] as string;
      },
      request: () => ({
        method: 'PATCH',
        path: `/admin/users/${ctx.editUserId}`,
        body: { fullName: 'Tài khoản kiểm thử (đã sửa)' },
      }),
      allow: [['admin', { status: 200 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "reset an account's password",
      request: () => ({
        method: 'POST',
        path: `/admin/users/${ctx.editUserId}/password`,
        body: { password: 'mat-khau-moi-kiem-thu' },
      }),
      allow: [['admin', { status: 204 }]],
      otherwise: 'FORBIDDEN',
    },
    {
      name: "reset an account's second factor",
      request: () => ({
        method: 'POST',
        path: `/admin/users/${ctx.editUserId}/second-factor/reset`,
      }),
      allow: [['admin', { status: 204 }]],
      otherwise: 'FORBIDDEN',
    },
    // The organisation tree: an organisation administrator keeps the subtree of their unit only.
    {
      name: 'create a unit beneath unit U (its organisation administrator, or an administrator)',
      request: (actor) => ({
        method: 'POST',
        path: '/admin/units',
        body: {
          code: `AZ-SUB-${actor.toUpperCase()}-${suffix}`,
          name: 'Chi bộ kiểm thử',
          parentId: U.id,
          orgKind: 'PARTY_CELL',
        },
      }),
      allow: [
        ['orgAdminU', { status: 201 }],
        ['admin', { status: 201 }],
      ],
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
      otherwise: 'FORBIDDEN',
    },
    {
      name: 'edit a unit beneath unit U (its organisation administrator, or an administrator)',
      before: async () => {
        const unit = await expectOk(
          'admin',
          {
            method: 'POST',
            path: '/admin/units',
            body: { code: `AZ-SUBE-${suffix}`, name: 'Chi bộ kiểm thử sửa', parentId: U.id },
          },
          201,
        );
        orgCtx.subUnitId = unit['id'] as string;
      },
      request: (actor) => ({
        method: 'PATCH',
        path: `/admin/units/${orgCtx.subUnitId}`,
        body: { name: `Chi bộ kiểm thử (sửa bởi ${actor})` },
      }),
      allow: [
        ['orgAdminU', { status: 200 }],
        ['admin', { status: 200 }],
      ],
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
      otherwise: 'FORBIDDEN',
    },
    {
      name: "create an account of unit U (U's organisation administrator, or an administrator)",
      request: (actor) => ({
        method: 'POST',
        path: '/admin/users',
        body: {
          username: `authz-sub-${actor.toLowerCase()}-${sfx}`,
          fullName: 'Cán bộ kiểm thử',
          unitId: U.id,
          roles: ['UNIT_OFFICER'],
          password: 'mat-khau-kiem-thu',
        },
      }),
      allow: [
        ['orgAdminU', { status: 201 }],
        ['admin', { status: 201 }],
      ],
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
      otherwise: 'FORBIDDEN',
    },
    {
      name: "add a person to unit U (U's organisation administrator)",
      request: () => ({
        method: 'POST',
        path: `/units/${U.id}/people`,
        body: { fullName: 'Trần Văn Kiểm Thử', position: 'Đảng viên' },
      }),
      allow: [['orgAdminU', { status: 201 }]],
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
    },
    {
      name: "set unit U's headcount (U's organisation administrator)",
      request: () => ({
        method: 'PUT',
        path: `/units/${U.id}/headcount`,
        // Never a value the earlier headcount row sets (40-89): the change is audited.
        body: { headcount: 123 },
      }),
      allow: [['orgAdminU', { status: 200 }]],
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
    },
    // Bulk imports: administrators; an organisation administrator for rows of their subtree.
    {
      name: 'import people of unit U from a file (administrators, U’s organisation administrator)',
      request: (actor) => ({
        method: 'POST',
        path: '/imports/people?mode=apply',
        body: {
          fileName: 'nguoi.csv',
          contentBase64: Buffer.from(
            `\uFEFFunitCode,fullName\r\n${U.code},Trần Văn Nhập Tệp ${actor}\r\n`,
            'utf8',
          ).toString('base64'),
        },
      }),
      allow: [
        ['orgAdminU', { status: 200 }],
        ['admin', { status: 200 }],
      ],
      deny: { orgAdminOther: { status: 422, code: 'IMPORT_ROWS_INVALID' } },
      otherwise: 'FORBIDDEN',
    },
    // Proposal lists: a unit's office (officer or signer) proposes nominees of its subtree.
    {
      name: 'propose unit U in a proposal list (its officer; its signer next: one achievement, one award)',
      request: () => ({
        method: 'POST',
        path: '/proposals',
        body: {
          formCode: ctx.forms.decide,
          title: 'Tờ trình đề nghị (kiểm thử phân quyền)',
          period: { kind: 'YEAR', year: YEAR - 1 },
          documents: [doc()],
          nominees: [
            {
              nomineeKind: 'UNIT',
              nomineeUnitId: U.id,
              achievement: `Thành tích xuất sắc năm ${YEAR - 1} (kiểm thử phân quyền)`,
            },
          ],
        },
      }),
      allow: [
        ['officerU', { status: 201 }],
        ['signerU', { status: 409, code: 'ONE_ACHIEVEMENT_ONE_AWARD' }],
      ],
      otherwise: 'NOT_PROPOSER_UNIT',
    },
  ];

  for (const action of actions) {
    describe(action.name, () => {
      const allowed = new Set((action.allow ?? []).map(([x]) => x));
      const denials = ACTORS.flatMap((actor): [Actor, Outcome][] => {
        if (actor === 'anonymous') return [[actor, forbidden('UNAUTHENTICATED')]];
        if (allowed.has(actor)) return [];
        if (NAMED_ONLY.includes(actor) && action.deny?.[actor] === undefined) return [];
        const d = action.deny?.[actor] ?? action.otherwise;
        if (d === undefined) return [];
        return [[actor, typeof d === 'string' ? forbidden(d) : d]];
      });

      beforeAll(async () => {
        await action.before?.();
        await settle();
      }, 60_000);

      it.each(denials)('denies %s (%j) and changes nothing', async (actor, outcome) => {
        const before = await snapshot();
        const res = await send(actor, action.request(actor));
        expect({ status: res.status, code: res.body?.code }).toEqual(outcome);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await snapshot()).toEqual(before);
      });

      for (const [actor, outcome] of action.allow ?? []) {
        const accepted = outcome.status >= 200 && outcome.status < 300;
        it(`allows ${actor} (${outcome.status}${outcome.code ? ` ${outcome.code}` : ''})${
          accepted ? ' and audits it under the actor' : ''
        }`, async () => {
          const request = action.request(actor);
          const before = accepted ? await auditCountOf(actor) : 0;
          const res = await send(actor, request);
          expect({ status: res.status, code: outcome.code ? res.body?.code : undefined }).toEqual({
            status: outcome.status,
            code: outcome.code,
          });
          await settle();
          if (accepted) {
            // Every accepted state change leaves an audit entry under the user who asked for it.
            expect(await auditCountOf(actor)).toBeGreaterThan(before);
            audited.add(`${request.method} ${templateOf(request.path, templates)}`);
          }
        });
      }
    });
  }

  // ── reads: every GET route ───────────────────────────────────────────────────────────────────
  /** The readers of a cluster's records (cluster A, the cycles' year): its members' accounts and
   * the organisation administrator of a member; the administrator. */
  const CLUSTER_READERS: Actor[] = [
    'admin',
    'officerU',
    'signerU',
    'officerV',
    'signerV',
    'head',
    'headOfficer',
    'deputy',
    'orgAdminU',
  ];
  /** N1 (unit U's, through the head's cluster step to the own authority's board and council). */
  const N1_READERS: Actor[] = [
    'admin',
    'officerU',
    'signerU',
    'orgAdminU',
    'head',
    'headOfficer',
    'reviewer',
    'council',
    'authority',
  ];
  /** The decision on N4 (the own authority's, awarding unit U) and its award. */
  const DECISION_READERS: Actor[] = [
    'admin',
    'officerU',
    'signerU',
    'orgAdminU',
    'reviewer',
    'council',
    'authority',
  ];
  /** Unit U's own records: the unit, its organisation administrator, the administrator. */
  const U_READERS: Actor[] = ['admin', 'officerU', 'signerU', 'orgAdminU'];
  const SIGNED_IN = ACTORS.filter((x) => x !== 'anonymous');
  const readCtx = { documentId: '', proposalId: '', modelId: '', verificationCode: '' };

  interface Read {
    name: string;
    path: () => string;
    /** Public (no login) with the reason, or the actors who read it. */
    public?: string;
    allow?: Actor[];
    /** What the readers get when not 200 (e.g. 404 of a record that has nothing to show yet). */
    status?: number;
    /** Refusals other than 403 FORBIDDEN (every other signed-in actor). */
    deny?: Partial<Record<Actor, string>>;
    /** A list: the record (by id) its readers find in it and nobody else does. */
    shows?: { id: () => string; to: Actor[] };
  }
  const reads: Read[] = [
    // Public
    { name: 'health', path: () => '/health', public: 'up/down for load balancers' },
    {
      name: 'public postings',
      path: () => '/public/postings',
      public: 'công khai: the law requires posting nominees publicly; only those posted now',
    },
    {
      name: 'verify a certificate',
      path: () => `/verify/${readCtx.verificationCode}`,
      public: 'the QR code on a certificate: one award, by its unguessable code',
    },
    // The caller's own
    { name: 'who am I', path: () => '/auth/me', allow: SIGNED_IN },
    { name: 'my second factor', path: () => '/auth/second-factor', allow: SIGNED_IN },
    { name: 'my notifications', path: () => '/me/notifications', allow: SIGNED_IN },
    { name: 'my unread count', path: () => '/me/notifications/unread-count', allow: SIGNED_IN },
    {
      name: 'my notification preferences',
      path: () => '/me/notification-preferences',
      allow: SIGNED_IN,
    },
    { name: 'my approval inbox', path: () => '/me/approvals', allow: SIGNED_IN },
    { name: 'my to-do list', path: () => '/me/tasks', allow: SIGNED_IN },
    { name: 'my to-do counts', path: () => '/me/tasks/counts', allow: SIGNED_IN },
    { name: 'my cluster memberships', path: () => '/me/memberships', allow: SIGNED_IN },
    {
      // The stream takes a single-use ticket, never the token: an unknown ticket is refused to all.
      name: 'my live events (an unknown ticket)',
      path: () => `/me/events?ticket=${'x'.repeat(43)}`,
      allow: SIGNED_IN,
      status: 401,
    },
    // Reference data every signed-in user needs (calendars, rules, forms, deciding bodies)
    { name: 'holidays', path: () => '/holidays', allow: SIGNED_IN },
    { name: 'rule sets', path: () => '/rule-sets', allow: SIGNED_IN },
    { name: 'the default rule set', path: () => '/rule-sets/default', allow: SIGNED_IN },
    { name: 'award forms', path: () => '/award-forms', allow: SIGNED_IN },
    { name: 'deciding organisations', path: () => '/authorities', allow: SIGNED_IN },
    // Nominations
    {
      name: 'list nominations (N1 to its readers only)',
      path: () => '/nominations',
      allow: SIGNED_IN,
      shows: { id: () => ctx.n1, to: N1_READERS },
    },
    { name: 'read N1', path: () => `/nominations/${ctx.n1}`, allow: N1_READERS },
    {
      name: "download N1's dossier file",
      path: () => `/nominations/${ctx.n1}/documents/${readCtx.documentId}`,
      allow: N1_READERS,
    },
    {
      name: "N1's vote minutes (none yet: the vote is open)",
      path: () => `/nominations/${ctx.n1}/minutes`,
      allow: N1_READERS,
      status: 404,
    },
    {
      // Who voted and when (never how): read as the nomination; the members' names to the council.
      name: "N1's council vote participation",
      path: () => `/nominations/${ctx.n1}/council-vote`,
      allow: N1_READERS,
    },
    {
      name: 'list proposal lists (the caller’s organisation’s)',
      path: () => '/proposals',
      allow: SIGNED_IN,
      shows: { id: () => readCtx.proposalId, to: ['admin', 'officerU', 'signerU', 'orgAdminU'] },
    },
    {
      name: "read unit U's proposal list (its proposer, the deciding organisation)",
      path: () => `/proposals/${readCtx.proposalId}`,
      allow: [...U_READERS, 'reviewer', 'council', 'authority'],
    },
    // People
    {
      name: "unit U's people",
      path: () => `/units/${U.id}/people`,
      allow: U_READERS,
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
    },
    {
      name: "people of a unit beneath U (U's accounts are above it)",
      path: () => `/units/${child.unitId}/people`,
      allow: U_READERS,
      deny: { orgAdminOther: 'OUTSIDE_SUBTREE' },
    },
    // Cluster A's cycles and their records
    {
      name: 'list cycles (C2 to the cluster’s readers only)',
      path: () => `/cycles?clusterId=${a.clusterId}`,
      allow: SIGNED_IN,
      shows: { id: () => ctx.c2, to: CLUSTER_READERS },
    },
    { name: 'read C2', path: () => `/cycles/${ctx.c2}`, allow: CLUSTER_READERS },
    { name: "C3's phases", path: () => `/cycles/${ctx.c3}/run`, allow: CLUSTER_READERS },
    {
      name: "C3's outcome",
      path: () => `/cycles/${ctx.c3}/outcome`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C2's registrations",
      path: () => `/cycles/${ctx.c2}/registrations`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C2's registration compliance",
      path: () => `/cycles/${ctx.c2}/registrations/compliance`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C2's final assessments",
      path: () => `/cycles/${ctx.c2}/assessments/final`,
      allow: CLUSTER_READERS,
    },
    { name: "C2's vote", path: () => `/cycles/${ctx.c2}/vote`, allow: CLUSTER_READERS },
    { name: "C2's election", path: () => `/cycles/${ctx.c2}/election`, allow: CLUSTER_READERS },
    {
      name: "C1's signing round",
      path: () => `/signing-rounds/${ctx.roundId}`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C1's signatures",
      path: () => `/signing-rounds/${ctx.roundId}/signatures`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C1's signing audit trail",
      path: () => `/signing-rounds/${ctx.roundId}/audit`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C1's conference package (PDF)",
      path: () => `/signing-rounds/${ctx.roundId}/package.pdf`,
      allow: CLUSTER_READERS,
    },
    {
      name: "C1's signed copy (PDF): not countersigned, so 409 to its readers",
      path: () => `/signing-rounds/${ctx.roundId}/signed-copy.pdf`,
      allow: CLUSTER_READERS,
      status: 409,
    },
    {
      name: "C1's personal signatures on the signed copy",
      path: () => `/signing-rounds/${ctx.roundId}/signed-copy/signatures`,
      allow: CLUSTER_READERS,
    },
    // Models
    {
      name: 'models of unit U',
      path: () => `/models?unitId=${U.id}`,
      allow: U_READERS,
    },
    { name: 'list models', path: () => '/models', allow: SIGNED_IN },
    { name: 'a model of unit U', path: () => `/models/${readCtx.modelId}`, allow: U_READERS },
    // Decisions and awards
    {
      name: 'list decisions (the decision on N4 to its readers only)',
      path: () => '/decisions',
      allow: SIGNED_IN,
      shows: { id: () => ctx.decisionId, to: DECISION_READERS },
    },
    {
      name: 'read the decision on N4',
      path: () => `/decisions/${ctx.decisionId}`,
      allow: DECISION_READERS,
    },
    {
      name: 'the decision on N4 as PDF',
      path: () => `/decisions/${ctx.decisionId}/pdf`,
      allow: DECISION_READERS,
    },
    {
      name: "the decision's certificates as PDF",
      path: () => `/decisions/${ctx.decisionId}/certificates`,
      allow: DECISION_READERS,
    },
    {
      name: "unit U's certificate",
      path: () => `/awards/${ctx.awardId}/certificate`,
      allow: DECISION_READERS,
    },
    {
      name: 'award history (the award to unit U to its readers only)',
      path: () => '/awards',
      allow: SIGNED_IN,
      shows: { id: () => ctx.awardId, to: DECISION_READERS },
    },
    {
      name: "unit U's recognition report",
      path: () => `/reports/recognitions?organisationId=${U.id}`,
      allow: U_READERS,
      deny: Object.fromEntries(
        SIGNED_IN.filter((x) => !U_READERS.includes(x)).map((x) => [x, 'REPORT_OUTSIDE_SCOPE']),
      ),
    },
    {
      name: "unit U's organisation tree",
      path: () => `/organisations/${U.id}/tree`,
      // Oversight roles see the tree (names and levels of organisations, no records).
      allow: [...U_READERS, ...AUTHORITY_ROLES],
      deny: Object.fromEntries(
        SIGNED_IN.filter((x) => ![...U_READERS, ...AUTHORITY_ROLES].includes(x)).map((x) => [
          x,
          'OUTSIDE_SUBTREE',
        ]),
      ),
    },
    // Administration
    { name: 'units (administrators)', path: () => '/admin/units', allow: ['admin', ...ORG_ADMINS] },
    {
      name: 'accounts (administrators)',
      path: () => '/admin/users',
      allow: ['admin', ...ORG_ADMINS],
    },
    { name: 'clusters (the administrator)', path: () => '/admin/clusters', allow: ['admin'] },
    {
      name: "cluster A's members of the year (an organisation administrator only of a cluster wholly beneath it)",
      path: () => `/admin/clusters/${a.clusterId}/memberships?year=${YEAR}`,
      allow: ['admin'],
      deny: { orgAdminU: 'OUTSIDE_SUBTREE', orgAdminOther: 'OUTSIDE_SUBTREE' },
    },
    {
      name: 'an import template (administrators)',
      path: () => '/imports/people/template',
      allow: ['admin', ...ORG_ADMINS],
    },
    { name: 'schedules (the administrator)', path: () => '/schedules', allow: ['admin'] },
    {
      name: 'dead letters (the administrator)',
      path: () => '/admin/dead-letters',
      allow: ['admin'],
    },
    {
      name: 'verify the audit chain (the administrator)',
      path: () => '/audit/verify',
      allow: ['admin'],
    },
  ];

  describe('reads', () => {
    beforeAll(async () => {
      const n1 = await sys.prisma.dossierDocument.findFirstOrThrow({
        where: { nominationId: ctx.n1 },
      });
      readCtx.documentId = n1.id;
      readCtx.proposalId = (
        await sys.prisma.proposal.findFirstOrThrow({ where: { proposerUnitId: U.id } })
      ).id;
      readCtx.modelId = (
        await sys.prisma.initiative.findFirstOrThrow({
          where: { registration: { unitId: U.id, cycleId: ctx.c2 } },
        })
      ).id;
      readCtx.verificationCode =
        (await sys.prisma.award.findUniqueOrThrow({ where: { id: ctx.awardId } }))
          .verificationCode ?? '';
    });

    it.each(reads.map((r) => [r.name, r] as const))('%s', async (_name, read) => {
      const path = read.path();
      const results = await Promise.all(
        ACTORS.map(async (actor) => {
          const res = await send(actor, { method: 'GET', path });
          const body = res.body as unknown;
          return { actor, status: res.status, code: res.body?.code, text: JSON.stringify(body) };
        }),
      );
      const wrong = results.flatMap((r) => {
        const expected: Outcome = read.public
          ? { status: 200 }
          : r.actor === 'anonymous'
            ? forbidden('UNAUTHENTICATED')
            : read.allow?.includes(r.actor)
              ? { status: read.status ?? 200 }
              : forbidden(read.deny?.[r.actor] ?? 'FORBIDDEN');
        const got: Outcome = {
          status: r.status,
          ...(expected.code ? { code: r.code } : {}),
        };
        const problems: string[] = [];
        if (JSON.stringify(got) !== JSON.stringify(expected))
          problems.push(`${r.actor}: ${JSON.stringify(got)} ≠ ${JSON.stringify(expected)}`);
        if (read.shows && r.status === 200) {
          const id = read.shows.id();
          const shown = r.text?.includes(id) ?? false;
          if (shown !== read.shows.to.includes(r.actor))
            problems.push(`${r.actor}: ${shown ? 'sees' : 'does not see'} ${id}`);
        }
        return problems;
      });
      expect(wrong).toEqual([]);
    });
  });

  it('covers every role and every state-changing route of the API', async () => {
    const doc = await sys.http.request<{
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    }>('GET', '/docs/openapi.json');
    const routes = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    const tried = new Set(
      actions.map((x) => {
        const r = x.request('admin');
        return `${r.method} ${templateOf(r.path, Object.keys(doc.body.paths))}`;
      }),
    );
    // Not state-changing for anyone but the caller, or outside a unit's authority.
    const elsewhere = new Set([
      'POST /auth/login',
      'POST /auth/refresh',
      'POST /auth/logout',
      'POST /auth/login/second-factor',
      'POST /auth/step-up',
      'POST /auth/second-factor/enrolment',
      'POST /auth/second-factor/enrolment/confirm',
      'POST /auth/second-factor/disable',
      'POST /me/notifications/{id}/read',
      'POST /me/notifications/read-all',
      'PUT /me/notification-preferences',
      'POST /me/events/ticket',
      'POST /nominations/{id}/objections',
      // Public (no login) and limited per client address, so one caller cannot try it as 20 actors:
      // 201, 400, 404, 409 and 429 in public-objections.int-spec.ts.
      'POST /public/postings/{id}/objections',
    ]);
    const missing = routes.filter((r) => !tried.has(r) && !elsewhere.has(r));
    expect(missing).toEqual([]);
  });

  it('covers every read (GET) route of the API, public ones with their reason', async () => {
    const doc = await sys.http.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/docs/openapi.json',
    );
    const paths = Object.keys(doc.body.paths);
    const routes = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => m === 'get')
        .map(() => `GET ${p}`),
    );
    const tried = new Set(
      reads.map((r) => `GET ${templateOf(r.path().split('?')[0] ?? '', paths)}`),
    );
    expect(routes.filter((r) => !tried.has(r))).toEqual([]);
    expect(reads.filter((r) => r.public !== undefined && r.public.length < 10)).toEqual([]);
  });

  it('leaves an audit entry for every state-changing route of the API', async () => {
    const doc = await sys.http.request<{ paths: Record<string, Record<string, unknown>> }>(
      'GET',
      '/docs/openapi.json',
    );
    const routes = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.keys(ops)
        .filter((m) => ['post', 'put', 'patch', 'delete'].includes(m))
        .map((m) => `${m.toUpperCase()} ${p}`),
    );
    /** Routes that change only the caller's own session or inbox, or whose accepted outcome is
     * shown audited in another suite (named), because reaching it here would change the table. */
    const exempt: Record<string, string> = {
      'POST /auth/login':
        'the caller’s own session (refresh token rows); failed logins are throttled',
      'POST /auth/refresh': 'the caller’s own session',
      'POST /auth/logout': 'the caller’s own session',
      'POST /auth/login/second-factor':
        'the caller’s own session; a recovery code used is audited in second-factor.int-spec.ts',
      'POST /auth/step-up': 'the caller’s own session (a new access token)',
      'POST /auth/second-factor/enrolment':
        'the caller’s own account: audited in second-factor.int-spec.ts',
      'POST /auth/second-factor/enrolment/confirm':
        'the caller’s own account: audited in second-factor.int-spec.ts',
      'POST /auth/second-factor/disable':
        'the caller’s own account: audited in second-factor.int-spec.ts',
      'POST /me/notifications/{id}/read': 'the caller’s own inbox',
      'POST /me/notifications/read-all': 'the caller’s own inbox',
      'PUT /me/notification-preferences': 'the caller’s own preferences',
      'POST /me/events/ticket':
        'a one-minute ticket for the caller’s own event stream (Redis only)',
      'POST /signing-rounds/{roundId}/countersign':
        'needs every member signed: audited in pledge-signing.int-spec.ts (audit trail)',
      'POST /cycles/{cycleId}/start': 'starts a whole cycle: audited in yearly-cycle.int-spec.ts',
      'POST /signing-rounds/{roundId}/signed-copy/signatures':
        'needs an effective round and a personal certificate: refusals (403, 400, 409) and the audit entry in signed-documents.int-spec.ts',
      'POST /nominations/{id}/objections': 'anyone may object: audited in commendation.int-spec.ts',
      'POST /public/postings/{id}/objections':
        'anyone may object without an account (limited per address): audited in public-objections.int-spec.ts',
      'POST /admin/dead-letters/{id}/retry':
        'needs a dead delivery: audited in reminders.int-spec.ts',
      'POST /schedules': 'a real Temporal Schedule: audited in yearly-cycle.int-spec.ts',
      'POST /schedules/{scheduleId}/trigger':
        'starts a whole cycle: audited in yearly-cycle.int-spec.ts',
    };
    const unaudited = routes.filter((r) => !audited.has(r) && !(r in exempt));
    expect(unaudited).toEqual([]);
  });
});

/** The OpenAPI template (`/nominations/{id}/steps/{stepKey}`) a concrete path belongs to. */
function templateOf(path: string, templates: string[]): string {
  const parts = path.split('/');
  return (
    templates.find((t) => {
      const tp = t.split('/');
      return tp.length === parts.length && tp.every((s, i) => s.startsWith('{') || s === parts[i]);
    }) ?? path
  );
}
