import { type CalendarDate, isCalendarDate } from '../calendar/vietnam-time';
import type { NomineeKind } from './award-form.types';

/**
 * How an organisation issues its official documents (decisions, certificates). Two formats exist:
 * party documents (Hướng dẫn 36-HD/VPTW): "ĐẢNG CỘNG SẢN VIỆT NAM" at the top right, a "*" under the
 * issuer and numbers written "Số 126-QĐ/ĐU"; and state documents (Nghị định 30/2020/NĐ-CP): the
 * national name and motto at the top right, a rule under the issuer and "Số: 123/QĐ-UBND".
 */
export type DocumentStyle = 'PARTY' | 'STATE';

/** Organisation kinds (Unit.orgKind) whose documents follow the party format. */
export const PARTY_ORG_KINDS = ['PARTY_COMMITTEE', 'PARTY_BOARD', 'PARTY_CELL'] as const;

export const PARTY_HEADER = 'ĐẢNG CỘNG SẢN VIỆT NAM';
export const STATE_HEADER = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const STATE_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** Party committees, boards and cells write party documents; people's committees, state agencies,
 * enterprises and mass organisations (and a unit whose kind is not set) write state ones. */
export function documentStyleOf(orgKind: string | null | undefined): DocumentStyle {
  return (PARTY_ORG_KINDS as readonly string[]).includes(orgKind ?? '') ? 'PARTY' : 'STATE';
}

/**
 * What an organisation prints when it decides (stored as Unit.documentProfile). Names are written
 * as they are printed; the renderer puts the heading lines in capitals.
 */
export interface DocumentProfile {
  /** The direct superior body printed above the issuer at the top left ("ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ
   * MINH"); the parent unit's name when absent; empty for a body printed alone. */
  superiorName?: string | null;
  /** The issuer as printed at the top left ("ĐẢNG ỦY KHỐI CÁC CƠ QUAN THÀNH PHỐ"); the unit's name
   * when absent. */
  issuerName?: string | null;
  /** The issuer's abbreviation in document numbers: "ĐU", "UBND", "BDVTU". */
  issuerShortName: string;
  /** The place of the date line: "TP. Hồ Chí Minh", "Hà Nội". */
  place: string;
  /** A decision's number with `{n}` for its serial: "{n}-QĐ/ĐU" (party), "{n}/QĐ-UBND" (state). */
  numberPattern: string;
  /** Who decides, printed in capitals above "Căn cứ …": "BAN THƯỜNG VỤ ĐẢNG ỦY KHỐI …",
   * "CHỦ TỊCH ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH". Defaults to the issuer's name. */
  decidingBody?: string | null;
  /** Signing for a collective body: "T/M BAN THƯỜNG VỤ" (party), "TM. ỦY BAN NHÂN DÂN" (state). */
  signerOnBehalfOf?: string | null;
  /** The head's title: "BÍ THƯ", "CHỦ TỊCH", "TRƯỞNG BAN". */
  signerTitle: string;
  /** A deputy signing for the head: `signsFor` "KT. CHỦ TỊCH" (state) or "K/T TRƯỞNG BAN"
   * (party) over the deputy's `title` "PHÓ CHỦ TỊCH". Used when a decision's signer has that
   * title. */
  signerDeputy?: { signsFor: string; title: string } | null;
  /** The usual signer, when a decision names none. */
  signerName?: string | null;
  /** Who proposes a decision whose chain had no council vote ("Văn phòng Đảng ủy Khối",
   * "Ban Thi đua - Khen thưởng Thành phố"). */
  proposerName?: string | null;
  /** The council cited when the chain had a council vote; "Hội đồng Thi đua - Khen thưởng" when
   * absent. */
  councilName?: string | null;
}

/** An organisation as documents need it: its kind, its parent's name and its stored profile. */
export interface DocumentIssuerSource {
  code: string;
  name: string;
  orgKind: string | null;
  parentName: string | null;
  /** Unit.documentProfile as stored (free-form JSON). */
  documentProfile: unknown;
}

/** Everything a document prints about its issuer, with the defaults applied. */
export interface DocumentIssuer {
  style: DocumentStyle;
  /** Empty when the issuer is printed alone. */
  superiorName: string;
  issuerName: string;
  issuerShortName: string;
  place: string;
  numberPattern: string;
  decidingBody: string;
  signerOnBehalfOf: string | null;
  signerTitle: string;
  signerDeputy: { signsFor: string; title: string } | null;
  signerName: string | null;
  proposerName: string | null;
  councilName: string;
}

