import { formatVietnamDateTime } from '@epw/domain';
import { type DocumentHeading, centered, drawDocumentHeading, rule } from './document-heading';
import {
  type Pdf,
  FONT,
  type RenderOptions,
  createPdf,
  numberPagesFromSecond,
  renderToBuffer,
  vn,
  vnOrNull,
} from './pdf-document';
import { MARGIN, contentWidth, ensureRoom, headingLayout } from './page-layout';
import { documentTimestamp } from './vietnamese-date';

export type PledgeMemberRole = 'HEAD' | 'DEPUTY' | 'MEMBER';

/** The conference package of a signing round (hồ sơ hội nghị ký kết giao ước thi đua): the
 * documents adopted, the rules in short, the pledge's items and the member units. */
export interface PledgePackageData {
  /** The cluster as issuer, in the format of its head unit (party or state). */
  heading: DocumentHeading;
  place: string;
  /** Calendar date YYYY-MM-DD (Asia/Ho_Chi_Minh) printed in the date line. */
  date: string;
  clusterName: string;
  /** "Năm 2026 – phong trào thi đua “Dân vận khéo”". */
  periodLine: string;
  /** Work program, rules and the pledge itself, as adopted by the conference. */
  documents: string[];
  /** The rules (quy chế) in short: criteria, scoring, vote. */
  rules: string[];
  version: number;
  contentHash: string;
  items: string[];
  members: { name: string; role: PledgeMemberRole }[];
}

export interface CompletionUnit {
  name: string;
  role: PledgeMemberRole;
  decision: 'SIGNED' | 'DECLINED' | 'PENDING';
  signerName: string | null;
  signerPosition: string | null;
  /** ISO instant. */
  at: string | null;
  version: number | null;
  reason: string | null;
  late: boolean;
  /** Hash of the audit-log entry of this decision (the chain links every entry to the one before). */
  auditHash: string | null;
  /** Earlier decisions of the unit that lapsed (amendment, or a decline followed by a signature). */
  earlier: {
    decision: 'SIGNED' | 'DECLINED';
    version: number;
    at: string;
    reason: string | null;
    auditHash: string | null;
  }[];
}

/** The completion certificate (chứng nhận hoàn tất) that follows the pledge in its signed copy. */
export interface CompletionCertificate {
  roundId: string;
  /** EFFECTIVE: countersigned; OVERDUE: the deadline passed with units missing. */
  outcome: 'EFFECTIVE' | 'OVERDUE';
  openedAt: string;
  deadlineAt: string;
  overdueAt: string | null;
  units: CompletionUnit[];
  countersignature: {
    name: string;
    position: string | null;
    unitName: string;
    at: string;
    version: number;
    auditHash: string | null;
  } | null;
  amendments: {
    version: number;
    at: string;
    reason: string;
    contentHash: string;
    auditHash: string | null;
  }[];
  /** Every audit event of the round, in chain order. */
  events: { at: string; action: string; actor: string | null; hash: string }[];
  /** Who seals the copy (the deployment's document certificate). */
  seal: {
    commonName: string;
    organization: string | null;
    issuer: string;
    fingerprintSha256: string;
  } | null;
}

export interface SignedPledgeData extends PledgePackageData {
  completion: CompletionCertificate;
}

const BODY = 12.5;
const SMALL = 10;
const HASH = 7.5;

const ROLE_LABEL: Record<PledgeMemberRole, string> = {
  HEAD: 'Cụm trưởng',
  DEPUTY: 'Cụm phó',
  MEMBER: 'Thành viên',
};

const ACTION_LABEL: Record<string, string> = {
  'pledge-signing.opened': 'Mở đợt ký kết',
  'pledge-signing.signed': 'Đơn vị ký',
  'pledge-signing.declined': 'Đơn vị từ chối ký',
  'pledge-signing.amended': 'Sửa đổi nội dung',
  'pledge-signing.deadline-extended': 'Gia hạn',
  'pledge-signing.overdue': 'Quá hạn ký',
  'pledge-signing.countersigned': 'Cụm trưởng ký xác nhận',
};

/** "14:05 ngày 04/12/2026" (Vietnam time). */
const when = (iso: string) => {
  const [date, time] = formatVietnamDateTime(Date.parse(iso)).split(' ');
  return `${time} ngày ${date}`;
};

/** The conference package: what the members are asked to sign. */
export function renderPledgePackagePdf(
  input: PledgePackageData,
  options: RenderOptions = {},
): Promise<Buffer> {
  return render(input, null, options);
}

