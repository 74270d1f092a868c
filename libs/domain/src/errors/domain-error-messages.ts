import { DomainErrorCode } from './domain-error-code';

export type Locale = 'vi' | 'en';
export type MessageParams = Record<string, string | number | undefined>;

type Template = (p: MessageParams) => string;

/** User-facing text, Vietnamese first. Placeholders come from the exception's params. */
const messages: Record<DomainErrorCode, { vi: Template; en: Template }> = {
  [DomainErrorCode.ValidationFailed]: {
    vi: () => 'Dữ liệu gửi lên không hợp lệ.',
    en: () => 'The request is not valid.',
  },
  [DomainErrorCode.Unauthenticated]: {
    vi: () => 'Bạn cần đăng nhập để thực hiện thao tác này.',
    en: () => 'You need to log in to do this.',
  },
  [DomainErrorCode.InvalidCredentials]: {
    vi: () => 'Tên đăng nhập hoặc mật khẩu không đúng.',
    en: () => 'Wrong username or password.',
  },
  [DomainErrorCode.Forbidden]: {
    vi: (p) => `Bạn không có quyền thực hiện thao tác này${p['reason'] ? `: ${p['reason']}` : '.'}`,
    en: (p) => `You are not allowed to do this${p['reason'] ? `: ${p['reason']}` : '.'}`,
  },
  [DomainErrorCode.NotFound]: {
    vi: (p) => `Không tìm thấy ${p['entity'] ?? 'bản ghi'}.`,
    en: (p) => `${p['entity'] ?? 'Record'} not found.`,
  },
  [DomainErrorCode.Conflict]: {
    vi: (p) => `Dữ liệu đã tồn tại${p['target'] ? ` (${p['target']})` : ''}.`,
    en: (p) => `Already exists${p['target'] ? ` (${p['target']})` : ''}.`,
  },
  [DomainErrorCode.CycleNotFound]: {
    vi: (p) => `Không tìm thấy kỳ thi đua ${p['cycleId'] ?? ''}.`,
    en: (p) => `Emulation cycle ${p['cycleId'] ?? ''} not found.`,
  },
  [DomainErrorCode.RoundNotFound]: {
    vi: (p) => `Không tìm thấy đợt ký kết giao ước ${p['roundId'] ?? ''}.`,
    en: (p) => `Pledge-signing round ${p['roundId'] ?? ''} not found.`,
  },
  [DomainErrorCode.RoundAlreadyOpen]: {
    vi: (p) => `Đợt ký kết giao ước ${p['roundId'] ?? ''} đã được mở.`,
    en: (p) => `Pledge-signing round ${p['roundId'] ?? ''} is already open.`,
  },
  [DomainErrorCode.RoundClosed]: {
    vi: () => 'Đợt ký kết đã kết thúc: giao ước đã có hiệu lực, không nhận thêm thao tác.',
    en: () => 'The signing round is closed: the pledge is already effective.',
  },
  [DomainErrorCode.UnitNotMember]: {
    vi: (p) => `Đơn vị ${p['unitId'] ?? ''} không phải thành viên của cụm thi đua trong kỳ này.`,
    en: (p) => `Unit ${p['unitId'] ?? ''} is not a member of the cluster in this cycle.`,
  },
  [DomainErrorCode.WrongUnit]: {
    vi: () => 'Bạn chỉ được thao tác cho đơn vị của mình.',
    en: () => 'You may act for your own unit only.',
  },
  [DomainErrorCode.NotASigner]: {
    vi: () => 'Tài khoản không có thẩm quyền ký thay mặt đơn vị.',
    en: () => 'This account is not authorized to sign for the unit.',
  },
  [DomainErrorCode.NotClusterHead]: {
    vi: () => 'Chỉ cụm trưởng mới được thực hiện thao tác này.',
    en: () => 'Only the cluster head may do this.',
  },
  [DomainErrorCode.AlreadySigned]: {
    vi: (p) => `Đơn vị đã ký phiên bản ${p['version'] ?? ''} của giao ước.`,
    en: (p) => `The unit has already signed version ${p['version'] ?? ''} of the pledge.`,
  },
  [DomainErrorCode.AlreadyDeclined]: {
    vi: (p) => `Đơn vị đã từ chối ký phiên bản ${p['version'] ?? ''} của giao ước.`,
    en: (p) => `The unit has already declined version ${p['version'] ?? ''} of the pledge.`,
  },
  [DomainErrorCode.StalePledgeVersion]: {
    vi: (p) =>
      `Nội dung giao ước đã được sửa đổi: phiên bản hiện hành là ${p['current']}, bạn đang xem phiên bản ${p['given']}. Vui lòng đọc lại trước khi ký.`,
    en: (p) =>
      `The pledge was amended: the current version is ${p['current']}, you read version ${p['given']}. Please read it again before signing.`,
  },
  [DomainErrorCode.PledgeUnchanged]: {
    vi: () => 'Nội dung sửa đổi trùng với phiên bản hiện hành.',
    en: () => 'The amendment is identical to the current version.',
  },
  [DomainErrorCode.NotAllSigned]: {
    vi: (p) => `Chưa đủ các đơn vị ký; còn thiếu: ${p['missing'] ?? ''}.`,
    en: (p) => `Not every member has signed; missing: ${p['missing'] ?? ''}.`,
  },
  [DomainErrorCode.DeadlineInPast]: {
    vi: () => 'Hạn ký phải sau thời điểm hiện tại.',
    en: () => 'The deadline must be in the future.',
  },
  [DomainErrorCode.DeadlineOutsidePeriod]: {
    vi: (p) => `Hạn ký phải nằm trong kỳ thi đua (${p['from']} – ${p['to']}).`,
    en: (p) => `The deadline must fall within the cycle (${p['from']} – ${p['to']}).`,
  },
  [DomainErrorCode.NoMembers]: {
    vi: () => 'Cụm thi đua chưa có thành viên trong năm của kỳ này.',
    en: () => 'The cluster has no members for the year of this cycle.',
  },
};

export function renderDomainMessage(
  code: DomainErrorCode,
  params: MessageParams,
  locale: Locale,
): string {
  const entry = messages[code];
  return entry[locale](params);
}