export interface DocumentProfileViolation {
  field: string;
  rule: string;
}

const TEXT_MAX = 200;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isText = (v: unknown): v is string =>
  typeof v === 'string' && v.trim().length > 0 && v.length <= TEXT_MAX;

const OPTIONAL_TEXTS = [
  'superiorName',
  'issuerName',
  'decidingBody',
  'signerOnBehalfOf',
  'signerName',
  'proposerName',
  'councilName',
] as const;

/** What is wrong with a stored profile (the first broken field and rule), or null. */
export function documentProfileViolation(p: unknown): DocumentProfileViolation | null {
  if (!isRecord(p)) return { field: 'documentProfile', rule: 'a JSON object' };
  if (!isText(p['issuerShortName']) || !/^[\p{Lu}\p{N}-]{1,20}$/u.test(p['issuerShortName']))
    return { field: 'documentProfile.issuerShortName', rule: 'capitals, digits and -, 1-20' };
  if (!isText(p['place'])) return { field: 'documentProfile.place', rule: 'text, 1-200' };
  const pattern = p['numberPattern'];
  if (!isText(pattern) || pattern.split('{n}').length !== 2)
    return { field: 'documentProfile.numberPattern', rule: 'text with {n} once' };
  if (!isText(p['signerTitle'])) return { field: 'documentProfile.signerTitle', rule: 'text' };
  for (const key of OPTIONAL_TEXTS) {
    const v = p[key];
    // An empty superior name is meaningful: the issuer is printed alone.
    if (key === 'superiorName' && v === '') continue;
    if (v !== undefined && v !== null && !isText(v))
      return { field: `documentProfile.${key}`, rule: 'text, 1-200, or null' };
  }
  const deputy = p['signerDeputy'];
  if (deputy !== undefined && deputy !== null) {
    if (!isRecord(deputy) || !isText(deputy['signsFor']) || !isText(deputy['title']))
      return { field: 'documentProfile.signerDeputy', rule: 'signsFor and title texts' };
  }
  return null;
}

/** The stored profile when it is well-formed, else null (the defaults then apply). */
export function parseDocumentProfile(json: unknown): DocumentProfile | null {
  return documentProfileViolation(json) === null ? (json as DocumentProfile) : null;
}

/** "UBND-TP" → "UBNDTP": a unit code as an issuer abbreviation when no profile gives one. */
function shortNameOf(code: string): string {
  const letters = code.toLocaleUpperCase('vi').replace(/[^\p{Lu}\p{N}]/gu, '');
  return letters.length > 0 ? letters.slice(0, 12) : 'CQ';
}

/** The issuer with its profile's values, or defaults from the unit: the parent as superior body,
 * the unit's name, its code as abbreviation, numbering by style, "TP. Hồ Chí Minh". */
export function resolveDocumentIssuer(source: DocumentIssuerSource): DocumentIssuer {
  const style = documentStyleOf(source.orgKind);
  const p = parseDocumentProfile(source.documentProfile);
  const short = p?.issuerShortName ?? shortNameOf(source.code);
  const issuerName = p?.issuerName ?? source.name;
  return {
    style,
    superiorName: p?.superiorName ?? source.parentName ?? '',
    issuerName,
    issuerShortName: short,
    place: p?.place ?? 'TP. Hồ Chí Minh',
    numberPattern: p?.numberPattern ?? (style === 'PARTY' ? `{n}-QĐ/${short}` : `{n}/QĐ-${short}`),
    decidingBody: p?.decidingBody ?? issuerName,
    signerOnBehalfOf: p?.signerOnBehalfOf ?? null,
    signerTitle: p?.signerTitle ?? '',
    signerDeputy: p?.signerDeputy ?? null,
    signerName: p?.signerName ?? null,
    proposerName: p?.proposerName ?? null,
    councilName: p?.councilName ?? 'Hội đồng Thi đua - Khen thưởng',
  };
}

/** The serial in a numbering pattern, at least two digits ("01"): 126 and "{n}-QĐ/ĐU" give
 * "126-QĐ/ĐU". */
