import { randomUUID } from 'node:crypto';
import * as fc from 'fast-check';
import { DEFAULT_RULE_SET, type AwardFormContent } from '@epw/domain';
import {
  createFixtureCluster,
  demoPledgeItems,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  type FixtureUnit,
} from '@epw/testing';
import { openCyclePhases } from '../support/cycle-phases';
import { createAuthority, recordsOf, type RecordsScope } from '../support/records-snapshot';
import { startTestSystem, terminateCycles, type TestSystem } from '../support/test-system';

/**
 * Property-based fuzzing of every endpoint that takes a body or parameters (as listed by the
 * OpenAPI document), as a user allowed to call it, against real records and running workflows:
 * each case starts from a valid request and breaks it in a way no field may accept (wrong JSON
 * types, U+0000, unpaired surrogates, invisible and look-alike characters in identifiers and codes,
 * 10 000-character text, numbers beyond every limit, nesting 40+ deep, arrays for scalars,
 * prototype-pollution keys, unknown fields, unparsable bodies, malformed path parameters and
 * Idempotency-Keys). Every answer must be a 4xx problem+json (naming the field for bad input),
 * never a 5xx or a hang, and no table may change. Replay a run with FUZZ_SEED=<seed>.
 */

const SEED = Number(process.env['FUZZ_SEED'] ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env['FUZZ_RUNS'] ?? 24);
const YEAR = 2026;
const REQUEST_TIMEOUT_MS = 15_000;

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

interface Spec {
  actor: string | null;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Json;
  /** Free-form JSON under `root` is checked by a domain validator, not a DTO: only the paths it
   * checks may be given a wrong type, and nothing may be added or lengthened there. */
  freeForm?: { root: Path; checked: RegExp };
  /** Well-formed requests naming records that do not exist: refused with a 4xx. */
  probes?: { params?: Record<string, string>; body?: Json }[];
}

type Mutation =
  | { kind: 'wrongType'; at: Path; value: Json }
  | { kind: 'nul' | 'surrogate'; at: Path; position: number; inKey: boolean }
  | { kind: 'deep'; at: Path; depth: number; array: boolean }
  | { kind: 'infinity'; at: Path; negative: boolean }
  | { kind: 'hugeNumber'; at: Path; value: number }
  | { kind: 'oversized'; at: Path; length: number }
  | { kind: 'lookalike'; at: Path; char: string; position: number }
  | { kind: 'unknownField'; at: Path; name: string; value: Json }
  | { kind: 'pollution'; at: Path; variant: '__proto__' | 'constructor' }
  | { kind: 'rawBody'; text: string; contentType: string }
  | { kind: 'param'; name: string; value: string; raw: boolean }
  | { kind: 'idempotencyKey'; value: string }
  | { kind: 'query'; name: string; values: string[] }
  | { kind: 'none' };
