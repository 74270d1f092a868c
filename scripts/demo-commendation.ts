/* Demo nominations for every approval role (idempotent: does nothing if nominations exist).
 * Run by `npm start` once the API is up; on the real calendar, so each stays where it is left:
 * awaiting a unit head, the cluster head, an appraisal, a council vote, a decision, a revision,
 * in public posting; and one issued decision with certificates. */
import {
  ApiClient,
  DEMO_PASSWORD,
  demoUnits,
  officerUsername,
  signerUsername,
  waitFor,
} from '@epw/testing';

const API = process.env['DEMO_API_URL'] ?? `http://127.0.0.1:${process.env['API_PORT'] ?? '3000'}`;
const http = new ApiClient(API, DEMO_PASSWORD);
const log = (msg: string) => console.log(`    demo: ${msg}`);
const pdf = Buffer.from('%PDF-1.4\n% hồ sơ minh họa\n').toString('base64');
const docs = (...kinds: string[]) =>
  kinds.map((kind) => ({
    kind,
    fileName: `${kind}.pdf`,
    mediaType: 'application/pdf',
    contentBase64: pdf,
  }));

async function ok<T>(res: Promise<{ status: number; body: T }>, what: string): Promise<T> {
  const r = await res;
  if (r.status >= 300) throw new Error(`${what}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

interface Unit {
  code: string;
  id: string;
  signer: string;
  officer: string;
  people: { id: string; fullName: string }[];
}

async function main(): Promise<void> {
  const existing = await ok(http.as<unknown[]>('admin', 'GET', '/nominations'), 'nominations');
  if (existing.length > 0) {
    log(`${existing.length} nominations exist: nothing to add`);
    return;
  }
  const units = new Map<string, Unit>();
  for (const u of demoUnits) {
    const signer = signerUsername(u.code);
    const me = await ok(http.as<{ unitId: string }>(signer, 'GET', '/auth/me'), 'me');
    const people = await ok(
      http.as<{ id: string; fullName: string }[]>(signer, 'GET', `/units/${me.unitId}/people`),
      'people',
    );
    units.set(u.code, {
      code: u.code,
      id: me.unitId,
      signer,
      officer: officerUsername(u.code),
      people,
    });
  }
  const unit = (code: string) => units.get(code) as Unit;
  const year = Number(new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 4));
  const nominate = async (u: Unit, body: Record<string, unknown>) =>
    (
      await ok(
        http.as<{ id: string }>(u.officer, 'POST', '/nominations', {
          year,
          achievement: `Thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm ${year}`,
          ...body,
        }),
        `nominate ${u.code}`,
      )
    ).id;
  const at = (id: string, status: string, step?: string) =>
    waitFor(
      async () => {
        const n = await ok(
          http.as<{ status: string; currentStep: { key: string } | null }>(
            'admin',
            'GET',
            `/nominations/${id}`,
          ),
          'nomination',
        );
        return n.status === status && (!step || n.currentStep?.key === step) ? n : undefined;
      },
      { timeoutMs: 60_000, description: `nomination ${id} ${status} ${step ?? ''}` },
    );
  const act = async (
    user: string,
    id: string,
    step: string,
    decision = 'APPROVE',
    reason?: string,
  ) => {
    await at(id, 'IN_REVIEW', step);
    await ok(
      http.as(user, 'POST', `/nominations/${id}/steps/${step}`, { decision, reason }),
      `${step}`,
    );
  };
  const title = (u: Unit, p: number) => ({
    formCode: 'LDTT',
    nomineeKind: 'PERSON',
    nomineePersonId: u.people[p].id,
    achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${year}`,
    documents: docs('to-trinh', 'bien-ban-hop-xet'),
  });

  // Seven "Lao động tiên tiến" titles through the cluster council's chain; three are decided.
  const codes = ['DUK-NNPTNT', 'DUK-VHTTDL', 'DUK-GTVT', 'DUK-XD', 'DUK-YT', 'DUK-TNMT', 'DUK-NH'];
  const decided: string[] = [];
  for (const code of codes) {
    const id = await nominate(unit(code), title(unit(code), 0));
    await act(unit(code).signer, id, 'unit-head');
    await act('hdtd-cum01.reviewer', id, 'appraisal');
    await at(id, 'AWAITING_DECISION');
    decided.push(id);
  }
  const decision = await ok(
    http.as<{ id: string }>('hdtd-cum01.lanhdao', 'POST', '/decisions', {
      number: `01/QĐ-HĐTĐ-${year}`,
      signedOn: `${year}-10-12`,
      title: `Quyết định công nhận danh hiệu "Lao động tiên tiến" năm ${year}`,
      ceremonyName: `Lễ tuyên dương điển hình "Dân vận khéo" năm ${year}`,
      ceremonyOn: `${year}-10-15`,
      signerName: 'Nguyễn Văn An',
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: decided.slice(0, 3),
    }),
    'decision',
  );
  await ok(http.as('hdtd-cum01.lanhdao', 'POST', `/decisions/${decision.id}/issue`), 'issue');
  log(
    '7 titles through their chain; decision 01/QĐ-HĐTĐ issued for 3 (certificates), 4 await a decision',
  );

  // Waiting for the unit head (duk-yt.signer) and for the appraisal (hdtd-cum01.reviewer).
  await nominate(unit('DUK-YT'), title(unit('DUK-YT'), 1));
  const atAppraisal = await nominate(unit('DUK-XD'), title(unit('DUK-XD'), 1));
  await act(unit('DUK-XD').signer, atAppraisal, 'unit-head');
  // Returned for revision (duk-vhttdl.officer revises and resubmits).
  const returned = await nominate(unit('DUK-VHTTDL'), title(unit('DUK-VHTTDL'), 1));
  await act(unit('DUK-VHTTDL').signer, returned, 'unit-head');
  await act(
    'hdtd-cum01.reviewer',
    returned,
    'appraisal',
    'RETURN',
    'Bổ sung biên bản họp xét có chữ ký',
  );
  // Giấy khen: one awaiting the cluster head (duk-dntp.signer), one in public posting.
  const gk = (code: string) =>
    nominate(unit(code), {
      formCode: 'GK-BDV',
      nomineeKind: 'UNIT',
      nomineeUnitId: unit(code).id,
      documents: docs('to-trinh', 'bao-cao-thanh-tich', 'bien-ban-hop-xet'),
    });
  await act(unit('DUK-GTVT').signer, await gk('DUK-GTVT'), 'unit-head');
  const posted = await gk('DUK-TNMT');
  await act(unit('DUK-TNMT').signer, posted, 'unit-head');
  await act('duk-dntp.signer', posted, 'cluster-head');
  await act('bdv-tu.reviewer', posted, 'appraisal');
  await at(posted, 'POSTED');
  // A medal in the central council's secret ballot (bdv-tw.hd1 … hd5).
  const medal = await nominate(unit('DUK-NH'), {
    formCode: 'KNC-DV',
    nomineeKind: 'PERSON',
    nomineePersonId: unit('DUK-NH').people[2].id,
    achievement: 'Đã có nhiều đóng góp cho sự nghiệp dân vận của Đảng',
    documents: docs('to-trinh', 'bao-cao-thanh-tich'),
  });
  await act(unit('DUK-NH').signer, medal, 'unit-head');
  await act('bdv-tw.reviewer', medal, 'appraisal');
  await at(medal, 'VOTING');
  log('waiting: a unit head (duk-yt.signer), the cluster head (duk-dntp.signer), an appraisal');
  log(
    '(hdtd-cum01.reviewer), a revision (duk-vhttdl.officer), a public posting, a council vote (bdv-tw.hd1-5)',
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