/** The signed copy: the pledge as it took effect (or as it stood at the deadline), then the
 * completion certificate with every member unit, the countersignature and the audit hashes. */
export function renderSignedPledgePdf(
  input: SignedPledgeData,
  options: RenderOptions = {},
): Promise<Buffer> {
  return render(input, input.completion, options);
}

async function render(
  input: PledgePackageData,
  completion: CompletionCertificate | null,
  options: RenderOptions,
): Promise<Buffer> {
  const d = normalized(input);
  const doc = createPdf({
    layout: 'portrait',
    margins: MARGIN,
    title: `${completion ? 'Bản ký kết' : 'Hồ sơ ký kết'} giao ước thi đua – ${d.clusterName}`,
    subject: d.periodLine,
    timestamp: documentTimestamp(d.date),
    bufferPages: true,
  });
  return await renderToBuffer(
    doc,
    () => {
      doc.addPage();
      drawPledge(doc, d);
      if (completion) {
        doc.addPage();
        drawCompletion(doc, normalizedCompletion(completion));
      }
      numberPagesFromSecond(doc, 28);
    },
    options.seal,
  );
}

function normalized(d: PledgePackageData): PledgePackageData {
  return {
    ...d,
    heading: {
      ...d.heading,
      superiorName: vn(d.heading.superiorName),
      issuerName: vn(d.heading.issuerName),
    },
    place: vn(d.place),
    clusterName: vn(d.clusterName),
    periodLine: vn(d.periodLine),
    documents: d.documents.map(vn),
    rules: d.rules.map(vn),
    items: d.items.map(vn),
    members: d.members.map((m) => ({ ...m, name: vn(m.name) })),
  };
}

function normalizedCompletion(c: CompletionCertificate): CompletionCertificate {
  return {
    ...c,
    units: c.units.map((u) => ({
      ...u,
      name: vn(u.name),
      signerName: vnOrNull(u.signerName),
      signerPosition: vnOrNull(u.signerPosition),
      reason: vnOrNull(u.reason),
      earlier: u.earlier.map((e) => ({ ...e, reason: vnOrNull(e.reason) })),
    })),
    countersignature: c.countersignature && {
      ...c.countersignature,
      name: vn(c.countersignature.name),
      position: vnOrNull(c.countersignature.position),
      unitName: vn(c.countersignature.unitName),
    },
    amendments: c.amendments.map((a) => ({ ...a, reason: vn(a.reason) })),
    events: c.events.map((e) => ({ ...e, actor: vnOrNull(e.actor) })),
    seal: c.seal && {
      ...c.seal,
      commonName: vn(c.seal.commonName),
      organization: vnOrNull(c.seal.organization),
      issuer: vn(c.seal.issuer),
    },
  };
}

function sectionTitle(doc: Pdf, text: string): void {
  ensureRoom(doc, 50);
  doc.moveDown(0.5);
  doc
    .font(FONT.serifBold)
    .fontSize(BODY)
    .fillColor('black')
    .text(text, MARGIN.left, doc.y, { width: contentWidth(doc) });
  doc.moveDown(0.25);
}

function paragraph(
  doc: Pdf,
  text: string,
  font: (typeof FONT)[keyof typeof FONT] = FONT.serif,
  size = BODY,
) {
  doc
    .font(font)
    .fontSize(size)
    .fillColor('black')
    .text(text, MARGIN.left, doc.y, {
      width: contentWidth(doc),
      align: 'justify',
      lineGap: 2,
      paragraphGap: 3,
    });
}

/** "1. text" with the text hanging under itself. */
function numbered(doc: Pdf, label: string, text: string, size = BODY) {
  doc.font(FONT.serif).fontSize(size);
  const gutter = 22;
  if (doc.y + doc.currentLineHeight(true) > doc.page.height - MARGIN.bottom) doc.addPage();
  const y = doc.y;
  doc.text(label, MARGIN.left + 6, y, { lineBreak: false });
  doc.text(text, MARGIN.left + 6 + gutter, y, {
    width: contentWidth(doc) - 6 - gutter,
    align: 'justify',
    lineGap: 2,
    paragraphGap: 4,
  });
}

