import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import type { temporal } from '@temporalio/proto';
import { nominationStatusQuery } from '@epw/contracts';
import { startOfVietnamDay } from '@epw/domain';
import { ENCODING_ENCRYPTED, EncryptionCodec, PayloadKeyRing } from '@epw/temporal';
import {
  createFixtureCluster,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  dossierFile,
} from '@epw/testing';
import { startTestSystem, type TestSystem } from '../support/test-system';

type History = temporal.api.history.v1.IHistory;

const YEAR = 2026;
const DOSSIER = ['to-trinh', 'bao-cao-thanh-tich'].map(dossierFile);

/** Every Payload in a history (workflow input, Update arguments and results, activity inputs and
 * results, markers), wherever it sits. */
function payloadsOf(node: unknown, out: Payload[] = []): Payload[] {
  if (node === null || typeof node !== 'object' || node instanceof Uint8Array) return out;
  const o = node as Record<string, unknown>;
  if (o['data'] instanceof Uint8Array && o['metadata'] && typeof o['metadata'] === 'object') {
    out.push(o as Payload);
    return out;
  }
  for (const v of Object.values(o)) payloadsOf(v, out);
  return out;
}

const latin1 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? []).toString('latin1');

/**
 * Secret council ballots: after a vote (in person, in writing, yes and no), nothing in PostgreSQL
 * and nothing in the Temporal history, decoded with the payload key, links a member to a choice;
 * the history without the key is ciphertext. The minutes still count right.
 */
