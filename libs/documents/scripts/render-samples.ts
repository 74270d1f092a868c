/* Renders sample documents for a person to look at: .data/samples/*.pdf, and PNG pages next to
 * them when poppler's `pdftoppm` is installed. Usage, from the repository root:
 *   node -r @swc-node/register libs/documents/scripts/render-samples.ts */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  awardHistoryCsv,
  awardHistoryXlsx,
  renderCertificatesPdf,
  renderDecisionPdf,
  renderTextDocumentPdf,
} from '../src';
import {
  sampleAwardHistory,
  sampleCertificate,
  sampleDecision,
  samplePartyDecision,
} from '../src/testing/samples';

const outDir = join(process.cwd(), '.data', 'samples');

async function main(): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const files: Record<string, Buffer | string> = {
    'certificate.pdf': await renderCertificatesPdf([sampleCertificate()]),
    'certificates.pdf': await renderCertificatesPdf([
      sampleCertificate({
        style: 'STATE',
        formName: 'Bằng khen',
        authorityName: 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
        signerLines: ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
        signerName: 'Nguyễn Văn Được',
        recipientKind: 'UNIT',
        recipientName: 'Ủy ban nhân dân phường Bến Thành',
        recipientDetail: null,
        decisionNumber: '1234/QĐ-UBND',
        serial: 'UBND-TP/2026/000124',
      }),
      sampleCertificate({
        formName: 'Điển hình "Dân vận khéo" cấp Thành phố',
        authorityName: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
        signerLines: ['TRƯỞNG BAN'],
        recipientKind: 'INITIATIVE',
        recipientName: '"Chợ an toàn thực phẩm, văn minh thương mại"',
        recipientDetail: 'Ban Quản lý chợ Bến Thành',
        serial: 'BDV/2026/000007',
      }),
      // The longest texts the layout has to absorb.
      sampleCertificate({
        formName: 'Kỷ niệm chương',
        recipientKind: 'UNIT',
        recipientName:
          'Tập thể Phòng Cảnh sát phòng cháy, chữa cháy và cứu nạn, cứu hộ Công an Thành phố Hồ Chí Minh',
        recipientDetail: null,
        signerName: null,
        achievement:
          'Đã có thành tích xuất sắc trong phong trào thi đua "Dân vận khéo" năm 2026, ' +
          'góp phần hoàn thành thắng lợi nhiệm vụ chính trị của Thành phố; ' +
          'tích cực tham gia xây dựng hệ thống chính trị ở cơ sở vững mạnh, ' +
          'vận động Nhân dân chung tay xây dựng nông thôn mới, đô thị văn minh, ' +
          'bảo đảm an ninh trật tự và an toàn xã hội trên địa bàn dân cư',
        serial: 'ĐUK/2026/009999',
      }),
      sampleCertificate({
        serial: 'ĐUK/2026/000125',
        revoked: {
          on: '2026-11-20',
          reason: 'Thành tích kê khai không đúng sự thật (Quyết định số 99/QĐ-ĐUK)',
        },
      }),
    ]),
    'decision.pdf': await renderDecisionPdf(sampleDecision(60)),
    'decision-party.pdf': await renderDecisionPdf(samplePartyDecision(12)),
    'minutes.pdf': await renderTextDocumentPdf({
      title: 'BIÊN BẢN KIỂM PHIẾU',
      lines: [
        'Biểu quyết suy tôn đơn vị dẫn đầu phong trào thi đua',
        '',
        'Cụm thi đua: Cụm thi đua số 3 – các quận trung tâm',
        'Kỳ thi đua: năm 2026',
        'Ngày kiểm phiếu: 05/12/2026',
        '',
        'Kết quả:',
        '1. Ủy ban nhân dân phường Bến Thành: 9/11 phiếu đồng ý, đạt 81,8% tổng số thành viên (đạt), là đơn vị có số phiếu cao nhất trong cụm thi đua năm nay',
        '2. Ủy ban nhân dân phường Sài Gòn: 5/11 phiếu đồng ý, đạt 45,5% tổng số thành viên (không đạt)',
      ],
    }),
    'award-history.xlsx': await awardHistoryXlsx(sampleAwardHistory(), 'vi'),
    'award-history.csv': awardHistoryCsv(sampleAwardHistory(), 'vi'),
  };
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(outDir, name), content);
    console.log(`wrote ${join(outDir, name)}`);
  }
  for (const name of Object.keys(files).filter((n) => n.endsWith('.pdf'))) {
    const base = join(outDir, name.replace(/\.pdf$/, ''));
    const run = spawnSync('pdftoppm', ['-png', '-r', '60', join(outDir, name), base]);
    if (run.error) {
      console.log('pdftoppm not found: install poppler-utils to get PNG previews');
      break;
    }
    console.log(`wrote ${base}-*.png`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