function drawPledge(doc: Pdf, d: PledgePackageData): void {
  const w = contentWidth(doc);
  let y = drawDocumentHeading(doc, d.heading, headingLayout(doc), null);
  const dateLine = `${d.place}, ngày ${d.date.slice(8, 10)} tháng ${Number(d.date.slice(5, 7))} năm ${d.date.slice(0, 4)}`;
  doc
    .font(FONT.serifItalic)
    .fontSize(12)
    .text(dateLine, MARGIN.left, y - 14, { width: w, align: 'right' });
  y += 8;
  y += centered(doc, 'GIAO ƯỚC THI ĐUA', FONT.serifBold, 15, MARGIN.left, y, w);
  y += centered(doc, d.clusterName, FONT.serifBold, 13, MARGIN.left + 20, y, w - 40);
  y += centered(doc, d.periodLine, FONT.serifItalic, 12.5, MARGIN.left + 20, y, w - 40);
  rule(doc, MARGIN.left + w / 2, y + 6, 90);
  doc.y = y + 18;

  sectionTitle(doc, 'I. VĂN BẢN THÔNG QUA TẠI HỘI NGHỊ');
  if (d.documents.length === 0) paragraph(doc, '(Không có văn bản kèm theo.)', FONT.serifItalic);
  d.documents.forEach((text, i) => numbered(doc, `${i + 1}.`, text));

  sectionTitle(doc, 'II. QUY CHẾ THI ĐUA (TÓM TẮT)');
  d.rules.forEach((text) => numbered(doc, '-', text));

  sectionTitle(doc, `III. NỘI DUNG GIAO ƯỚC (PHIÊN BẢN ${d.version})`);
  paragraph(
    doc,
    'Các đơn vị thành viên Cụm thi đua cùng thống nhất ký kết giao ước thi đua với những nội dung sau:',
  );
  d.items.forEach((text, i) => numbered(doc, `${i + 1}.`, text));
  doc.font(FONT.sans).fontSize(HASH).fillColor('#444444');
  doc.text(
    `Mã băm SHA-256 của nội dung phiên bản ${d.version}: ${d.contentHash}`,
    MARGIN.left,
    doc.y + 2,
    { width: w },
  );
  doc.fillColor('black');

  sectionTitle(doc, 'IV. CÁC ĐƠN VỊ THÀNH VIÊN KÝ KẾT');
  d.members.forEach((m, i) =>
    numbered(
      doc,
      `${i + 1}.`,
      m.role === 'MEMBER' ? m.name : `${m.name} (${ROLE_LABEL[m.role].toLowerCase()})`,
    ),
  );
}

const DECISION_LABEL = { SIGNED: 'Đã ký', DECLINED: 'Từ chối ký', PENDING: 'Chưa ký' } as const;

function hashLine(doc: Pdf, label: string, hash: string | null, indent: number) {
  if (!hash) return;
  doc.font(FONT.sans).fontSize(HASH).fillColor('#444444');
  ensureRoom(doc, 2 * doc.currentLineHeight(true));
  doc.text(`${label}: ${hash}`, MARGIN.left + indent, doc.y, { width: contentWidth(doc) - indent });
  doc.fillColor('black');
}

