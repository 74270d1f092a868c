import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startOfVietnamDay } from '@epw/domain';
import { P12DocumentSigner, createLocalCa, issueSigningP12 } from '@epw/documents';
import {
  createFixtureCluster,
  demoPledgeItems,
  ensureCommendationSetup,
  uniqueSuffix,
  waitFor,
  type AuthorityAccounts,
  type FixtureCluster,
  dossierFile,
} from '@epw/testing';
// The documents library's own test helper (pdf.js in a child process); not part of its API.
// eslint-disable-next-line @nx/enforce-module-boundaries
import { pdfPageTexts } from '../../libs/documents/src/testing/pdf-text';
import { startTestSystem, type TestSystem } from '../support/test-system';

const YEAR = 2026;
const doc = dossierFile;

/**
 * pdfsig (poppler-utils), a verifier this project did not write, over a file, with an NSS
 * database that trusts the test's own CA. Answers its report, one block per signature.
 */
class Pdfsig {
  readonly dir = mkdtempSync(join(tmpdir(), 'epw-pdfsig-'));
  readonly nss = join(this.dir, 'nss');

  constructor(caPem: string) {
    mkdirSync(this.nss);
    writeFileSync(join(this.dir, 'ca.pem'), caPem);
    execFileSync('certutil', ['-N', '-d', `sql:${this.nss}`, '--empty-password']);
    execFileSync('certutil', [
      ...['-A', '-d', `sql:${this.nss}`, '-n', 'epw-test-ca', '-t', 'CT,C,C'],
      ...['-i', join(this.dir, 'ca.pem')],
    ]);
  }

  report(pdf: Buffer, name: string): string {
    const file = join(this.dir, name);
    writeFileSync(file, pdf);
    try {
      return execFileSync('pdfsig', ['-nssdir', `sql:${this.nss}`, file], { encoding: 'utf8' });
    } catch (err) {
      // pdfsig exits non-zero when a signature does not verify; the report is still on stdout.
      return String((err as { stdout?: string }).stdout ?? '');
    }
  }