export function formatDocumentNumber(pattern: string, serial: number): string {
  if (!Number.isInteger(serial) || serial < 1) throw new RangeError(`not a serial: ${serial}`);
  return pattern.replace('{n}', String(serial).padStart(2, '0'));
}

/** A stored number as printed: a bare serial ("126") is written with the issuer's pattern. */
export function documentNumberOf(issuer: Pick<DocumentIssuer, 'numberPattern'>, number: string) {
  const bare = /^\d{1,6}$/.exec(number.trim());
  return bare ? formatDocumentNumber(issuer.numberPattern, Number(bare[0])) : number.trim();
}

/** "Số 126-QĐ/ĐU" in party documents (no colon), "Số: 123/QĐ-UBND" in state ones. */
export function documentNumberLine(style: DocumentStyle, number: string): string {
  return style === 'PARTY' ? `Số ${number}` : `Số: ${number}`;
}

const upper = (text: string) => text.toLocaleUpperCase('vi');

/**
 * The signer's block above the signature, in capitals: the body signed for ("TM. ỦY BAN NHÂN
 * DÂN"), the deputy's "KT. CHỦ TỊCH" when the decision's signer holds the deputy's title, then the
 * title. A title written over several lines by the caller is kept as it is.
 */
export function signerBlockLines(issuer: DocumentIssuer, signerTitle: string | null): string[] {
  const given = (signerTitle ?? '')
    .split('\n')
    .map((l) => upper(l.trim()))
    .filter((l) => l.length > 0);
  const title = given.length > 0 ? given : [upper(issuer.signerTitle)].filter((l) => l.length > 0);
  const lines: string[] = [];
  const onBehalf = issuer.signerOnBehalfOf ? upper(issuer.signerOnBehalfOf) : null;
  if (onBehalf && title[0] !== onBehalf) lines.push(onBehalf);
  const deputy = issuer.signerDeputy;
  if (deputy && title.length === 1 && title[0] === upper(deputy.title)) {
    lines.push(upper(deputy.signsFor));
  }
  return [...lines, ...title];
}

/** A law, decree or regulation cited as "Căn cứ …", and the dates it was in force. */
export interface LegalBasis {
  /** What is cited, without "Căn cứ" and the final punctuation: "Luật Thi đua, khen thưởng số
   * 06/2022/QH15 ngày 15 tháng 6 năm 2022". */
  text: string;
  /** YYYY-MM-DD, the first day it applies. */
  effectiveFrom: CalendarDate;
  /** YYYY-MM-DD, the last day it applies; absent while in force. */
  effectiveTo?: CalendarDate | null;
}

/** What is wrong with the legal basis at `path` (the first broken field and rule), or null. */
export function legalBasisViolation(b: unknown, path: string): DocumentProfileViolation | null {
  if (!isRecord(b)) return { field: path, rule: 'an object' };
  const text = b['text'];
  if (typeof text !== 'string' || text.trim().length < 5 || text.length > 500)
    return { field: `${path}.text`, rule: 'text, 5-500 characters' };
  const from = b['effectiveFrom'];
  if (typeof from !== 'string' || !isCalendarDate(from))
    return { field: `${path}.effectiveFrom`, rule: 'a date YYYY-MM-DD' };
  const to = b['effectiveTo'];
  if (to !== undefined && to !== null) {
    if (typeof to !== 'string' || !isCalendarDate(to))
      return { field: `${path}.effectiveTo`, rule: 'a date YYYY-MM-DD' };
    if (to < from) return { field: `${path}.effectiveTo`, rule: 'not before effectiveFrom' };
  }
  return null;
}

/** The bases in force on `date` (ISO dates compare as strings), each text once, in order. */
export function legalBasesInForce(bases: readonly LegalBasis[], date: CalendarDate): LegalBasis[] {
  const seen = new Set<string>();
  return bases.filter((b) => {
    const inForce = b.effectiveFrom <= date && (b.effectiveTo == null || date <= b.effectiveTo);
    if (!inForce || seen.has(b.text)) return false;
    seen.add(b.text);
    return true;
  });
}

/** The national laws and decrees on emulation and commendation over time: what a form cites
 * when it lists no bases of its own. */