function drawCompletion(doc: Pdf, c: CompletionCertificate): void {
  const w = contentWidth(doc);
  let y = MARGIN.top;
  y += centered(doc, 'CHỨNG NHẬN HOÀN TẤT KÝ KẾT', FONT.serifBold, 15, MARGIN.left, y, w);
  y += centered(
    doc,
    c.outcome === 'EFFECTIVE'
      ? '(Giao ước đã có hiệu lực sau khi Cụm trưởng ký xác nhận)'
      : '(Đợt ký kết đã quá hạn: danh sách các đơn vị chưa ký tại thời điểm hết hạn)',
    FONT.serifItalic,
    12,
    MARGIN.left,
    y,
    w,
  );
  doc.y = y + 10;
  const signed = c.units.filter((u) => u.decision === 'SIGNED').length;
  const lines = [
    `Mã đợt ký kết: ${c.roundId}`,
    `Mở đợt: ${when(c.openedAt)}; hạn ký: ${when(c.deadlineAt)}${c.overdueAt ? `; quá hạn lúc ${when(c.overdueAt)}` : ''}.`,
    `Đã ký: ${signed}/${c.units.length} đơn vị; từ chối: ${c.units.filter((u) => u.decision === 'DECLINED').length}; chưa ký: ${c.units.filter((u) => u.decision === 'PENDING').length}.`,
  ];
  lines.forEach((l) => paragraph(doc, l, FONT.serif, 11.5));

  sectionTitle(doc, '1. Các đơn vị thành viên');
  c.units.forEach((u, i) => {
    ensureRoom(doc, 70);
    const role = u.role === 'MEMBER' ? '' : ` (${ROLE_LABEL[u.role].toLowerCase()})`;
    doc
      .font(FONT.serifBold)
      .fontSize(11.5)
      .text(`${i + 1}. ${u.name}${role}`, MARGIN.left, doc.y, { width: w });
    const indent = 18;
    const say = (text: string, font: (typeof FONT)[keyof typeof FONT] = FONT.serif) =>
      doc
        .font(font)
        .fontSize(SMALL)
        .text(text, MARGIN.left + indent, doc.y, { width: w - indent, lineGap: 1 });
    if (u.signerName) {
      say(`Người ký: ${u.signerName}${u.signerPosition ? ` – ${u.signerPosition}` : ''}`);
    }
    const status =
      u.decision === 'PENDING'
        ? 'Chưa ký'
        : `${DECISION_LABEL[u.decision]} phiên bản ${u.version ?? ''} lúc ${u.at ? when(u.at) : ''}${u.late ? ' (sau hạn)' : ''}`;
    say(status, u.decision === 'PENDING' ? FONT.serifBoldItalic : FONT.serif);
    if (u.reason) say(`Lý do: ${u.reason}`, FONT.serifItalic);
    hashLine(doc, 'Mã băm nhật ký', u.auditHash, indent);
    for (const e of u.earlier) {
      say(
        `Trước đó: ${DECISION_LABEL[e.decision].toLowerCase()} phiên bản ${e.version} lúc ${when(e.at)} (không còn hiệu lực)`,
        FONT.serifItalic,
      );
      if (e.reason) say(`Lý do: ${e.reason}`, FONT.serifItalic);
      hashLine(doc, 'Mã băm nhật ký', e.auditHash, indent);
    }
    doc.moveDown(0.35);
  });

  sectionTitle(doc, '2. Ký xác nhận của Cụm trưởng');
  if (c.countersignature) {
    const s = c.countersignature;
    paragraph(
      doc,
      `${s.name}${s.position ? ` – ${s.position}` : ''}, ${s.unitName}, ký xác nhận phiên bản ${s.version} lúc ${when(s.at)}.`,
      FONT.serif,
      11,
    );
    hashLine(doc, 'Mã băm nhật ký', s.auditHash, 0);
  } else {
    paragraph(doc, 'Chưa có chữ ký xác nhận của Cụm trưởng.', FONT.serifItalic, 11);
  }

  sectionTitle(doc, '3. Các lần sửa đổi nội dung');
  if (c.amendments.length === 0) paragraph(doc, 'Không có sửa đổi.', FONT.serifItalic, 11);
  c.amendments.forEach((a) => {
    paragraph(doc, `Phiên bản ${a.version}, lúc ${when(a.at)}: ${a.reason}`, FONT.serif, 11);
    hashLine(doc, `Mã băm nội dung ${a.contentHash.slice(0, 16)}…; mã băm nhật ký`, a.auditHash, 0);
  });

  sectionTitle(doc, '4. Nhật ký kiểm toán (chuỗi băm)');
  paragraph(
    doc,
    'Mỗi sự kiện được ghi vào nhật ký kiểm toán; mã băm của mỗi mục nối với mục trước, nên mọi sửa đổi về sau đều bị phát hiện.',
    FONT.serifItalic,
    10,
  );
  c.events.forEach((e, i) => {
    ensureRoom(doc, 24);
    doc
      .font(FONT.serif)
      .fontSize(9.5)
      .text(
        `${i + 1}. ${when(e.at)} – ${ACTION_LABEL[e.action] ?? e.action}${e.actor ? ` – ${e.actor}` : ''}`,
        MARGIN.left,
        doc.y,
        { width: w },
      );
    hashLine(doc, 'Mã băm', e.hash, 14);
  });

  if (c.seal) {
    // The section stays on one page: its fingerprint never ends up alone on the next.
    ensureRoom(doc, 100);
    sectionTitle(doc, '5. Chữ ký số');
    paragraph(
      doc,
      `Bản sao điện tử này được ký số (con dấu điện tử) bởi ${c.seal.commonName}${c.seal.organization ? `, ${c.seal.organization}` : ''}; chứng thư số do ${c.seal.issuer} cấp. Mọi thay đổi sau khi ký làm chữ ký mất hiệu lực.`,
      FONT.serif,
      10.5,
    );
    hashLine(doc, 'Dấu vân tay SHA-256 của chứng thư số', c.seal.fingerprintSha256, 0);
  }
}