interface Case {
  mutation: Mutation;
  /** Strange but valid text put into free-text fields along the way (RTL, emoji, 10k chars). */
  extras: { at: Path; text: string }[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Fields holding identifiers, codes, enums, dates and tokens: any foreign character breaks them. */
const CONSTRAINED =
  /^(id|code|unitId|cycleId|clusterId|assessorUnitId|subjectUnitId|voterUnitId|headUnitId|deputyUnitId|nomineeUnitId|nomineePersonId|nomineeInitiativeId|recipientId|onBehalfOfUserId|nominationIds|approve|formCode|movementCode|ruleSetCode|periodKind|periodLabel|startsOn|endsOn|deadline|signedOn|ceremonyOn|kind|mediaType|contentBase64|decision|nomineeKind|recipientKind|ownerType|channels|quietFrom|quietTo|refreshToken)$/;
const LOOKALIKES = ['\u202E', '\u200F', '\u200B', '\u200D', '\u0301', '😀', '１', 'а', '\u2066'];
const STRANGE_TEXT = fc.oneof(
  fc.constantFrom(
    '\u202Eđảo chiều\u202C',
    'نص عربي \u200F',
    'a\u0301\u0302\u0303 tổ hợp',
    '👨‍👩‍👧 Dân vận khéo 🇻🇳',
    '\uFEFFBOM',
    'zero\u200Bwidth',
  ),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.integer({ min: 10_000, max: 11_000 }).map((n) => 'Dân vận khéo '.repeat(n / 13 + 1)),
);
const PARAM_JUNK = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '..',
    '../..',
    'null',
    'undefined',
    '0',
    '-1',
    '1e400',
    '{}',
    '[]',
    ' ',
    '00000000-0000-0000-0000-00000000000g',
    '\u0000',
    'a'.repeat(300),
  ),
  fc.uuid().map((u) => `${u}\u202E`),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const RAW_PARAM = fc.constantFrom('%', '%E0%A4%A', '%ED%A0%80', '%00', '%FF%FE');

describe('input fuzzing: malformed, oversized, mistyped and unicode-edge input', () => {
  let sys: TestSystem;
  let a: FixtureCluster;
  let hd: AuthorityAccounts;
  const suffix = uniqueSuffix();
  const specs = new Map<string, Spec>();
  const workflows: string[] = [];
  let cycleKeys: string[] = [];

  // ── the world the requests aim at ────────────────────────────────────────────────────────────
  beforeAll(async () => {
    console.log(`input fuzzing seed ${SEED} (replay with FUZZ_SEED=${SEED}), ${RUNS} runs each`);
    sys = await startTestSystem();
    a = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    // The default forms (earlier awards are recorded under them); the deciding authority is the
    // test's own, so nothing another suite does under the shared ones shows up in its records.
    await ensureCommendationSetup(sys.prisma);
    hd = await createAuthority(sys.prisma, `FZ-AUTH-${suffix}`);
    const [U_, V_, W_] = a.units.filter((u) => u.role === 'MEMBER');
    const D = a.units.find((u) => u.role === 'DEPUTY') as FixtureUnit;
    const H = a.head;
    const cycle = async (movementCode: string) => {
      const res = await sys.http.as<{ id: string }>(a.admin, 'POST', '/cycles', {
        clusterId: a.clusterId,
        movementCode,
        movementName: `Phong trào ${movementCode}`,
        periodKind: 'YEAR',
        periodLabel: String(YEAR),
        startsOn: `${YEAR}-01-01`,
        endsOn: `${YEAR}-12-31`,
        calendarScale: 365,
        pledge: { title: 'Giao ước thi đua', documents: [], items: demoPledgeItems(YEAR) },
      });
      if (res.status !== 201) throw new Error(JSON.stringify(res.body));
      return res.body.id;
    };
    const signing = await cycle('FZS');
    const phases = await cycle('FZP');
    cycleKeys = [`${a.clusterCode}-FZS-${YEAR}`, `${a.clusterCode}-FZP-${YEAR}`];
    const opened = await sys.http.as(H.signer, 'POST', `/cycles/${signing}/signing-round`, {
      deadline: `${YEAR}-12-15`,
    });
    if (opened.status !== 201) throw new Error(JSON.stringify(opened.body));
    const roundId = `pledge-signing-${a.clusterCode}-FZS-${YEAR}`;
    await waitFor(() => sys.prisma.signingRound.findUnique({ where: { id: roundId } }));
    workflows.push(
      ...(await openCyclePhases(
        sys,
        a,
        { id: phases, movementCode: 'FZP', periodLabel: String(YEAR) },
        { deputyUnitId: D.id, candidates: [U_.id, V_.id, W_.id] },
      )),
    );
    const awardForm: AwardFormContent = {
      code: `FZ-AF-${suffix}`,
      name: { vi: 'Danh hiệu kiểm thử', en: 'Test title' },
      category: 'TITLE',
      level: 'BASE',
      authorityCode: hd.code,
      nomineeKinds: ['UNIT', 'PERSON'],
      dossier: [{ kind: 'to-trinh', label: { vi: 'Tờ trình', en: 'Memo' }, required: true }],
      chain: [
        {
          key: 'posting',
          kind: 'POSTING',
          actor: 'AUTHORITY_BOARD',
          title: { vi: 'Công khai', en: 'Posting' },
          slaWorkingDays: 5,
          postingWorkingDays: 5,
        },
        {
          key: 'council-vote',
          kind: 'COUNCIL_VOTE',
          actor: 'AUTHORITY_COUNCIL',
          title: { vi: 'Hội đồng', en: 'Council' },
          slaWorkingDays: 5,
          thresholdPercent: 50,
        },
      ],
      reminders: { offsetsWorkingDays: [3, 1] },
      quota: null,
      eligibility: null,
      certificate: { signerTitle: 'CHỦ TỊCH', achievementTemplate: 'Thành tích năm {year}' },
    };
    // The nomination the requests aim at waits at its first step, decided by the test's authority.
    const formCode = `FZ-N-${suffix}`;
    const published = await sys.http.as(a.admin, 'POST', '/award-forms', {
      ...awardForm,
      code: formCode,
      chain: [
        {
          key: 'unit-head',
          kind: 'APPROVAL',
          actor: 'PROPOSER_HEAD',
          title: { vi: 'Thủ trưởng đơn vị', en: 'Unit head' },
          slaWorkingDays: 20,
        },
        ...awardForm.chain.slice(1),
      ],
    });
    if (published.status !== 201) throw new Error(JSON.stringify(published.body));
    const documents = [
      {
        kind: 'to-trinh',
        fileName: 'to-trinh.pdf',
        mediaType: 'application/pdf',
        contentBase64: Buffer.from('%PDF-1.4\n% fuzz\n').toString('base64'),
      },
    ];
    const nominated = await sys.http.as<{ id: string; workflowId: string }>(
      U_.officer,
      'POST',
      '/nominations',
      {
        formCode,
        nomineeKind: 'UNIT',
        nomineeUnitId: U_.id,
        year: YEAR,
        achievement: `Thành tích xuất sắc năm ${YEAR}`,
        documents,
      },
    );
    if (nominated.status !== 201) throw new Error(JSON.stringify(nominated.body));
    const n = nominated.body.id;
    workflows.push(nominated.body.workflowId);
    const document = await waitFor(
      async () =>
        (await sys.prisma.dossierDocument.findFirst({ where: { nominationId: n } })) ?? undefined,
    );

    const scores = { C1: 18, C2: 27, C3: 22, C4: 13, C5: 9 };
    const registration = {
      unitId: U_.id,
      titles: ['Tập thể lao động xuất sắc'],
      initiatives: [
        {
          kind: 'MODEL',
          field: 'Dân vận',
          isNew: true,
          ownerType: 'COLLECTIVE',
          ownerName: 'Chi bộ cơ quan',
          title: 'Mô hình "Dân vận khéo"',
          description: 'Mô tả mô hình dân vận khéo của đơn vị.',
          attachments: [{ name: 'bao-cao.pdf', url: 'https://files.example.vn/bao-cao.pdf' }],
        },
      ],
    };
    const missing = randomUUID();
    const S = (
      key: string,
      actor: string | null,
      rest: Omit<Spec, 'actor'> = {},
    ): [string, Spec] => [key, { actor, ...rest }];
    for (const [key, spec] of [
      S('POST /auth/login', null, {
        body: { username: 'fuzz-nobody', password: 'fuzz-password' },
      }),
      S('POST /auth/refresh', null, { body: { refreshToken: 'A'.repeat(43) } }),
      S('POST /auth/logout', null, { body: { refreshToken: 'A'.repeat(43) } }),
      S('POST /auth/login/second-factor', null, {
        body: {
          challenge: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmdXp6In0.ZnV6ei1zaWduYXR1cmUtZnV6eg',
          code: '123456',
        },
      }),
      S('POST /auth/step-up', a.admin, { body: { code: '123456' } }),
      S('POST /auth/second-factor/enrolment/confirm', a.admin, { body: { code: '123456' } }),
      S('POST /auth/second-factor/disable', a.admin, { body: { code: '123456' } }),
      S('POST /admin/users/{id}/second-factor/reset', a.admin, {
        params: { id: missing },
        probes: [{ params: { id: missing } }],
      }),
      S('GET /cycles', a.admin, {
        query: { clusterId: a.clusterId, year: '2026', movementCode: 'FZP', status: 'PLANNED' },
      }),
      S('POST /cycles', a.admin, {
        body: {
          clusterId: a.clusterId,
          movementCode: 'FZX',
          movementName: 'Phong trào kiểm thử',
          periodKind: 'YEAR',
          periodLabel: String(YEAR),
          startsOn: `${YEAR}-01-01`,
          endsOn: `${YEAR}-12-31`,
          calendarScale: 365,
          pledge: { title: 'Giao ước thi đua', documents: ['Quy chế'], items: ['Điều một'] },
        },
        probes: [
          {
            body: {
              clusterId: missing,
              movementCode: 'FZX',
              movementName: 'Phong trào kiểm thử',
              periodKind: 'YEAR',
              periodLabel: String(YEAR),
              startsOn: `${YEAR}-01-01`,
              endsOn: `${YEAR}-12-31`,
              pledge: { title: 'Giao ước thi đua', items: ['Điều một'] },
            },
          },
        ],
      }),
      S('GET /cycles/{cycleId}', a.admin, { params: { cycleId: phases } }),
      S('POST /cycles/{cycleId}/signing-round', H.signer, {
        params: { cycleId: signing },
        body: { deadline: `${YEAR}-12-15`, items: ['Điều khoản một'] },
      }),
      S('GET /signing-rounds/{roundId}', H.signer, { params: { roundId } }),
      S('GET /signing-rounds/{roundId}/signatures', H.signer, {
        params: { roundId },
        query: { includeInvalidated: 'true' },
      }),
      S('GET /signing-rounds/{roundId}/audit', H.signer, { params: { roundId } }),
      S('GET /signing-rounds/{roundId}/package.pdf', H.signer, { params: { roundId } }),
      S('GET /signing-rounds/{roundId}/signed-copy.pdf', H.signer, { params: { roundId } }),
      S('GET /signing-rounds/{roundId}/signed-copy/signatures', H.signer, { params: { roundId } }),
      S('POST /signing-rounds/{roundId}/signed-copy/signatures', H.signer, {
        params: { roundId },
        body: { certificateBase64: 'MIIB', password: 'mật khẩu', reason: 'Ký xác nhận' },
      }),
      S('POST /signing-rounds/{roundId}/sign', U_.signer, {
        params: { roundId },
        body: { unitId: U_.id, version: 1 },
      }),
      S('POST /signing-rounds/{roundId}/decline', U_.signer, {
        params: { roundId },
        body: { unitId: U_.id, version: 1, reason: 'Chưa thống nhất chỉ tiêu' },
      }),
      S('POST /signing-rounds/{roundId}/amend', H.signer, {
        params: { roundId },
        body: { baseVersion: 1, items: ['Điều khoản sửa đổi'], reason: 'Bổ sung theo chỉ đạo' },
      }),
      S('POST /signing-rounds/{roundId}/deadline', H.signer, {
        params: { roundId },
        body: { deadline: `${YEAR}-12-20`, reason: 'Chờ ý kiến các đơn vị' },
      }),
      S('POST /signing-rounds/{roundId}/countersign', H.signer, {
        params: { roundId },
        body: { version: 1 },
      }),
      S('POST /cycles/{cycleId}/start', a.admin, {
        params: { cycleId: phases },
        body: { ruleSetCode: 'DVK-MAC-DINH' },
      }),
      S('GET /cycles/{cycleId}/run', a.admin, { params: { cycleId: phases } }),
      S('GET /cycles/{cycleId}/outcome', a.admin, { params: { cycleId: phases } }),
      S('POST /cycles/{cycleId}/registrations', U_.signer, {
        params: { cycleId: phases },
        body: registration,
      }),
      S('GET /cycles/{cycleId}/registrations', U_.signer, { params: { cycleId: phases } }),
      S('POST /cycles/{cycleId}/registrations/late', U_.signer, {
        params: { cycleId: phases },
        body: { ...registration, reason: 'Đơn vị nhận văn bản muộn' },
      }),
      S('POST /cycles/{cycleId}/registrations/{unitId}/late-decision', H.signer, {
        params: { cycleId: phases, unitId: V_.id },
        body: { approve: true, note: 'Đồng ý' },
      }),
      S('GET /cycles/{cycleId}/registrations/compliance', H.signer, {
        params: { cycleId: phases },
      }),
      S('POST /cycles/{cycleId}/assessments/{stage}/self', U_.signer, {
        params: { cycleId: phases, stage: 'final' },
        body: { unitId: U_.id, scores, evidence: 'Báo cáo số 12/BC' },
      }),
      S('POST /cycles/{cycleId}/assessments/final/peer', U_.signer, {
        params: { cycleId: phases },
        body: { assessorUnitId: U_.id, subjectUnitId: W_.id, scores },
        probes: [
          {
            params: { cycleId: phases },
            body: { assessorUnitId: U_.id, subjectUnitId: missing, scores },
          },
        ],
      }),
      S('POST /cycles/{cycleId}/assessments/final/conflicts', U_.signer, {
        params: { cycleId: phases },
        body: { assessorUnitId: U_.id, subjectUnitId: V_.id, reason: 'Chung lãnh đạo' },
      }),
      S('POST /cycles/{cycleId}/assessments/interim/progress', U_.signer, {
        params: { cycleId: phases },
        body: { unitId: U_.id, items: [{ itemIndex: 0, percent: 50, note: 'Đang làm' }] },
      }),
      S('GET /cycles/{cycleId}/assessments/{stage}', U_.signer, {
        params: { cycleId: phases, stage: 'final' },
      }),
      S('POST /cycles/{cycleId}/vote', U_.signer, {
        params: { cycleId: phases },
        body: { voterUnitId: U_.id, approve: [V_.id], written: false },
        probes: [{ params: { cycleId: phases }, body: { voterUnitId: U_.id, approve: [missing] } }],
      }),
      S('GET /cycles/{cycleId}/vote', U_.signer, { params: { cycleId: phases } }),
      S('POST /cycles/{cycleId}/election', U_.signer, {
        params: { cycleId: phases },
        body: { voterUnitId: U_.id, headUnitId: V_.id, deputyUnitId: W_.id },
        probes: [
          {
            params: { cycleId: phases },
            body: { voterUnitId: U_.id, headUnitId: missing, deputyUnitId: W_.id },
          },
        ],
      }),
      S('GET /cycles/{cycleId}/election', U_.signer, { params: { cycleId: phases } }),
      S('POST /rule-sets', a.admin, {
        body: {
          code: `FZ-RS-${suffix}`,
          name: 'Quy chế kiểm thử',
          content: DEFAULT_RULE_SET as unknown as Json,
        },
        freeForm: {
          root: ['content'],
          checked:
            /^content(\.(criteria(\[\d+\](\.(code|maxPoints|weight))?)?|scoring(\.(selfWeight|peerWeight|aggregation|trimFraction|divergenceThreshold))?|crossAssessment(\.(mode|reviewersPerUnit))?|vote(\.(thresholdPercent|acclaimCount|candidateCount))?|calendar(\.phases(\[\d+\](\.(phase|opensAtFraction|durationWorkingDays))?)?)?|reminders(\.offsetsWorkingDays(\[\d+\])?)?))?$/,
        },
      }),
      S('PUT /holidays/{date}', a.admin, {
        params: { date: '2099-02-31' },
        body: { name: 'Ngày lễ kiểm thử' },
      }),
      S('DELETE /holidays/{date}', a.admin, { params: { date: '2099-02-31' } }),
      S('POST /schedules', a.admin, {
        body: {
          clusterId: missing,
          movementCode: 'FZS',
          movementName: 'Lịch kiểm thử',
          ruleSetCode: 'DVK-MAC-DINH',
          cron: '0 0 1 1 *',
          calendarScale: 1,
        },
      }),
      S('POST /schedules/{scheduleId}/trigger', a.admin, {
        params: { scheduleId: `fuzz-${suffix}` },
      }),
      S('GET /me/notifications', U_.signer, {
        query: { unreadOnly: 'true', page: '1', pageSize: '20' },
      }),
      S('POST /me/notifications/{id}/read', U_.signer, { params: { id: missing } }),
      S('GET /me/tasks', U_.signer, { query: { kind: 'sign-pledge', section: 'unit' } }),
      // An unknown (well-formed) ticket: the stream is never opened, whatever the mutation.
      S('GET /me/events', U_.signer, { query: { ticket: 'x'.repeat(43) } }),
      S('PUT /me/notification-preferences', U_.signer, {
        body: { channels: ['IN_APP', 'EMAIL'], quietFrom: '22:00', quietTo: '06:00' },
      }),
      S('POST /admin/dead-letters/{id}/retry', a.admin, { params: { id: `fuzz-${suffix}` } }),
      // The directory: creations name a code or username that is taken (409), edits a record
      // that does not exist (404), so even a request the DTOs let through changes nothing.
      S('GET /admin/units', a.admin, { query: { kind: 'MEMBER', search: 'DUK' } }),
      S('GET /organisations/{id}/tree', a.admin, { params: { id: U_.id } }),
      S('POST /admin/units', a.admin, {
        body: { code: U_.code, name: 'Đơn vị kiểm thử', kind: 'MEMBER', headcount: 30 },
      }),
      S('PATCH /admin/units/{id}', a.admin, {
        params: { id: missing },
        body: { name: 'Đơn vị kiểm thử', kind: 'AUTHORITY', level: 'BLOC', headcount: 30 },
      }),
      S('GET /admin/clusters', a.admin, { query: { search: 'CTD' } }),
      S('POST /admin/clusters', a.admin, {
        body: { code: a.clusterCode, name: 'Cụm kiểm thử', organizer: 'Ban Dân vận' },
      }),
      S('PATCH /admin/clusters/{id}', a.admin, {
        params: { id: missing },
        body: { name: 'Cụm kiểm thử', organizer: 'Ban Dân vận' },
      }),
      S('GET /admin/clusters/{id}/memberships', a.admin, {
        params: { id: a.clusterId },
        query: { year: '2026' },
      }),
      S('PUT /admin/clusters/{id}/memberships/{year}', a.admin, {
        params: { id: missing, year: '2031' },
        body: { members: [{ unitId: U_.id, role: 'HEAD', position: 0 }] },
      }),
      S('GET /admin/users', a.admin, {
        query: { search: 'signer', unitId: U_.id, role: 'UNIT_SIGNER', active: 'true' },
      }),
      S('POST /admin/users', a.admin, {
        body: {
          username: a.admin,
          fullName: 'Tài khoản kiểm thử',
          email: 'kiem-thu@example.vn',
          unitId: U_.id,
          roles: ['UNIT_OFFICER'],
          password: 'mat-khau-kiem-thu',
        },
      }),
      S('PATCH /admin/users/{id}', a.admin, {
        params: { id: missing },
        body: { fullName: 'Tài khoản kiểm thử', roles: ['REVIEWER'], active: false },
      }),
      S('POST /admin/users/{id}/password', a.admin, {
        params: { id: missing },
        body: { password: 'mat-khau-kiem-thu' },
      }),
      S('POST /nominations', U_.officer, {
        body: {
          formCode,
          nomineeKind: 'UNIT',
          nomineeUnitId: U_.id,
          year: YEAR,
          achievement: `Thành tích xuất sắc năm ${YEAR}`,
          documents,
        },
        probes: [
          {
            body: {
              formCode,
              nomineeKind: 'PERSON',
              nomineePersonId: missing,
              cycleId: missing,
              achievement: `Thành tích xuất sắc năm ${YEAR}`,
              documents,
            },
          },
        ],
      }),
      S('POST /proposals', U_.officer, {
        body: {
          formCode,
          title: `Tờ trình đề nghị năm ${YEAR}`,
          period: { kind: 'YEAR', year: YEAR },
          documents,
          nominees: [
            {
              nomineeKind: 'UNIT',
              nomineeUnitId: U_.id,
              achievement: `Thành tích xuất sắc năm ${YEAR}`,
            },
          ],
        },
        probes: [
          {
            body: {
              formCode,
              title: `Tờ trình đề nghị năm ${YEAR}`,
              documents,
              nominees: [
                {
                  nomineeKind: 'PERSON',
                  nomineePersonId: missing,
                  achievement: `Thành tích xuất sắc năm ${YEAR}`,
                },
              ],
            },
          },
        ],
      }),
      S('GET /proposals/{id}', U_.officer, { params: { id: missing } }),
      S('GET /nominations', U_.officer, {
        query: { status: 'IN_REVIEW', formCode, year: '2026' },
      }),
      S('GET /nominations/{id}', U_.officer, { params: { id: n } }),
      S('GET /nominations/{id}/documents/{documentId}', U_.officer, {
        params: { id: n, documentId: document.id },
      }),
      S('POST /nominations/{id}/documents', U_.officer, {
        params: { id: n },
        body: { documents: [documents[0] as Json] },
      }),
      S('POST /nominations/{id}/steps/{stepKey}', U_.signer, {
        params: { id: n, stepKey: 'unit-head' },
        body: { decision: 'REJECT' },
      }),
      S('POST /nominations/{id}/resubmit', U_.officer, {
        params: { id: n },
        body: { note: 'Đã bổ sung' },
      }),
      S('POST /nominations/{id}/withdraw', U_.officer, {
        params: { id: n },
        body: { reason: 'Đơn vị rút hồ sơ' },
      }),
      S('POST /nominations/{id}/objections', V_.officer, {
        params: { id: n },
        body: { text: 'Đề nghị làm rõ số liệu' },
      }),
      S('POST /nominations/{id}/objections/{objectionId}/resolution', hd.reviewer, {
        params: { id: n, objectionId: missing },
        body: { upheld: false, resolution: 'Không có cơ sở' },
      }),
      S('POST /nominations/{id}/council-ballots', hd.council[0] ?? null, {
        params: { id: n },
        body: { approve: true },
        probes: [{ params: { id: n }, body: { approve: true, onBehalfOfUserId: missing } }],
      }),
      S('GET /nominations/{id}/council-vote', U_.officer, { params: { id: n } }),
      // No login: a nomination that is not posted (409) or not there (404) takes no objection.
      S('POST /public/postings/{id}/objections', null, {
        params: { id: n },
        body: {
          text: 'Đơn vị chưa hoàn thành chỉ tiêu thu nộp ngân sách',
          objectorName: 'Nguyễn Văn An',
          objectorContact: 'an.nguyen@example.vn',
        },
        probes: [
          {
            params: { id: missing },
            body: {
              text: 'Đơn vị chưa hoàn thành chỉ tiêu',
              objectorName: 'Nguyễn Văn An',
              objectorContact: '0912 345 678',
            },
          },
        ],
      }),
      S('GET /nominations/{id}/minutes', U_.officer, {
        params: { id: n },
        query: { format: 'pdf' },
      }),
      S('POST /decisions', hd.leader, {
        body: {
          number: `1/QĐ-${suffix}`,
          signedOn: `${YEAR}-10-12`,
          title: 'Quyết định khen thưởng',
          ceremonyName: 'Lễ tuyên dương',
          ceremonyOn: `${YEAR}-10-15`,
          signerName: 'Nguyễn Văn A',
          signerTitle: 'CHỦ TỊCH',
          nominationIds: [n],
        },
      }),
      S('GET /decisions', hd.leader, { query: { ceremonyName: 'Lễ tuyên dương' } }),
      S('POST /decisions/{id}/issue', hd.leader, { params: { id: missing } }),
      S('GET /decisions/{id}', hd.leader, { params: { id: missing } }),
      S('GET /decisions/{id}/pdf', hd.leader, { params: { id: missing } }),
      S('GET /decisions/{id}/certificates', hd.leader, { params: { id: missing } }),
      S('GET /awards', a.admin, {
        query: { unitId: U_.id, year: '2026', formCode: 'GK-BDV', format: 'csv' },
      }),
      S('POST /awards/history', a.admin, {
        body: {
          formCode: 'GK-BDV',
          year: 2020,
          recipientKind: 'UNIT',
          recipientId: U_.id,
          decisionNumber: '12/QĐ',
          achievement: 'Thành tích năm 2020',
        },
        probes: [
          {
            body: { formCode: 'GK-BDV', year: 2020, recipientKind: 'PERSON', recipientId: missing },
          },
          { body: { formCode: 'NONE', year: 2020, recipientKind: 'UNIT', recipientId: U_.id } },
        ],
      }),
      S('GET /awards/{id}/certificate', a.admin, { params: { id: missing } }),
      S('POST /awards/{id}/revoke', hd.leader, {
        params: { id: missing },
        body: { reason: 'Kê khai không trung thực' },
      }),
      S('POST /awards/{id}/recovery', hd.leader, {
        params: { id: missing },
        body: { note: 'Đã thu hồi hiện vật' },
      }),
      S('GET /verify/{code}', null, { params: { code: 'ABCD-EFGH-JKMN' } }),
      S('GET /reports/recognitions', a.admin, {
        query: {
          organisationId: U_.id,
          movementCode: 'DVK',
          periodKind: 'QUARTER',
          year: '2026',
          quarter: '3',
          level: 'BASE',
          recipientKind: 'INITIATIVE',
        },
      }),
      S('GET /models', U_.officer, {
        query: { unitId: U_.id, cycleId: phases, search: 'Dân vận', kind: 'MODEL', limit: '50' },
      }),
      S('GET /models/{id}', U_.officer, { params: { id: missing } }),
      S('POST /award-forms', a.admin, {
        body: awardForm as unknown as Json,
        freeForm: {
          root: [],
          checked:
            /^(|code|name|name\.(vi|en)|category|level|authorityCode|nomineeKinds(\[\d+\])?|dossier|dossier\[\d+\](\.(kind|label|label\.(vi|en)))?|chain|chain\[\d+\](\.(key|kind|actor|title|title\.(vi|en)|slaWorkingDays|postingWorkingDays|thresholdPercent))?|reminders|reminders\.offsetsWorkingDays(\[\d+\])?|certificate|certificate\.(signerTitle|achievementTemplate))$/,
        },
      }),
      S('GET /units/{unitId}/people', U_.officer, { params: { unitId: U_.id } }),
      S('POST /units/{unitId}/people', a.admin, {
        params: { unitId: U_.id },
        body: { fullName: 'Nguyễn Thị Kiểm Thử', position: 'Đảng viên', birthYear: 1980 },
        probes: [{ params: { unitId: missing }, body: { fullName: 'Nguyễn Thị Kiểm Thử' } }],
      }),
      S('PUT /units/{unitId}/headcount', a.admin, {
        params: { unitId: U_.id },
        body: { headcount: 30 },
        probes: [{ params: { unitId: missing }, body: { headcount: 30 } }],
      }),
      // Bulk imports: the file names a unit that does not exist, so even an apply the DTOs let
      // through is refused (422) and writes nothing.
      S('GET /imports/{kind}/template', a.admin, {
        params: { kind: 'awards' },
        query: { format: 'csv' },
      }),
      S('POST /imports/{kind}', a.admin, {
        params: { kind: 'people' },
        query: { mode: 'apply' },
        body: {
          fileName: 'nguoi.csv',
          contentBase64: Buffer.from(
            `\uFEFFunitCode,fullName\r\nKHONG-CO-${suffix},Nguyễn Văn Kiểm Thử\r\n`,
            'utf8',
          ).toString('base64'),
        },
      }),
    ]) {
      specs.set(key, spec);
    }
    // Logged in before counting: a first login stores a refresh token.
    for (const spec of specs.values()) if (spec.actor) await sys.http.login(spec.actor);
    const actors = [...new Set([...specs.values()].map((x) => x.actor))].filter(
      (x): x is string => x !== null,
    );
    scope = {
      actors: (await sys.prisma.user.findMany({ where: { username: { in: actors } } })).map(
        (u) => u.id,
      ),
      units: a.units.map((u) => u.id),
      clusters: [a.clusterId],
    };
  }, 120_000);

  afterAll(async () => {
    if (sys) {
      await sys.prisma.deadline.updateMany({
        where: { subjectId: { in: workflows } },
        data: { status: 'CANCELLED' },
      });
      await terminateCycles(sys.temporal, cycleKeys);
      await Promise.all(
        workflows.map((id) =>
          sys.temporal.workflow
            .getHandle(id)
            .terminate('test finished')
            .catch(() => undefined),
        ),
      );
    }
    await sys?.close();
  }, 60_000);

  // ── what must not change ─────────────────────────────────────────────────────────────────────
  let scope: RecordsScope;
  const counts = () => recordsOf(sys.prisma, scope);

  // ── cases ────────────────────────────────────────────────────────────────────────────────────
  const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);
  const label = (at: Path) =>
    at.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${k}` : k), '');
  const nodes = (v: Json, at: Path = []): { at: Path; value: Json }[] => [
    { at, value: v },
    ...(Array.isArray(v)
      ? v.flatMap((x, i) => nodes(x, [...at, i]))
      : v && typeof v === 'object'
        ? Object.entries(v).flatMap(([k, x]) => nodes(x, [...at, k]))
        : []),
  ];

  const casesFor = (spec: Spec, templ: string): fc.Arbitrary<Case> => {
    const all = spec.body === undefined ? [] : nodes(spec.body);
    const under = (at: Path, root: Path) => root.every((k, i) => at[i] === k);
    const free = (at: Path) =>
      spec.freeForm !== undefined &&
      under(at, spec.freeForm.root) &&
      at.length >= spec.freeForm.root.length;
    const typed = all.filter((n) => !free(n.at) || spec.freeForm?.checked.test(label(n.at)));
    const strictly = all.filter((n) => !free(n.at) || n.at.length === spec.freeForm?.root.length);
    const strings = all.filter((n) => typeof n.value === 'string');
    const objects = all.filter((n) => typeOf(n.value) === 'object');
    const keyed = objects.filter((n) => Object.keys(n.value as object).length > 0);
    const pick = <T>(xs: T[]) => fc.constantFrom(...xs);
    const at = (xs: { at: Path }[]) => pick(xs.map((n) => n.at));
    const options: fc.Arbitrary<Mutation>[] = [];
    if (spec.body !== undefined) {
      options.push(
        fc
          .record({
            node: pick(typed),
            value: fc.oneof(
              fc.integer(),
              fc.double({ noNaN: true, noDefaultInfinity: true }),
              fc.boolean(),
              fc.string({ maxLength: 12 }),
              fc.constant([] as Json[]),
              fc.array(fc.string({ maxLength: 6 }), { minLength: 1, maxLength: 3 }),
              fc.constant({}),
              fc.dictionary(
                fc.string({ minLength: 1, maxLength: 6 }).map((k) => `k${k}`),
                fc.string({ maxLength: 6 }),
                { minKeys: 1, maxKeys: 3 },
              ),
            ),
          })
          .filter(({ node, value }) => typeOf(value) !== typeOf(node.value))
          .map(({ node, value }) => ({ kind: 'wrongType', at: node.at, value: value as Json })),
        fc.record({
          kind: fc.constant('deep' as const),
          at: at(all),
          depth: fc.integer({ min: 40, max: 400 }),
          array: fc.boolean(),
        }),
        fc.record({
          kind: fc.constant('infinity' as const),
          at: at(all),
          negative: fc.boolean(),
        }),
        fc.record({
          kind: fc.constant('pollution' as const),
          at: objects.length > 0 ? at(objects) : fc.constant([]),
          variant: fc.constantFrom('__proto__' as const, 'constructor' as const),
        }),
        fc.record({
          kind: fc.constant('rawBody' as const),
          text: fc.constantFrom(
            '{',
            '[1,',
            'nul',
            '{"a":}',
            '',
            'null',
            '123',
            '"text"',
            'true',
            '[]',
            '{"a":1}{',
            '\u0000',
            '{"__proto__":{"admin":true}}',
          ),
          contentType: fc.constantFrom('application/json', 'application/json', 'text/plain'),
        }),
      );
      if (strings.length > 0) {
        options.push(
          fc.record({
            kind: fc.constantFrom('nul' as const, 'surrogate' as const),
            at: at(strings),
            position: fc.nat(),
            inKey: fc.constant(false),
          }),
        );
      }
      if (keyed.length > 0) {
        options.push(
          fc.record({
            kind: fc.constantFrom('nul' as const, 'surrogate' as const),
            at: at(keyed),
            position: fc.nat(),
            inKey: fc.constant(true),
          }),
        );
      }
      const numbers = strictly.filter((n) => typeof n.value === 'number');
      if (numbers.length > 0) {
        options.push(
          fc.record({
            kind: fc.constant('hugeNumber' as const),
            at: at(numbers),
            value: fc.constantFrom(1e308, -1e308, 2 ** 53 + 2, -(2 ** 63), 1e21, -1),
          }),
        );
      }
      const texts = strictly.filter((n) => typeof n.value === 'string');
      if (texts.length > 0) {
        options.push(
          fc.record({
            kind: fc.constant('oversized' as const),
            at: at(texts),
            length: fc.integer({ min: 10_001, max: 12_000 }),
          }),
        );
      }
      const constrained = strictly.filter(
        (n) =>
          typeof n.value === 'string' &&
          n.value.length >= 2 &&
          n.at.some((k, i) => typeof k === 'string' && CONSTRAINED.test(k) && i >= n.at.length - 2),
      );
      if (constrained.length > 0) {
        options.push(
          fc.record({
            kind: fc.constant('lookalike' as const),
            at: at(constrained),
            char: pick(LOOKALIKES),
            position: fc.nat(),
          }),
        );
      }
      const dtoObjects = objects.filter((n) => !free(n.at) && !n.at.includes('scores'));
      if (dtoObjects.length > 0) {
        options.push(
          fc.record({
            kind: fc.constant('unknownField' as const),
            at: at(dtoObjects),
            name: fc.string({ minLength: 1, maxLength: 10 }).map((s) => `fuzz_${s}`),
            value: fc.oneof(fc.string({ maxLength: 10 }), fc.integer(), fc.constant(null)),
          }),
        );
      }
    }
    for (const name of Object.keys(spec.params ?? {})) {
      const prefix =
        name === 'stepKey' || name === 'code'
          ? '_'
          : name === 'date' || name === 'stage'
            ? 'x'
            : '';
      options.push(
        fc
          .oneof(
            PARAM_JUNK.map((v) => ({ raw: false, value: `${prefix}${v}` })),
            RAW_PARAM.map((v) => ({ raw: true, value: v })),
          )
          .filter(({ value }) => !UUID.test(value))
          .map(({ raw, value }) => ({ kind: 'param', name, value, raw })),
      );
    }
    if (
      /^POST \/(signing-rounds|cycles\/\{cycleId\}\/(registrations|assessments|vote|election)|nominations)/.test(
        templ,
      )
    ) {
      options.push(
        fc
          .oneof(
            fc.string({ unit: 'grapheme-ascii', maxLength: 120 }),
            fc.constantFrom(
              'short',
              'x'.repeat(101),
              'key with spaces',
              'a/b/c/d/e/f',
              'ü-umlaut-key',
            ),
          )
          .filter(
            (v) =>
              /^[\x20-\x7e]*$/.test(v) &&
              !/^[A-Za-z0-9_.-]{8,100}$/.test(v.trim()) &&
              v.trim() === v,
          )
          .map((value) => ({ kind: 'idempotencyKey', value })),
      );
    }
    for (const name of Object.keys(spec.query ?? {})) {
      options.push(
        fc
          .array(
            fc.oneof(PARAM_JUNK, fc.constantFrom('1e400', '-99999999999999999999', '2026.5')),
            {
              minLength: 1,
              maxLength: 3,
            },
          )
          .map((values) => ({ kind: 'query', name, values })),
      );
    }
    const extras =
      strings.length > 0 && spec.body !== undefined
        ? fc.array(fc.record({ at: at(strings), text: STRANGE_TEXT }), { maxLength: 2 })
        : fc.constant<{ at: Path; text: string }[]>([]);
    return fc.record({ mutation: fc.oneof(...options), extras });
  };

  // ── applying a case ──────────────────────────────────────────────────────────────────────────
  const INF = '__fuzz_infinity__';
  const NEG_INF = '__fuzz_negative_infinity__';
  const PROTO = '__fuzz_proto__';
  const clone = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;
  const get = (root: Json, at: Path): Json =>
    at.reduce<Json>((v, k) => (v as Record<string, Json>)[k as string], root);
  const set = (root: Json, at: Path, value: Json): Json => {
    if (at.length === 0) return value;
    const parent = get(root, at.slice(0, -1)) as Record<string | number, Json>;
    parent[at[at.length - 1] as string] = value;
    return root;
  };
  const insert = (text: string, char: string, position: number, interior: boolean) => {
    const p = interior
      ? 1 + (position % Math.max(1, text.length - 1))
      : position % (text.length + 1);
    return `${text.slice(0, p)}${char}${text.slice(p)}`;
  };
  const nest = (depth: number, array: boolean): Json => {
    let v: Json = 'deep';
    for (let i = 0; i < depth; i += 1) v = array ? [v] : { d: v };
    return v;
  };

  const build = (spec: Spec, templ: string, c: Case) => {
    const params = { ...(spec.params ?? {}) };
    const query: [string, string][] = Object.entries(spec.query ?? {});
    const headers: Record<string, string> = {};
    let body: Json | undefined = spec.body === undefined ? undefined : clone(spec.body);
    let text: string | undefined;
    let contentType = 'application/json';
    for (const x of c.extras) {
      if (body !== undefined && x.at.length > 0) body = set(body, x.at, x.text);
    }
    const m = c.mutation;
    const encoded: Record<string, string> = {};
    switch (m.kind) {
      case 'wrongType':
        body = set(body as Json, m.at, m.value);
        break;
      case 'nul':
      case 'surrogate': {
        const char = m.kind === 'nul' ? '\u0000' : m.position % 2 ? '\uD800' : '\uDC00';
        const node = get(body as Json, m.at);
        if (m.inKey) {
          const obj = node as Record<string, Json>;
          const keys = Object.keys(obj);
          const k = keys[m.position % keys.length];
          const v = obj[k];
          delete obj[k];
          obj[insert(k, char, m.position, false)] = v;
        } else {
          body = set(body as Json, m.at, insert(node as string, char, m.position, false));
        }
        break;
      }
      case 'deep':
        body = set(body as Json, m.at, nest(m.depth, m.array));
        break;
      case 'infinity':
        body = set(body as Json, m.at, m.negative ? NEG_INF : INF);
        break;
      case 'hugeNumber':
        body = set(body as Json, m.at, m.value);
        break;
      case 'oversized':
        body = set(
          body as Json,
          m.at,
          `${'Thi đua yêu nước, dân vận khéo \u202E'.repeat(m.length / 30 + 1)}`.slice(0, m.length),
        );
        break;
      case 'lookalike':
        body = set(
          body as Json,
          m.at,
          insert(get(body as Json, m.at) as string, m.char, m.position, true),
        );
        break;
      case 'unknownField':
        (get(body as Json, m.at) as Record<string, Json>)[m.name] = m.value;
        break;
      case 'pollution': {
        const target = get(body as Json, m.at) as Record<string, Json>;
        if (m.variant === '__proto__') target[PROTO] = { isAdmin: true };
        else target['constructor'] = { prototype: { isAdmin: true } };
        break;
      }
      case 'rawBody':
        text = m.text;
        contentType = m.contentType;
        break;
      case 'param':
        params[m.name] = m.value;
        if (m.raw) encoded[m.name] = m.value;
        break;
      case 'idempotencyKey':
        headers['idempotency-key'] = m.value;
        break;
      case 'none':
        break;
      case 'query':
        for (let i = query.length - 1; i >= 0; i -= 1)
          if (query[i]?.[0] === m.name) query.splice(i, 1);
        for (const v of m.values) query.push([m.name, v]);
        break;
    }
    if (text === undefined && body !== undefined) {
      text = JSON.stringify(body)
        .replaceAll(`"${INF}"`, '1e400')
        .replaceAll(`"${NEG_INF}"`, '-1e400')
        .replaceAll(`"${PROTO}"`, '"__proto__"');
    }
    const [method, template] = templ.split(' ') as [string, string];
    const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (encoded[name] !== undefined) return encoded[name];
      const value = params[name] ?? '';
      try {
        return encodeURIComponent(value);
      } catch {
        return encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, '')) + '%ED%A0%80';
      }
    });
    const qs = query.length > 0 ? `?${new URLSearchParams(query).toString()}` : '';
    if (text !== undefined) headers['content-type'] = contentType;
    return { method, url: `${path}${qs}`, text, headers };
  };

  const send = async (actor: string | null, req: ReturnType<typeof build>) => {
    const token = actor ? await sys.http.login(actor) : undefined;
    const res = await fetch(`${sys.http.baseUrl}${req.url}`, {
      method: req.method,
      headers: { ...req.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: req.text,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const raw = await res.text();
    let body: { code?: unknown; errors?: { field?: unknown; rule?: unknown }[] } = {};
    try {
      body = JSON.parse(raw) as typeof body;
    } catch {
      // not JSON
    }
    return { status: res.status, type: res.headers.get('content-type') ?? '', body, raw };
  };

  /** A 4xx problem+json, naming the field of bad input; for reads, anything but a 5xx. */
  const judge = (res: Awaited<ReturnType<typeof send>>, read: boolean): string | null => {
    if (res.status >= 500) return `server error ${res.status}`;
    if (read && res.status < 400) return null;
    if (res.status < 400) return `accepted (${res.status}): ${res.raw.slice(0, 200)}`;
    if (!res.type.includes('application/problem+json')) return `not problem+json: ${res.type}`;
    if (typeof res.body.code !== 'string') return 'no code';
    if (res.status === 400) {
      const errors = res.body.errors ?? [];
      if (
        errors.length === 0 ||
        !errors.every(
          (e) => typeof e.field === 'string' && e.field !== '' && typeof e.rule === 'string',
        )
      )
        return `400 without a field: ${res.raw.slice(0, 300)}`;
    }
    return null;
  };

  // ── one property per endpoint ────────────────────────────────────────────────────────────────
  const ENDPOINTS = [
    'POST /auth/login',
    'POST /auth/refresh',
    'POST /auth/logout',
    'POST /auth/login/second-factor',
    'POST /auth/step-up',
    'POST /auth/second-factor/enrolment/confirm',
    'POST /auth/second-factor/disable',
    'POST /admin/users/{id}/second-factor/reset',
    'GET /cycles',
    'POST /cycles',
    'GET /cycles/{cycleId}',
    'POST /cycles/{cycleId}/signing-round',
    'GET /signing-rounds/{roundId}',
    'GET /signing-rounds/{roundId}/signatures',
    'GET /signing-rounds/{roundId}/audit',
    'GET /signing-rounds/{roundId}/package.pdf',
    'GET /signing-rounds/{roundId}/signed-copy.pdf',
    'GET /signing-rounds/{roundId}/signed-copy/signatures',
    'POST /signing-rounds/{roundId}/signed-copy/signatures',
    'POST /signing-rounds/{roundId}/sign',
    'POST /signing-rounds/{roundId}/decline',
    'POST /signing-rounds/{roundId}/amend',
    'POST /signing-rounds/{roundId}/deadline',
    'POST /signing-rounds/{roundId}/countersign',
    'POST /cycles/{cycleId}/start',
    'GET /cycles/{cycleId}/run',
    'GET /cycles/{cycleId}/outcome',
    'POST /cycles/{cycleId}/registrations',
    'GET /cycles/{cycleId}/registrations',
    'POST /cycles/{cycleId}/registrations/late',
    'POST /cycles/{cycleId}/registrations/{unitId}/late-decision',
    'GET /cycles/{cycleId}/registrations/compliance',
    'POST /cycles/{cycleId}/assessments/{stage}/self',
    'POST /cycles/{cycleId}/assessments/final/peer',
    'POST /cycles/{cycleId}/assessments/final/conflicts',
    'POST /cycles/{cycleId}/assessments/interim/progress',
    'GET /cycles/{cycleId}/assessments/{stage}',
    'POST /cycles/{cycleId}/vote',
    'GET /cycles/{cycleId}/vote',
    'POST /cycles/{cycleId}/election',
    'GET /cycles/{cycleId}/election',
    'POST /rule-sets',
    'PUT /holidays/{date}',
    'DELETE /holidays/{date}',
    'POST /schedules',
    'POST /schedules/{scheduleId}/trigger',
    'GET /me/notifications',
    'GET /me/tasks',
    'GET /me/events',
    'POST /me/notifications/{id}/read',
    'PUT /me/notification-preferences',
    'POST /admin/dead-letters/{id}/retry',
    'GET /admin/units',
    'GET /organisations/{id}/tree',
    'POST /admin/units',
    'PATCH /admin/units/{id}',
    'GET /admin/clusters',
    'POST /admin/clusters',
    'PATCH /admin/clusters/{id}',
    'GET /admin/clusters/{id}/memberships',
    'PUT /admin/clusters/{id}/memberships/{year}',
    'GET /admin/users',
    'POST /admin/users',
    'PATCH /admin/users/{id}',
    'POST /admin/users/{id}/password',
    'POST /nominations',
    'GET /nominations',
    'GET /nominations/{id}',
    'GET /nominations/{id}/documents/{documentId}',
    'POST /nominations/{id}/documents',
    'POST /nominations/{id}/steps/{stepKey}',
    'POST /nominations/{id}/resubmit',
    'POST /nominations/{id}/withdraw',
    'POST /nominations/{id}/objections',
    'POST /nominations/{id}/objections/{objectionId}/resolution',
    'POST /nominations/{id}/council-ballots',
    'GET /nominations/{id}/council-vote',
    'POST /public/postings/{id}/objections',
    'GET /nominations/{id}/minutes',
    'POST /proposals',
    'GET /proposals/{id}',
    'POST /decisions',
    'GET /decisions',
    'POST /decisions/{id}/issue',
    'GET /decisions/{id}',
    'GET /decisions/{id}/pdf',
    'GET /decisions/{id}/certificates',
    'GET /awards',
    'POST /awards/history',
    'GET /awards/{id}/certificate',
    'POST /awards/{id}/revoke',
    'POST /awards/{id}/recovery',
    'GET /verify/{code}',
    'GET /reports/recognitions',
    'GET /models',
    'GET /models/{id}',
    'POST /award-forms',
    'GET /units/{unitId}/people',
    'POST /units/{unitId}/people',
    'PUT /units/{unitId}/headcount',
    'GET /imports/{kind}/template',
    'POST /imports/{kind}',
  ];

  it('covers every operation of the OpenAPI document that takes a body or parameters', async () => {
    const doc = await sys.http.request<{
      paths: Record<
        string,
        Record<string, { parameters?: { in: string }[]; requestBody?: unknown }>
      >;
    }>('GET', '/docs/openapi.json');
    const listed = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.entries(ops)
        .filter(
          ([, op]) =>
            op.requestBody !== undefined ||
            (op.parameters ?? []).some((x) => x.in === 'path' || x.in === 'query'),
        )
        .map(([m]) => `${m.toUpperCase()} ${p}`),
    );
    expect([...listed].sort()).toEqual([...ENDPOINTS].sort());
    expect([...specs.keys()].sort()).toEqual([...ENDPOINTS].sort());
  });

  it('documents a typed answer for every operation of the OpenAPI document', async () => {
    type Content = Record<string, { schema?: { $ref?: string; type?: string; format?: string } }>;
    const doc = await sys.http.request<{
      paths: Record<string, Record<string, { responses?: Record<string, { content?: Content }> }>>;
    }>('GET', '/docs/openapi.json');
    const untyped = Object.entries(doc.body.paths).flatMap(([p, ops]) =>
      Object.entries(ops).flatMap(([m, op]) => {
        const ok = Object.entries(op.responses ?? {}).filter(([code]) => /^2\d\d$/.test(code));
        if (ok.length === 0) return [`${m.toUpperCase()} ${p}: no 2xx answer documented`];
        return ok.flatMap(([code, r]) => {
          // 202/204 answers may carry nothing; everything else names its schema.
          if (!r.content) return code === '204' || code === '202' ? [] : [`${m} ${p} ${code}`];
          const bad = Object.entries(r.content).filter(
            ([, c]) => !c.schema || (!c.schema.$ref && !c.schema.type),
          );
          return bad.map(([type]) => `${m.toUpperCase()} ${p} ${code} ${type}: no schema`);
        });
      }),
    );
    expect(untyped).toEqual([]);
  });

  ENDPOINTS.forEach((templ, index) => {
    it(`${templ} refuses every broken request and changes nothing`, async () => {
      const spec = specs.get(templ);
      if (!spec) throw new Error(`no spec for ${templ}`);
      const read = templ.startsWith('GET ');
      const before = await counts();
      await fc.assert(
        fc.asyncProperty(casesFor(spec, templ), async (c) => {
          const res = await send(spec.actor, build(spec, templ, c));
          const verdict = judge(res, read);
          if (verdict)
            throw new Error(`${templ} ${JSON.stringify(c.mutation).slice(0, 300)}: ${verdict}`);
        }),
        { seed: SEED + index, numRuns: RUNS, endOnFailure: true },
      );
      for (const probe of spec.probes ?? []) {
        const base: Spec = {
          ...spec,
          params: { ...spec.params, ...probe.params },
          body: probe.body,
        };
        const res = await send(
          spec.actor,
          build(base, templ, { mutation: { kind: 'none' }, extras: [] }),
        );
        expect({ probe, status: res.status, verdict: judge(res, false) }).toEqual({
          probe,
          status: expect.any(Number) as number,
          verdict: null,
        });
      }
      expect(await counts()).toEqual(before);
    });
  });
});