export const NATIONAL_LEGAL_BASES: readonly LegalBasis[] = [
  {
    text:
      'Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003; Luật sửa đổi, bổ sung một số điều ' +
      'của Luật Thi đua, khen thưởng ngày 14 tháng 6 năm 2005 và ngày 16 tháng 11 năm 2013',
    effectiveFrom: '2014-06-01',
    effectiveTo: '2023-12-31',
  },
  {
    text:
      'Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi ' +
      'hành một số điều của Luật Thi đua, khen thưởng',
    effectiveFrom: '2017-10-01',
    effectiveTo: '2023-12-31',
  },
  {
    text: 'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
    effectiveFrom: '2024-01-01',
  },
  {
    text:
      'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ quy định chi tiết thi ' +
      'hành một số điều của Luật Thi đua, khen thưởng',
    effectiveFrom: '2024-01-01',
  },
];

/**
 * The "Căn cứ …" and "Xét đề nghị …" paragraphs of a decision: the bases in force on its date, then
 * the proposal: the council's only when the chain had a council vote, else the issuer's proposer.
 */
export function decisionBasisLines(input: {
  legalBases: readonly LegalBasis[];
  signedOn: CalendarDate;
  hasCouncilStep: boolean;
  issuer: Pick<DocumentIssuer, 'councilName' | 'proposerName'>;
}): string[] {
  const lines = legalBasesInForce(input.legalBases, input.signedOn).map(
    (b) => `Căn cứ ${b.text.trim().replace(/[;.,]$/, '')};`,
  );
  const proposer = input.hasCouncilStep
    ? input.issuer.councilName
    : (input.issuer.proposerName ?? 'các cơ quan, đơn vị có liên quan');
  lines.push(`Xét đề nghị của ${proposer}.`);
  return lines;
}

/** "05", "12": counts in decisions have at least two digits. */
const count2 = (n: number) => String(n).padStart(2, '0');

/** One award form of a decision, with how many of each kind of recipient it goes to. */
export interface DecisionFormCount {
  name: string;
  category: 'TITLE' | 'COMMENDATION' | 'RECOGNITION';
  counts: Partial<Record<NomineeKind, number>>;
}