describe('secret council ballots', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let authority: AuthorityAccounts;
  let cycleId: string;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];

  beforeAll(async () => {
    sys = await startTestSystem();
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    authority = (await ensureCommendationSetup(sys.prisma))['BDV-TW'];
    const scale = 86_400 / 2;
    const calendarToday = startOfVietnamDay('2026-09-01') + 9 * 3_600_000;
    const cycle = await sys.prisma.emulationCycle.create({
      data: {
        clusterId: cluster.clusterId,
        movementCode: 'DVK',
        movementName: 'Phong trào thi đua "Dân vận khéo"',
        periodKind: 'YEAR',
        periodLabel: String(YEAR),
        startsOn: new Date(`${YEAR}-01-01T00:00:00Z`),
        endsOn: new Date(`${YEAR}-12-31T00:00:00Z`),
        calendarScale: scale,
        calendarEpoch: new Date(
          Date.now() - (calendarToday - startOfVietnamDay(`${YEAR}-01-01`)) / scale,
        ),
      },
    });
    cycleId = cycle.id;
  });

  afterAll(async () => {
    if (sys) {
      await sys.prisma.deadline.updateMany({
        where: { subjectId: { in: workflows } },
        data: { status: 'CANCELLED' },
      });
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
  });

  it('keeps who voted apart from how, in PostgreSQL and in the decoded Temporal history', async () => {
    const unit = cluster.units[0];
    const nominee = await sys.http.as<{ id: string }>(
      unit.officer,
      'POST',
      `/units/${unit.id}/people`,
      { fullName: 'Trần Thị Bình', position: 'Đảng viên' },
    );
    expect(nominee.status).toBe(201);
    const created = await sys.http.as<{ id: string; workflowId: string }>(
      unit.officer,
      'POST',
      '/nominations',
      {
        formCode: 'KNC-DV',
        nomineeKind: 'PERSON',
        nomineePersonId: nominee.body.id,
        cycleId,
        year: YEAR,
        achievement: `Nhiều đóng góp cho sự nghiệp dân vận (${suffix})`,
        documents: DOSSIER,
      },
    );
    expect(created.status).toBe(201);
    const { id, workflowId } = created.body;
    workflows.push(workflowId);

    const detail = async () =>
      (
        await sys.http.as<{
          status: string;
          currentStep: { key: string } | null;
          voteMinutes: string | null;
        }>(authority.reviewer, 'GET', `/nominations/${id}`)
      ).body;
    const at = (key: string, status: string) =>
      waitFor(
        async () => {
          const d = await detail();
          return d.currentStep?.key === key && d.status === status ? d : undefined;
        },
        { description: `nomination at ${key}` },
      );
    await at('unit-head', 'IN_REVIEW');
    expect(
      (
        await sys.http.as(unit.signer, 'POST', `/nominations/${id}/steps/unit-head`, {
          decision: 'APPROVE',
        })
      ).status,
    ).toBe(200);
    await at('appraisal', 'IN_REVIEW');
    expect(
      (
        await sys.http.as(authority.reviewer, 'POST', `/nominations/${id}/steps/appraisal`, {
          decision: 'APPROVE',
        })
      ).status,
    ).toBe(200);
    await at('council-vote', 'VOTING');

    // Five members, 80% of all needed: three yes in person, one no, an absent member's written yes.
    const council = authority.council;
    const members = await sys.prisma.user.findMany({
      where: { username: { in: council } },
      select: { id: true, username: true },
    });
    const idOf = (username: string) => members.find((m) => m.username === username)?.id ?? '';
    const memberIds = council.map(idOf);
    const vote = (user: string, approve: boolean, onBehalfOf?: string) =>
      sys.http.as<{ council: unknown }>(user, 'POST', `/nominations/${id}/council-ballots`, {
        approve,
        ...(onBehalfOf ? { onBehalfOfUserId: idOf(onBehalfOf) } : {}),
      });
    const first = await vote(council[0], true);
    expect(first.status).toBe(200);
    // The answer (the workflow's state) says who voted, not how.
    expect(first.body.council).toEqual({ eligibleCount: 5, voted: [memberIds[0]] });
    expect(JSON.stringify(first.body)).not.toMatch(/"approve"/);
    expect((await vote(council[1], true)).status).toBe(200);
    expect((await vote(council[2], false)).status).toBe(200);
    expect((await vote(council[3], true)).status).toBe(200);
    expect((await vote(council[0], true, council[4])).status).toBe(200);

    const passed = await waitFor(
      async () => {
        const d = await detail();
        return d.status === 'AWAITING_DECISION' ? d : undefined;
      },
      { description: 'the vote counted' },
    );
    // The minutes count right from the anonymous tally.
    expect(passed.voteMinutes).toContain('Tổng số thành viên Hội đồng: 5');
    expect(passed.voteMinutes).toContain('Số phiếu thu về: 5 (trong đó bằng văn bản: 1)');
    expect(passed.voteMinutes).toContain('Số phiếu đồng ý: 4, đạt 80,0% tổng số thành viên');
    const view = await sys.temporal.workflow.getHandle(workflowId).query(nominationStatusQuery);
    expect(JSON.stringify(view)).not.toMatch(/"approve"/);

    // ── PostgreSQL ────────────────────────────────────────────────────────────────────────────
    const participations = await sys.prisma.councilVoteParticipation.findMany({
      where: { nominationId: id },
      orderBy: { votedAt: 'asc' },
    });
    expect(participations.map((p) => [p.memberUserId, p.written])).toEqual([
      [memberIds[0], false],
      [memberIds[1], false],
      [memberIds[2], false],
      [memberIds[3], false],
      [memberIds[4], true],
    ]);
    expect(await sys.prisma.councilVoteTally.findMany({ where: { nominationId: id } })).toEqual([
      { nominationId: id, stepIndex: 2, round: 1, approvals: 4, rejections: 1 },
    ]);

    // What the tables can hold: the participation has no choice, the tally no voter, no time,
    // no row per ballot; the table that linked them is gone.
    const columns = await sys.prisma.$queryRaw<{ table: string; column: string }[]>`
      SELECT table_name::text AS "table", column_name::text AS "column" FROM information_schema.columns
      WHERE table_schema = 'public' AND table_name IN ('CouncilVoteParticipation', 'CouncilVoteTally', 'CouncilBallot')
      ORDER BY table_name, ordinal_position`;
    const of = (t: string) => columns.filter((c) => c.table === t).map((c) => c.column);
    expect(of('CouncilBallot')).toEqual([]);
    expect(of('CouncilVoteTally').sort()).toEqual(
      ['approvals', 'nominationId', 'rejections', 'round', 'stepIndex'].sort(),
    );
    expect(of('CouncilVoteParticipation')).not.toEqual(
      expect.arrayContaining([expect.stringMatching(/approv|reject|choice|vote$/i)]),
    );

    // Every row of every table that names a council member: none carries a choice.
    const tables = await sys.prisma.$queryRaw<{ name: string }[]>`
      SELECT table_name::text AS name FROM information_schema.tables
      WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`;
    const patterns = memberIds.map((m) => `%${m}%`);
    const linking: string[] = [];
    for (const { name } of tables) {
      const rows = await sys.prisma.$queryRawUnsafe<{ r: string }[]>(
        `SELECT row_to_json(t)::text AS r FROM "${name.replace(/"/g, '""')}" t
         WHERE row_to_json(t)::text LIKE ANY($1::text[])`,
        patterns,
      );
      for (const { r } of rows) {
        if (/"(approve|approved|choice|ballotChoice)"\s*:/.test(r)) linking.push(`${name}: ${r}`);
        // A per-ballot row next to a member: a yes/no count of 0/1 for this member's row.
        if (name === 'CouncilVoteTally') linking.push(`${name}: ${r}`);
      }
    }
    expect(linking).toEqual([]);

    // ── Temporal history, decoded with the payload key ──────────────────────────────────────
    const history: History = await sys.temporal.workflow.getHandle(workflowId).fetchHistory();
    const codec = new EncryptionCodec(PayloadKeyRing.fromConfig(sys.config) as PayloadKeyRing);
    const raw = payloadsOf(history);
    expect(raw.length).toBeGreaterThan(10);
    const decoded = (await codec.decode(raw)).map((p) => {
      try {
        return JSON.stringify(defaultPayloadConverter.fromPayload(p) ?? null);
      } catch {
        return latin1(p.data);
      }
    });
    // Nothing anywhere in the clear: no choice, no member, no key name of a choice. Only the
    // SDK's own patch markers and search attributes (patch ids, indexed by the server) are not
    // encrypted.
    const sdkOwn = payloadsOf(
      (history.events ?? []).map((e) => [
        e.markerRecordedEventAttributes,
        e.upsertWorkflowSearchAttributesEventAttributes,
      ]),
    );
    for (const p of raw) {
      if (!sdkOwn.includes(p)) {
        expect(latin1(p.metadata?.[METADATA_ENCODING_KEY])).toBe(ENCODING_ENCRYPTED);
      }
      const bytes = latin1(p.data);
      expect(bytes).not.toContain('approve');
      expect(bytes).not.toContain('sealedBallot');
      for (const m of memberIds) expect(bytes).not.toContain(m);
    }
    const json = historyToJSON(history);
    for (const m of memberIds) expect(json).not.toContain(m);

    // Decoded: the ballot Updates carry who voted and a sealed choice, and no payload that names
    // a member says how anyone voted.
    const ballotArgs = (history.events ?? [])
      .map((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest)
      .filter((r) => r?.input?.name === 'castCouncilBallot');
    expect(ballotArgs).toHaveLength(5);
    for (const r of ballotArgs) {
      const [arg] = await codec.decode(r?.input?.args?.payloads ?? []);
      const cmd = defaultPayloadConverter.fromPayload<Record<string, unknown>>(arg);
      expect(Object.keys(cmd).sort()).toEqual(['actor', 'memberUserId', 'sealedBallot', 'written']);
      expect(cmd['sealedBallot']).toMatch(/^b1\.test-1\.[A-Za-z0-9_-]{39}$/);
    }
    expect(decoded.some((d) => d.includes('sealedBallot'))).toBe(true);
    for (const d of decoded) {
      expect(d).not.toMatch(/"approve"\s*:/);
      if (memberIds.some((m) => d.includes(m))) expect(d).not.toMatch(/"(approvals|rejections)"/);
    }
    // The counts are in the history only as the anonymous tally and the minutes.
    expect(decoded.some((d) => d.includes('"approvals":4') && d.includes('"rejections":1'))).toBe(
      true,
    );

    // ── The same history without the key ───────────────────────────────────────────────────
    const connection = await Connection.connect({ address: sys.config.temporal.address });
    try {
      const plain = new Client({ connection, namespace: sys.config.temporal.namespace });
      const seen = await plain.workflow.getHandle(workflowId).fetchHistory();
      const undecodable = payloadsOf(
        (seen.events ?? []).filter(
          (e) =>
            !e.markerRecordedEventAttributes && !e.upsertWorkflowSearchAttributesEventAttributes,
        ),
      );
      expect(undecodable.length).toBe(raw.length - sdkOwn.length);
      for (const p of undecodable) {
        expect(() => defaultPayloadConverter.fromPayload(p)).toThrow();
      }
      await expect(
        plain.workflow.getHandle(workflowId).query(nominationStatusQuery),
      ).rejects.toThrow();
    } finally {
      await connection.close();
    }
  }, 180_000);
});