  /** Each signature's block of the report. */
  signatures(pdf: Buffer, name: string): string[] {
    return this.report(pdf, name)
      .split(/^Signature #\d+:$/m)
      .slice(1);
  }
}

/** One byte of page content changed, in the part every signature covers. */
function tampered(pdf: Buffer): Buffer {
  const copy = Buffer.from(pdf);
  const stream = copy.indexOf('stream\n', 2000);
  copy[stream + 40] ^= 0x01;
  return copy;
}

/** Pictures of the first pages, to look at (EPW_ARTIFACTS_DIR). */
function keep(pdf: Buffer, name: string): void {
  const dir = process.env['EPW_ARTIFACTS_DIR'];
  if (!dir) return;
  writeFileSync(join(dir, `${name}.pdf`), pdf);
  execFileSync('pdftoppm', ['-png', '-r', '60', join(dir, `${name}.pdf`), join(dir, name)]);
}

describe('signed documents: the signed pledge, sealed decisions and certificates (pdfsig)', () => {
  let sys: TestSystem;
  let cluster: FixtureCluster;
  let auth: Record<string, AuthorityAccounts>;
  let pdfsig: Pdfsig;
  let ca: ReturnType<typeof createLocalCa>;
  const suffix = uniqueSuffix();
  const workflows: string[] = [];

  const download = async (user: string, path: string) => {
    const token = await sys.http.login(user);
    const res = await fetch(`${sys.http.baseUrl}${path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  beforeAll(async () => {
    // The deployment's seal, as production configures it: a PKCS#12 file and its password.
    ca = createLocalCa({ commonName: 'EPW Test CA', organization: 'EPW tests' });
    const seal = issueSigningP12(ca, {
      commonName: 'Hệ thống Thi đua – Khen thưởng',
      organization: 'Ban Dân vận Thành ủy',
    });
    pdfsig = new Pdfsig(ca.certificatePem);
    const p12Path = join(pdfsig.dir, 'document-signing.p12');
    writeFileSync(p12Path, seal.p12);
    // Personal certificates of the same CA may add their signatures (a licensed CA's root here).
    writeFileSync(join(pdfsig.dir, 'ca.pem'), ca.certificatePem);
    sys = await startTestSystem({
      DOCUMENT_SIGNING_P12_PATH: p12Path,
      DOCUMENT_SIGNING_P12_PASSWORD: seal.password,
      PERSONAL_SIGNATURE_CA_PATH: join(pdfsig.dir, 'ca.pem'),
    });
    cluster = await createFixtureCluster(sys.prisma, suffix, [YEAR]);
    auth = await ensureCommendationSetup(sys.prisma);
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

  it('hands every member the signed copy after the countersignature, sealed; one byte changed breaks it', async () => {
    const created = await sys.http.as<{ id: string }>(cluster.admin, 'POST', '/cycles', {
      clusterId: cluster.clusterId,
      movementCode: 'GUOC',
      movementName: 'Phong trào thi đua "Dân vận khéo"',
      periodKind: 'YEAR',
      periodLabel: String(YEAR),
      startsOn: `${YEAR}-01-01`,
      endsOn: `${YEAR}-12-31`,
      pledge: {
        title: 'Nội dung ký kết giao ước thi đua công tác dân vận',
        documents: [
          `Chương trình công tác dân vận năm ${YEAR}`,
          'Quy chế tổ chức và hoạt động thi đua công tác dân vận',
        ],
        items: demoPledgeItems(YEAR),
      },
    });
    expect(created.status).toBe(201);
    const roundId = `pledge-signing-${cluster.clusterCode}-GUOC-${YEAR}`;
    workflows.push(roundId);
    const [head, decliner] = [cluster.head, cluster.units[3]];
    const opened = await sys.http.as(
      head.signer,
      'POST',
      `/cycles/${created.body.id}/signing-round`,
      { deadline: `${YEAR}-12-31` },
    );
    expect(opened.status).toBe(201);
    await waitFor(
      async () =>
        (await sys.prisma.signingRound.findUnique({ where: { id: roundId } })) ?? undefined,
      { description: 'the round in PostgreSQL' },
    );

    // The conference package is there from the start, for every member.
    const pkg = await download(cluster.units[5].officer, `/signing-rounds/${roundId}/package.pdf`);
    expect(pkg.status).toBe(200);
    expect(pkg.type).toBe('application/pdf');
    const pkgText = pdfPageTexts(pkg.bytes).join('\n').replace(/\s+/g, ' ');
    expect(pkgText).toContain('GIAO ƯỚC THI ĐUA');
    expect(pkgText).toContain('Quy chế tổ chức và hoạt động thi đua công tác dân vận');
    expect(pkgText).toContain(demoPledgeItems(YEAR)[0].slice(0, 40));
    expect(pdfsig.report(pkg.bytes, 'package.pdf')).toContain('Signature is Valid');
    const early = await download(
      cluster.units[5].officer,
      `/signing-rounds/${roundId}/signed-copy.pdf`,
    );
    expect(early.status).toBe(409);
    expect(JSON.parse(early.bytes.toString('utf8'))).toMatchObject({
      code: 'SIGNED_COPY_NOT_READY',
    });

    // One unit declines first, then signs; everyone signs; the head countersigns.
    const declined = await sys.http.as(
      decliner.signer,
      'POST',
      `/signing-rounds/${roundId}/decline`,
      {
        unitId: decliner.id,
        version: 1,
        reason: 'Đề nghị bổ sung chỉ tiêu về chuyển đổi số trước khi ký',
      },
    );
    expect(declined.status).toBe(200);
    for (const unit of cluster.units) {
      const res = await sys.http.as(unit.signer, 'POST', `/signing-rounds/${roundId}/sign`, {
        unitId: unit.id,
        version: 1,
      });
      expect(res.status).toBe(200);
    }
    const countersigned = await sys.http.as(
      head.signer,
      'POST',
      `/signing-rounds/${roundId}/countersign`,
      { version: 1 },
    );
    expect(countersigned.status).toBe(200);
    await waitFor(
      async () => {
        const r = await sys.prisma.signingRound.findUnique({ where: { id: roundId } });
        return r?.status === 'EFFECTIVE' && r.countersignedAt ? r : undefined;
      },
      { description: 'the round effective in PostgreSQL' },
    );

    // Any member unit's user downloads it (here an officer, who cannot sign).
    const copy = await download(
      cluster.units[7].officer,
      `/signing-rounds/${roundId}/signed-copy.pdf`,
    );
    expect(copy.status).toBe(200);
    expect(copy.type).toBe('application/pdf');
    keep(copy.bytes, 'signed-pledge');
    const pages = pdfPageTexts(copy.bytes);
    const certificate = pages
      .slice(pages.findIndex((p) => p.includes('CHỨNG NHẬN HOÀN TẤT KÝ KẾT')))
      .join('\n')
      .replace(/\s+/g, ' ');
    expect(certificate).toContain('Đã ký: 12/12 đơn vị');
    const users = await sys.prisma.user.findMany({
      where: { username: { in: cluster.units.map((u) => u.signer) } },
      select: { fullName: true, unitId: true },
    });
    for (const unit of cluster.units) {
      const name = (await sys.prisma.unit.findUniqueOrThrow({ where: { id: unit.id } })).name;
      expect(certificate).toContain(name.replace(/\s+/g, ' '));
      const signer = users.find((u) => u.unitId === unit.id);
      expect(certificate).toContain(`Người ký: ${signer?.fullName ?? '?'}`);
    }
    expect(certificate).toContain('Từ chối ký'.toLowerCase()); // the lapsed decline, listed as earlier
    expect(certificate).toContain('Đề nghị bổ sung chỉ tiêu'.slice(0, 10));
    expect(certificate).toContain('Cụm trưởng ký xác nhận');
    const chain = await sys.prisma.auditLog.findMany({
      where: { entityType: 'SigningRound', entityId: roundId },
    });
    for (const entry of chain) expect(certificate).toContain(entry.hash);

    const [sealReport] = pdfsig.signatures(copy.bytes, 'signed-pledge.pdf');
    expect(sealReport).toContain('Signer Certificate Common Name: Hệ thống Thi đua – Khen thưởng');
    expect(sealReport).toContain('Signature Validation: Signature is Valid.');
    expect(sealReport).toContain('Certificate Validation: Certificate is Trusted.');
    expect(sealReport).toContain('Total document signed');

    const broken = pdfsig.report(tampered(copy.bytes), 'signed-pledge-tampered.pdf');
    expect(broken).not.toContain('Signature is Valid');
    expect(broken).toMatch(/Digest Mismatch|Signature is Invalid/);

    // Two members' signers add their own digital signatures with their personal certificates.
    const path = `/signing-rounds/${roundId}/signed-copy/signatures`;
    const [first, second] = [cluster.units[2], cluster.units[4]];
    const nameOf = async (username: string) =>
      (await sys.prisma.user.findUniqueOrThrow({ where: { username } })).fullName;
    const personal = (commonName: string, issuer = ca) => {
      const issued = issueSigningP12(issuer, { commonName, organization: 'Đơn vị thành viên' });
      return { certificateBase64: issued.p12.toString('base64'), password: issued.password };
    };
    const firstP12 = personal(await nameOf(first.signer));
    const refused = async (user: string, body: object) => {
      const res = await sys.http.as<{ code: string; errors?: { field: string; rule: string }[] }>(
        user,
        'POST',
        path,
        body,
      );
      return {
        status: res.status,
        code: res.body.code,
        rules: res.body.errors?.map((e) => `${e.field} ${e.rule}`),
      };
    };
    const stranger = createLocalCa({ commonName: 'Some Other CA', organization: 'elsewhere' });
    expect(
      await refused(first.signer, personal(await nameOf(first.signer), stranger)),
    ).toMatchObject({
      status: 400,
      rules: ['certificateBase64 trustedIssuer'],
    });
    expect(
      await refused(first.signer, { ...firstP12, password: 'not-the-password' }),
    ).toMatchObject({
      status: 400,
      rules: ['certificateBase64 pkcs12'],
    });
    expect(await refused(first.signer, personal('Nguyễn Văn Người Khác'))).toMatchObject({
      status: 400,
      rules: ['certificateBase64 certificateOfSigner'],
    });
    expect(await refused(first.officer, firstP12)).toMatchObject({
      status: 403,
      code: 'NOT_A_SIGNER',
    });
    expect(await sys.prisma.signedCopyRevision.count({ where: { roundId } })).toBe(0);

    const added = await sys.http.as<{ sequence: number; certificateSubject: string }>(
      first.signer,
      'POST',
      path,
      { ...firstP12, reason: 'Ký xác nhận thay mặt đơn vị' },
    );
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      sequence: 1,
      certificateSubject: await nameOf(first.signer),
    });
    expect(await refused(first.signer, firstP12)).toMatchObject({
      status: 409,
      code: 'PERSONAL_SIGNATURE_EXISTS',
    });
    const again = await sys.http.as(
      second.signer,
      'POST',
      path,
      personal(await nameOf(second.signer)),
    );
    expect(again.status).toBe(201);

    const listed = await sys.http.as<{ sequence: number; signerUnitId: string }[]>(
      cluster.units[7].officer,
      'GET',
      path,
    );
    expect(listed.body.map((s) => [s.sequence, s.signerUnitId])).toEqual([
      [1, first.id],
      [2, second.id],
    ]);
    const signed = await download(
      cluster.units[7].officer,
      `/signing-rounds/${roundId}/signed-copy.pdf`,
    );
    expect(signed.status).toBe(200);
    keep(signed.bytes, 'signed-pledge-personal');
    const blocks = pdfsig.signatures(signed.bytes, 'signed-pledge-personal.pdf');
    expect(blocks).toHaveLength(3);
    for (const block of blocks) {
      expect(block).toContain('Signature Validation: Signature is Valid.');
      expect(block).toContain('Certificate Validation: Certificate is Trusted.');
    }
    // pdfsig lists them in the file's field order: each block names its signer once.
    const blockOf = (name: string) => blocks.filter((b) => b.includes(`Common Name: ${name}\n`));
    expect(blockOf('Hệ thống Thi đua – Khen thưởng')).toHaveLength(1);
    expect(blockOf(await nameOf(first.signer))).toHaveLength(1);
    const [last] = blockOf(await nameOf(second.signer));
    expect(last).toContain('Total document signed');
    // Incremental: the sealed copy the first signature went onto is a prefix of the final file.
    const base = await sys.prisma.signedCopyRevision.findUniqueOrThrow({
      where: { roundId_sequence: { roundId, sequence: 0 } },
    });
    const sealedBase = Buffer.from(base.pdf);
    expect(signed.bytes.subarray(0, sealedBase.length - 1).equals(sealedBase.subarray(0, -1))).toBe(
      true,
    );
    expect(
      await sys.prisma.auditLog.count({
        where: { entityId: roundId, action: 'pledge-signing.personal-signature' },
      }),
    ).toBe(2);
  });

  it('seals a decision with 50 recipients and its certificates; a leader adds a personal signature', async () => {
    const scale = 86_400 / 2;
    const calendarToday = startOfVietnamDay(`${YEAR}-09-01`) + 9 * 3_600_000;
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
    const hdtd = auth['HDTD-CUM01'];
    const admin = cluster.admin;
    const detail = async (id: string) =>
      (
        await sys.http.as<{ status: string; currentStep: { key: string } | null }>(
          admin,
          'GET',
          `/nominations/${id}`,
        )
      ).body;
    const wait = (
      id: string,
      check: (d: Awaited<ReturnType<typeof detail>>) => boolean,
      what: string,
    ) =>
      waitFor(async () => ((d) => (check(d) ? d : undefined))(await detail(id)), {
        timeoutMs: 120_000,
        description: `nomination ${id} ${what}`,
      });
    const approve = async (user: string, id: string, step: string) => {
      await wait(id, (d) => d.currentStep?.key === step && d.status === 'IN_REVIEW', `at ${step}`);
      const res = await sys.http.as(user, 'POST', `/nominations/${id}/steps/${step}`, {
        decision: 'APPROVE',
      });
      expect(res.status).toBe(200);
    };

    // 50 people across the 12 units for "Lao động tiên tiến", decided by the cluster council.
    const ids: string[] = [];
    await Promise.all(
      cluster.units.map(async (unit, u) => {
        for (let n = 1; n <= (u < 2 ? 5 : 4); n++) {
          const person = await sys.http.as<{ id: string }>(
            unit.officer,
            'POST',
            `/units/${unit.id}/people`,
            { fullName: `Trần Thị Ký Số ${u + 1}.${n}`, position: 'Chuyên viên' },
          );
          expect(person.status).toBe(201);
          const created = await sys.http.as<{ id: string; workflowId: string }>(
            unit.officer,
            'POST',
            '/nominations',
            {
              cycleId: cycle.id,
              year: YEAR,
              formCode: 'LDTT',
              nomineeKind: 'PERSON',
              nomineePersonId: person.body.id,
              achievement: `Hoàn thành xuất sắc nhiệm vụ năm ${YEAR}`,
              documents: ['to-trinh', 'bien-ban-hop-xet'].map(doc),
            },
          );
          expect(created.status).toBe(201);
          workflows.push(created.body.workflowId);
          await approve(unit.signer, created.body.id, 'unit-head');
          await approve(hdtd.reviewer, created.body.id, 'appraisal');
          ids.push(created.body.id);
        }
      }),
    );
    expect(ids).toHaveLength(50);
    await Promise.all(
      ids.map((id) => wait(id, (d) => d.status === 'AWAITING_DECISION', 'awaiting')),
    );

    const draft = await sys.http.as<{ id: string }>(hdtd.leader, 'POST', '/decisions', {
      number: `126-${suffix}/QĐ-HĐTĐ`,
      signedOn: `${YEAR}-10-12`,
      title: `Quyết định công nhận danh hiệu "Lao động tiên tiến" năm ${YEAR}`,
      signerName: 'Nguyễn Văn Chủ Tịch',
      signerTitle: 'CHỦ TỊCH HỘI ĐỒNG',
      nominationIds: ids,
    });
    expect(draft.status).toBe(201);
    const issued = await sys.http.as<{
      recipients: { award: { id: string; verificationCode: string } | null }[];
    }>(hdtd.leader, 'POST', `/decisions/${draft.body.id}/issue`);
    expect(issued.status).toBe(200);

    const decision = await download(hdtd.leader, `/decisions/${draft.body.id}/pdf`);
    expect(decision.status).toBe(200);
    keep(decision.bytes, 'signed-decision');
    const annex = pdfPageTexts(decision.bytes).join('\n').replace(/\s+/g, ' ');
    expect(annex).toContain('cho 50 cá nhân');
    expect(annex.match(/Trần Thị Ký Số \d+\.\d/g)).toHaveLength(50);
    const [decisionSeal] = pdfsig.signatures(decision.bytes, 'decision.pdf');
    expect(decisionSeal).toContain('Signature Validation: Signature is Valid.');
    expect(decisionSeal).toContain('Certificate Validation: Certificate is Trusted.');
    expect(pdfsig.report(tampered(decision.bytes), 'decision-tampered.pdf')).not.toContain(
      'Signature is Valid',
    );

    const certificates = await download(hdtd.leader, `/decisions/${draft.body.id}/certificates`);
    expect(certificates.status).toBe(200);
    expect(certificates.bytes.toString('latin1').match(/\/Type \/Page\b/g)?.length).toBe(50);
    const [certSeal] = pdfsig.signatures(certificates.bytes, 'certificates.pdf');
    expect(certSeal).toContain('Signature Validation: Signature is Valid.');
    expect(pdfsig.report(tampered(certificates.bytes), 'certificates-tampered.pdf')).not.toContain(
      'Signature is Valid',
    );
    const award = issued.body.recipients[0].award;
    const single = await download(hdtd.leader, `/awards/${award?.id}/certificate`);
    expect(pdfsig.report(single.bytes, 'certificate.pdf')).toContain('Signature is Valid');

    // The public verification page shows the seal.
    const verified = await fetch(`${sys.http.baseUrl}/verify/${award?.verificationCode}`);
    expect(await verified.json()).toMatchObject({
      valid: true,
      signature: {
        signed: true,
        status: 'VALID',
        signedBy: 'Hệ thống Thi đua – Khen thưởng',
        issuer: 'EPW Test CA',
      },
    });

    // The deciding leader signs with a personal certificate: an incremental update, so the seal
    // stays valid and both signatures verify.
    const personal = issueSigningP12(ca, { commonName: 'Nguyễn Văn Chủ Tịch' });
    const both = await new P12DocumentSigner(personal.p12, personal.password).sign(decision.bytes, {
      reason: 'Ký ban hành quyết định',
      location: 'TP. Hồ Chí Minh',
    });
    expect(both.subarray(0, decision.bytes.length - 1).equals(decision.bytes.subarray(0, -1))).toBe(
      true,
    );
    const reports = pdfsig.signatures(both, 'decision-two-signatures.pdf');
    expect(reports).toHaveLength(2);
    for (const r of reports) expect(r).toContain('Signature Validation: Signature is Valid.');
    expect(reports.join('\n')).toContain('Signer Certificate Common Name: Nguyễn Văn Chủ Tịch');
    const twiceBroken = pdfsig.report(tampered(both), 'decision-two-tampered.pdf');
    expect(twiceBroken).not.toContain('Signature is Valid');
  }, 600_000);
});