/** "03 tập thể và 05 cá nhân", "02 mô hình". */
export function recipientCountPhrase(counts: Partial<Record<NomineeKind, number>>): string {
  const parts = [
    counts.UNIT ? `${count2(counts.UNIT)} tập thể` : null,
    counts.PERSON ? `${count2(counts.PERSON)} cá nhân` : null,
    counts.INITIATIVE ? `${count2(counts.INITIATIVE)} mô hình` : null,
  ].filter((p): p is string => p !== null);
  if (parts.length <= 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} và ${parts[parts.length - 1]}`;
}

const lowerFirst = (s: string) => s.charAt(0).toLocaleLowerCase('vi') + s.slice(1);

/**
 * Điều 1 of a decision on commendation: the form and how many collectives and individuals it goes
 * to, what for, and the annex: 'Tặng Giấy khen cho 03 tập thể và 05 cá nhân có thành tích xuất sắc
 * trong phong trào thi đua "Dân vận khéo" năm 2022 (có tên trong danh sách kèm theo).'
 */
export function decisionArticleOne(forms: readonly DecisionFormCount[], achievement: string) {
  const clauses = forms.map((f) => {
    const who = recipientCountPhrase(f.counts);
    // Titles and recognized models are conferred (công nhận); commendations are given (tặng).
    return f.category === 'COMMENDATION'
      ? `tặng ${f.name} cho ${who}`
      : `công nhận ${/^Danh hiệu\s/u.test(f.name) ? lowerFirst(f.name) : f.name} cho ${who}`;
  });
  const text = clauses.join('; ');
  const sentence = text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
  return `${sentence} ${achievement.trim()} (có tên trong danh sách kèm theo).`;
}

/** What the recipients achieved, as Điều 1 and certificates word it: 'có thành tích xuất sắc trong
 * phong trào thi đua "Dân vận khéo" giai đoạn 2021–2023', or 'có thành tích xuất sắc năm 2026'. */
export function achievementPhrase(movementName: string | null, periodWords: string): string {
  const movement = movementName?.trim();
  return movement
    ? `có thành tích xuất sắc trong phong trào thi đua "${movement.replace(/^"|"$/g, '')}" ${periodWords}`
    : `có thành tích xuất sắc ${periodWords}`;
}

/** "Về việc khen thưởng …": the subject line under "QUYẾT ĐỊNH", from a title that may start with
 * "Quyết định". */
export function decisionSubjectLine(title: string): string {
  const rest = title.trim().replace(/^quyết định\s+/iu, '');
  if (/^về việc\s/iu.test(rest)) return `Về việc ${rest.replace(/^về việc\s+/iu, '')}`;
  return `Về việc ${lowerFirst(rest)}`;
}

/** A deciding authority of the demo with the kind and document profile the seed gives it. */
export interface DemoDocumentProfile {
  code: string;
  orgKind: 'PARTY_BOARD' | 'PEOPLES_COMMITTEE';
  profile: DocumentProfile;
}

/** Document profiles of the demo's deciding authorities (DEFAULT_AUTHORITIES), for the seed. */
export function defaultDocumentProfiles(): DemoDocumentProfile[] {
  return [
    {
      code: 'HDTD-CUM01',
      orgKind: 'PARTY_BOARD',
      profile: {
        superiorName: 'Ban Dân vận Thành ủy',
        issuerName: 'Cụm thi đua số 1',
        issuerShortName: 'CTĐ1',
        place: 'TP. Hồ Chí Minh',
        numberPattern: '{n}-QĐ/CTĐ1',
        decidingBody: 'Hội đồng Thi đua - Khen thưởng Cụm thi đua số 1',
        signerOnBehalfOf: 'T/M Hội đồng',
        signerTitle: 'Chủ tịch',
        signerDeputy: { signsFor: 'K/T Chủ tịch', title: 'Phó Chủ tịch' },
        proposerName: 'Thường trực Cụm thi đua số 1',
        councilName: 'Hội đồng Thi đua - Khen thưởng Cụm thi đua số 1',
      },
    },
    {
      code: 'BDV-TU',
      orgKind: 'PARTY_BOARD',
      profile: {
        superiorName: 'Đảng bộ Thành phố Hồ Chí Minh',
        issuerName: 'Ban Dân vận Thành ủy',
        issuerShortName: 'BDVTU',
        place: 'TP. Hồ Chí Minh',
        numberPattern: '{n}-QĐ/BDVTU',
        decidingBody: 'Ban Dân vận Thành ủy Thành phố Hồ Chí Minh',
        signerTitle: 'Trưởng ban',
        signerDeputy: { signsFor: 'K/T Trưởng ban', title: 'Phó Trưởng ban' },
        proposerName: 'Phòng Dân vận - Dân tộc - Tôn giáo',
        councilName: 'Hội đồng Thi đua - Khen thưởng Ban Dân vận Thành ủy',
      },
    },
    {
      code: 'UBND-TP',
      orgKind: 'PEOPLES_COMMITTEE',
      profile: {
        superiorName: '',
        issuerName: 'Ủy ban nhân dân Thành phố Hồ Chí Minh',
        issuerShortName: 'UBND',
        place: 'TP. Hồ Chí Minh',
        numberPattern: '{n}/QĐ-UBND',
        decidingBody: 'Chủ tịch Ủy ban nhân dân Thành phố Hồ Chí Minh',
        signerTitle: 'Chủ tịch',
        signerDeputy: { signsFor: 'KT. Chủ tịch', title: 'Phó Chủ tịch' },
        proposerName: 'Trưởng Ban Thi đua - Khen thưởng Thành phố',
        councilName: 'Hội đồng Thi đua - Khen thưởng Thành phố',
      },
    },
    {
      code: 'BDV-TW',
      orgKind: 'PARTY_BOARD',
      profile: {
        superiorName: 'Ban Chấp hành Trung ương',
        issuerName: 'Ban Dân vận',
        issuerShortName: 'BDVTW',
        place: 'Hà Nội',
        numberPattern: '{n}-QĐ/BDVTW',
        decidingBody: 'Ban Dân vận Trung ương',
        signerTitle: 'Trưởng ban',
        signerDeputy: { signsFor: 'K/T Trưởng ban', title: 'Phó Trưởng ban' },
        proposerName: 'Vụ Tổng hợp',
        councilName: 'Hội đồng Thi đua - Khen thưởng Ban Dân vận Trung ương',
      },
    },
  ];
}
