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
  [DomainErrorCode.TooManyAttempts]: {
    vi: (p) =>
      `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${p['retryAfterSeconds'] ?? ''} giây.`,
    en: (p) =>
      `Too many failed logins. Please try again in ${p['retryAfterSeconds'] ?? ''} seconds.`,
  },
  [DomainErrorCode.TokenExpired]: {
    vi: () => 'Phiên đăng nhập đã hết hạn: hãy làm mới mã truy cập (POST /auth/refresh).',
    en: () => 'The access token has expired: refresh it (POST /auth/refresh).',
  },
  [DomainErrorCode.RefreshTokenInvalid]: {
    vi: () => 'Mã làm mới không hợp lệ, đã hết hạn hoặc đã bị thu hồi. Vui lòng đăng nhập lại.',
    en: () => 'The refresh token is invalid, expired or revoked. Please log in again.',
  },
  [DomainErrorCode.RefreshTokenReused]: {
    vi: () =>
      'Mã làm mới đã được dùng trước đó: để bảo vệ tài khoản, mọi phiên của lần đăng nhập này đã bị thu hồi. Vui lòng đăng nhập lại.',
    en: () =>
      'This refresh token was already used: to protect the account, every session of this login has been revoked. Please log in again.',
  },
  [DomainErrorCode.Forbidden]: {
    vi: (p) => `Bạn không có quyền thực hiện thao tác này${p['reason'] ? `: ${p['reason']}` : '.'}`,
    en: (p) => `You are not allowed to do this${p['reason'] ? `: ${p['reason']}` : '.'}`,
  },
  [DomainErrorCode.NotFound]: {
    vi: (p) => `Không tìm thấy ${p['entity'] ?? 'bản ghi'}.`,
    en: (p) => `${p['entity'] ?? 'Record'} not found.`,
  },
  [DomainErrorCode.MethodNotAllowed]: {
    vi: (p) =>
      `Địa chỉ này không nhận phương thức ${p['method'] ?? ''}; các phương thức được nhận: ${p['allowed'] ?? ''}.`,
    en: (p) => `This address does not take ${p['method'] ?? ''}; it takes ${p['allowed'] ?? ''}.`,
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
  [DomainErrorCode.SignedCopyNotReady]: {
    vi: () =>
      'Chưa có bản ký kết: giao ước chưa có hiệu lực (chờ Cụm trưởng ký xác nhận) và đợt ký chưa quá hạn.',
    en: () =>
      'No signed copy yet: the pledge is not effective (awaiting the countersignature) and the round is not overdue.',
  },
  [DomainErrorCode.PersonalSignatureNotConfigured]: {
    vi: () =>
      'Hệ thống chưa cấu hình tổ chức chứng thực được tin cậy cho chữ ký số cá nhân (PERSONAL_SIGNATURE_CA_PATH).',
    en: () =>
      'No certification authority is trusted for personal signatures on this deployment (PERSONAL_SIGNATURE_CA_PATH).',
  },
  [DomainErrorCode.PersonalSignatureExists]: {
    vi: () => 'Bạn đã ký số vào bản ký kết này.',
    en: () => 'You have already added your digital signature to this signed copy.',
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
  [DomainErrorCode.PhaseNotOpen]: {
    vi: (p) => `Giai đoạn ${p['phase'] ?? ''} chưa mở hoặc đã kết thúc.`,
    en: (p) => `Phase ${p['phase'] ?? ''} is not open.`,
  },
  [DomainErrorCode.RegistrationClosed]: {
    vi: (p) =>
      `Đã hết hạn đăng ký thi đua (${p['deadline'] ?? ''}); không thể sửa đổi. Đơn vị chưa đăng ký có thể đề nghị đăng ký muộn để cụm trưởng xem xét.`,
    en: (p) =>
      `Registration closed on ${p['deadline'] ?? ''}; it can no longer be changed. A unit that has not registered may ask the cluster head to accept a late registration.`,
  },
  [DomainErrorCode.RegistrationOpen]: {
    vi: () => 'Thời hạn đăng ký vẫn còn: hãy đăng ký trực tiếp, không cần đề nghị đăng ký muộn.',
    en: () => 'Registration is still open: register directly, no late request is needed.',
  },
  [DomainErrorCode.AlreadyRegistered]: {
    vi: () => 'Đơn vị đã đăng ký thi đua trong kỳ này.',
    en: () => 'The unit has already registered for this cycle.',
  },
  [DomainErrorCode.NoLateRequest]: {
    vi: () => 'Không có đề nghị đăng ký muộn nào đang chờ xét của đơn vị này.',
    en: () => 'There is no pending late registration request from this unit.',
  },
  [DomainErrorCode.SelfScoringForbidden]: {
    vi: () => 'Đơn vị không được tự chấm điểm chéo cho chính mình.',
    en: () => 'A unit never cross-assesses itself.',
  },
  [DomainErrorCode.NotAssigned]: {
    vi: () =>
      'Đơn vị không được phân công chấm điểm đơn vị này (hoặc đã khai báo xung đột lợi ích).',
    en: () => 'Your unit is not assigned to assess this unit (or declared a conflict of interest).',
  },
  [DomainErrorCode.ConflictsLocked]: {
    vi: () => 'Đã bắt đầu chấm điểm chéo: không thể khai báo thêm xung đột lợi ích.',
    en: () => 'Cross-assessment has started: conflicts of interest can no longer be declared.',
  },
  // A council ballot is a person's (`voter`: self, or the absent member written in); the cluster's
  // vote and election are the units'.
  [DomainErrorCode.AlreadyVoted]: {
    vi: (p) =>
      p['voter'] === 'self'
        ? 'Bạn đã bỏ phiếu (mỗi thành viên Hội đồng một phiếu); phiếu đã bỏ không thể thay đổi.'
        : p['voter'] === 'member'
          ? 'Thành viên này đã bỏ phiếu (mỗi thành viên Hội đồng một phiếu).'
          : 'Đơn vị đã bỏ phiếu (mỗi thành viên một phiếu).',
    en: (p) =>
      p['voter'] === 'self'
        ? 'You have already voted (one ballot per council member); a ballot cannot be changed.'
        : p['voter'] === 'member'
          ? 'This member has already voted (one ballot per council member).'
          : 'The unit has already voted (one ballot per member).',
  },
  [DomainErrorCode.NotACandidate]: {
    vi: (p) => `Đơn vị ${p['unitId'] ?? ''} không có trong danh sách bầu.`,
    en: (p) => `Unit ${p['unitId'] ?? ''} is not on the ballot.`,
  },
  [DomainErrorCode.TooManyChoices]: {
    vi: (p) => `Chỉ được chọn tối đa ${p['max'] ?? ''} đơn vị.`,
    en: (p) => `At most ${p['max'] ?? ''} choices are allowed.`,
  },
  [DomainErrorCode.CycleAlreadyStarted]: {
    vi: () => 'Kỳ thi đua đã được khởi động.',
    en: () => 'The cycle has already been started.',
  },
  [DomainErrorCode.RuleSetInvalid]: {
    vi: (p) => `Bộ quy tắc không hợp lệ: ${p['problems'] ?? ''}`,
    en: (p) => `Invalid rule set: ${p['problems'] ?? ''}`,
  },
  [DomainErrorCode.RuleSetNotFound]: {
    vi: (p) => `Không tìm thấy bộ quy tắc ${p['code'] ?? ''}.`,
    en: (p) => `Rule set ${p['code'] ?? ''} not found.`,
  },
  [DomainErrorCode.DeadlinePassed]: {
    vi: () => 'Đã quá hạn: không thể dời hạn nữa.',
    en: () => 'The deadline has passed; it can no longer be moved.',
  },
  [DomainErrorCode.DeadlineNotLater]: {
    vi: (p) => `Hạn mới phải sau hạn hiện tại (${p['current'] ?? ''}).`,
    en: (p) => `The new deadline must be after the current one (${p['current'] ?? ''}).`,
  },
  [DomainErrorCode.NoMembers]: {
    vi: () => 'Cụm thi đua chưa có thành viên trong năm của kỳ này.',
    en: () => 'The cluster has no members for the year of this cycle.',
  },
  [DomainErrorCode.ScoresInvalid]: {
    vi: (p) =>
      `Điểm chấm không hợp lệ ở tiêu chí ${p['criterion'] ?? ''}: ${scoreReason(p, 'vi')}.`,
    en: (p) => `Invalid score for criterion ${p['criterion'] ?? ''}: ${scoreReason(p, 'en')}.`,
  },
  [DomainErrorCode.AwardFormNotFound]: {
    vi: (p) => `Không tìm thấy hình thức khen thưởng ${p['code'] ?? ''}.`,
    en: (p) => `Award form ${p['code'] ?? ''} not found.`,
  },
  [DomainErrorCode.AwardFormInvalid]: {
    vi: (p) => `Cấu hình hình thức khen thưởng không hợp lệ: ${p['field']} – ${p['rule']}.`,
    en: (p) => `Invalid award form: ${p['field']} – ${p['rule']}.`,
  },
  [DomainErrorCode.NominationNotFound]: {
    vi: (p) => `Không tìm thấy hồ sơ đề nghị khen thưởng ${p['nominationId'] ?? ''}.`,
    en: (p) => `Nomination ${p['nominationId'] ?? ''} not found.`,
  },
  [DomainErrorCode.NomineeKindNotAllowed]: {
    vi: (p) => `Hình thức "${p['form']}" không xét tặng cho đối tượng này (${p['kind']}).`,
    en: (p) => `"${p['form']}" cannot be given to a nominee of kind ${p['kind']}.`,
  },
  [DomainErrorCode.NotProposerUnit]: {
    vi: () =>
      'Chỉ đơn vị được đề nghị (hoặc đơn vị quản lý cá nhân, mô hình) mới được lập và nộp hồ sơ này.',
    en: () => "Only the nominee's own unit may prepare and submit this nomination.",
  },
  [DomainErrorCode.OneAchievementOneAward]: {
    vi: (p) =>
      `Một thành tích chỉ được đề nghị một hình thức khen thưởng: thành tích này đã được đề nghị hoặc khen "${p['existing']}".`,
    en: (p) =>
      `One achievement, one award: this achievement is already nominated for or awarded "${p['existing']}".`,
  },
  [DomainErrorCode.QuotaExceeded]: {
    vi: (p) =>
      `Vượt tỷ lệ khen thưởng: "${p['form']}" tối đa ${p['percent']}% quân số (${p['limit']}/${p['headcount']} người); đơn vị đã đề nghị ${p['used']}.`,
    en: (p) =>
      `Quota exceeded: "${p['form']}" is limited to ${p['percent']}% of the headcount (${p['limit']} of ${p['headcount']}); the unit has already nominated ${p['used']}.`,
  },
  [DomainErrorCode.QuotaHeadcountMissing]: {
    vi: (p) => `Chưa khai báo quân số của đơn vị nên không tính được tỷ lệ khen "${p['form']}".`,
    en: (p) => `The unit's headcount is not set, so the quota of "${p['form']}" cannot be checked.`,
  },
  [DomainErrorCode.PrerequisiteAwardMissing]: {
    vi: (p) =>
      `Chưa đủ điều kiện: "${p['form']}" yêu cầu đã được tặng ${p['required']} trước năm ${p['year']}.`,
    en: (p) =>
      `Not eligible: "${p['form']}" requires an earlier ${p['required']} (before ${p['year']}).`,
  },
  [DomainErrorCode.ConsecutiveYearsMissing]: {
    vi: (p) =>
      `Chưa đủ điều kiện: "${p['form']}" yêu cầu ${p['years']} năm liên tục đạt ${p['required']}; còn thiếu năm ${p['missing']}.`,
    en: (p) =>
      `Not eligible: "${p['form']}" requires ${p['years']} consecutive years of ${p['required']}; missing ${p['missing']}.`,
  },
  [DomainErrorCode.LowerLevelRecognitionMissing]: {
    vi: (p) => `Mô hình phải được công nhận "${p['required']}" trước khi đề nghị "${p['form']}".`,
    en: (p) => `The model must first be recognized as "${p['required']}" before "${p['form']}".`,
  },
  [DomainErrorCode.DossierIncomplete]: {
    vi: (p) => `Hồ sơ còn thiếu: ${p['missing']}.`,
    en: (p) => `The dossier is missing: ${p['missing']}.`,
  },
  [DomainErrorCode.NominationNotAtStep]: {
    vi: (p) => `Hồ sơ không ở bước này (hiện tại: ${p['current']}).`,
    en: (p) => `The nomination is not at this step (now: ${p['current']}).`,
  },
  [DomainErrorCode.NotStepActor]: {
    vi: (p) =>
      `Bạn không phải người xử lý bước "${p['step']}" (cần ${p['role']} của ${p['unit']}).`,
    en: (p) => `You do not act on step "${p['step']}" (needs ${p['role']} of ${p['unit']}).`,
  },
  [DomainErrorCode.SelfApprovalForbidden]: {
    vi: () => 'Đơn vị không được tự xét duyệt, chấm điểm hay bỏ phiếu cho chính mình.',
    en: () => 'A unit may not approve, score or vote on its own nomination.',
  },
  [DomainErrorCode.ReasonRequired]: {
    vi: () => 'Cần ghi rõ lý do khi trả lại hoặc không đồng ý.',
    en: () => 'A reason is required to return or reject.',
  },
  [DomainErrorCode.PostingClosed]: {
    vi: () => 'Thời gian công khai đã kết thúc hoặc hồ sơ không trong thời gian công khai.',
    en: () => 'The public posting is not open.',
  },
  [DomainErrorCode.ObjectionNotFound]: {
    vi: () => 'Không tìm thấy ý kiến phản ánh chưa xử lý này.',
    en: () => 'No unresolved objection with this id.',
  },
  [DomainErrorCode.NotCouncilMember]: {
    vi: () => 'Chỉ thành viên Hội đồng Thi đua – Khen thưởng mới được bỏ phiếu.',
    en: () => 'Only members of the emulation and commendation council may vote.',
  },
  [DomainErrorCode.NotAwaitingDecision]: {
    vi: (p) => `Hồ sơ ${p['nominee'] ?? ''} chưa hoàn tất các bước xét duyệt để ra quyết định.`,
    en: (p) => `Nomination ${p['nominee'] ?? ''} has not completed its approval chain.`,
  },
  [DomainErrorCode.WrongAuthority]: {
    vi: (p) => `Cơ quan này không có thẩm quyền quyết định "${p['form']}".`,
    en: (p) => `This authority does not decide "${p['form']}".`,
  },
  [DomainErrorCode.NominationInOtherDraft]: {
    vi: (p) => `Hồ sơ đã có trong dự thảo quyết định ${p['number'] ?? ''}.`,
    en: (p) => `A nomination is already in draft decision ${p['number'] ?? ''}.`,
  },
  [DomainErrorCode.DecisionAlreadyIssued]: {
    vi: () => 'Quyết định đã được ban hành, không thể sửa.',
    en: () => 'The decision has been issued and cannot change.',
  },
  [DomainErrorCode.AwardNotFound]: {
    vi: () => 'Không tìm thấy khen thưởng hoặc mã xác thực không đúng.',
    en: () => 'Award not found or wrong verification code.',
  },
  [DomainErrorCode.AwardRevoked]: {
    vi: () => 'Khen thưởng này đã bị hủy bỏ, thu hồi.',
    en: () => 'This award has been revoked.',
  },
  [DomainErrorCode.AwardNotRevoked]: {
    vi: () => 'Chỉ ghi nhận thu hồi hiện vật, tiền thưởng sau khi khen thưởng đã bị hủy bỏ.',
    en: () => 'Recovery can only be recorded after the award was revoked.',
  },
  [DomainErrorCode.UnitCodeTaken]: {
    vi: (p) => `Mã đơn vị "${p['code'] ?? ''}" đã được dùng cho một đơn vị khác.`,
    en: (p) => `The unit code "${p['code'] ?? ''}" is already used by another unit.`,
  },
  [DomainErrorCode.ClusterCodeTaken]: {
    vi: (p) => `Mã cụm thi đua "${p['code'] ?? ''}" đã được dùng cho một cụm khác.`,
    en: (p) => `The cluster code "${p['code'] ?? ''}" is already used by another cluster.`,
  },
  [DomainErrorCode.UsernameTaken]: {
    vi: (p) => `Tên đăng nhập "${p['username'] ?? ''}" đã có người dùng.`,
    en: (p) => `The username "${p['username'] ?? ''}" is already taken.`,
  },
  [DomainErrorCode.MembershipInvalid]: {
    vi: (p) =>
      ({
        oneHead: 'Danh sách thành viên phải có đúng một cụm trưởng (HEAD).',
        oneDeputy: 'Danh sách thành viên chỉ được có tối đa một cụm phó (DEPUTY).',
        uniqueUnit: `Đơn vị ${p['unitId'] ?? ''} xuất hiện nhiều lần trong danh sách.`,
        uniquePosition: `Thứ tự ${p['position'] ?? ''} bị trùng trong danh sách.`,
        unitExists: `Không tìm thấy đơn vị ${p['unitId'] ?? ''}.`,
        memberKind: `Đơn vị ${p['unitId'] ?? ''} là cơ quan có thẩm quyền, không tham gia cụm thi đua.`,
      })[String(p['rule'])] ?? 'Danh sách thành viên không hợp lệ.',
    en: (p) =>
      ({
        oneHead: 'The member list needs exactly one head (HEAD).',
        oneDeputy: 'The member list may have at most one deputy (DEPUTY).',
        uniqueUnit: `Unit ${p['unitId'] ?? ''} is listed more than once.`,
        uniquePosition: `Position ${p['position'] ?? ''} is used more than once.`,
        unitExists: `Unit ${p['unitId'] ?? ''} not found.`,
        memberKind: `Unit ${p['unitId'] ?? ''} is an authority and does not take part in clusters.`,
      })[String(p['rule'])] ?? 'The member list is not valid.',
  },
  [DomainErrorCode.MembershipFrozen]: {
    vi: (p) =>
      `Không thể sửa thành viên năm ${p['year'] ?? ''}: kỳ thi đua "${p['cycle'] ?? ''}" của cụm đã khởi động và danh sách thành viên, cụm trưởng, cụm phó đã được chốt lúc khởi động kỳ.`,
    en: (p) =>
      `The members of ${p['year'] ?? ''} cannot be changed: the cluster's cycle "${p['cycle'] ?? ''}" has started, and its members, head and deputy were frozen when it started.`,
  },
  [DomainErrorCode.SelfLockout]: {
    vi: () =>
      'Bạn không thể tự gỡ vai trò quản trị (ADMIN) hoặc tự khóa tài khoản của mình; hãy nhờ một quản trị viên khác.',
    en: () =>
      'You cannot remove your own ADMIN role or deactivate your own account; ask another administrator.',
  },
  [DomainErrorCode.OutsideSubtree]: {
    vi: (p) =>
      `Đơn vị "${p['unit'] ?? ''}" nằm ngoài phạm vi tổ chức bạn quản trị${p['scope'] ? ` (${p['scope']})` : ''}: bạn chỉ quản trị các đơn vị trực thuộc tổ chức của mình.`,
    en: (p) =>
      `Unit "${p['unit'] ?? ''}" is outside the organisation you administer${p['scope'] ? ` (${p['scope']})` : ''}: you administer only the units beneath your own organisation.`,
  },
  [DomainErrorCode.OrganisationCycle]: {
    vi: (p) =>
      `Không thể chuyển "${p['unit'] ?? ''}" về trực thuộc "${p['parent'] ?? ''}": đơn vị cấp trên mới nằm trong chính nhánh của đơn vị được chuyển (một đơn vị không thể trực thuộc chính nó hay đơn vị cấp dưới của nó).`,
    en: (p) =>
      `"${p['unit'] ?? ''}" cannot be placed under "${p['parent'] ?? ''}": the new parent lies in the moved unit's own subtree (a unit cannot be beneath itself or one of its descendants).`,
  },
  [DomainErrorCode.ImportRowsInvalid]: {
    vi: (p) =>
      `Tệp có ${p['count'] ?? ''} lỗi (xem danh sách theo dòng, cột, quy tắc): không dữ liệu nào được ghi. Sửa tệp rồi nhập lại.`,
    en: (p) =>
      `The file has ${p['count'] ?? ''} errors (listed by row, column and rule): nothing was written. Fix the file and import it again.`,
  },
  [DomainErrorCode.ReportOutsideScope]: {
    vi: (p) =>
      `Bạn không được xem ${p['what'] ?? 'báo cáo khen thưởng'} của ${p['organisation'] ? `"${p['organisation']}"` : 'tổ chức này'}: chỉ xem được của tổ chức mình và các đơn vị trực thuộc, hoặc của tổ chức đã khen thưởng, công nhận đơn vị mình.`,
    en: (p) =>
      `You may not see ${p['whatEn'] ?? 'the recognitions report'} of ${p['organisation'] ? `"${p['organisation']}"` : 'this organisation'}: only of your own organisation and the units beneath it, or of an organisation that recognized your unit.`,
  },
  [DomainErrorCode.SecondFactorRequired]: {
    vi: () =>
      'Tài khoản của bạn cần xác thực hai lớp (mã TOTP) trước khi làm việc: hãy thiết lập ứng dụng xác thực tại trang "Xác thực hai lớp" (POST /auth/second-factor/enrolment).',
    en: () =>
      'Your account needs two-factor authentication (a TOTP code) before anything else: set up an authenticator app on the "Two-factor authentication" page (POST /auth/second-factor/enrolment).',
  },
  [DomainErrorCode.StepUpRequired]: {
    vi: (p) =>
      `Thao tác này cần xác nhận lại bằng mã xác thực (lần xác thực gần nhất đã quá ${p['maxAgeSeconds'] ?? ''} giây): nhập mã trong ứng dụng xác thực (POST /auth/step-up) rồi thử lại.`,
    en: (p) =>
      `This action needs your authentication code again (the last check is more than ${p['maxAgeSeconds'] ?? ''} seconds old): enter the code from your authenticator app (POST /auth/step-up), then try again.`,
  },
  [DomainErrorCode.SecondFactorCodeInvalid]: {
    vi: () =>
      'Mã xác thực không đúng hoặc đã được dùng. Hãy nhập mã 6 chữ số đang hiện trong ứng dụng xác thực (mỗi mã chỉ dùng một lần), hoặc một mã khôi phục chưa dùng.',
    en: () =>
      'The authentication code is wrong or was already used. Enter the 6-digit code your authenticator app shows now (each code works once), or an unused recovery code.',
  },
  [DomainErrorCode.SecondFactorChallengeInvalid]: {
    vi: () => 'Phiên đăng nhập đã hết hạn trước khi nhập mã xác thực. Vui lòng đăng nhập lại.',
    en: () => 'The login expired before the authentication code was entered. Please log in again.',
  },
  [DomainErrorCode.SecondFactorAlreadyEnabled]: {
    vi: () =>
      'Tài khoản đã bật xác thực hai lớp. Muốn đổi thiết bị, hãy tắt rồi thiết lập lại (hoặc nhờ quản trị viên đặt lại).',
    en: () =>
      'Two-factor authentication is already on. To change devices, turn it off and set it up again (or ask an administrator to reset it).',
  },
  [DomainErrorCode.SecondFactorNotEnrolled]: {
    vi: () =>
      'Chưa có thiết lập xác thực hai lớp nào đang chờ hoặc đang bật: hãy bắt đầu thiết lập trước.',
    en: () => 'No two-factor set-up is pending or on: start the set-up first.',
  },
  [DomainErrorCode.TooManyRequests]: {
    vi: (p) =>
      `Đã gửi quá nhiều yêu cầu từ địa chỉ này. Vui lòng thử lại sau ${p['retryAfterSeconds'] ?? ''} giây.`,
    en: (p) =>
      `Too many requests from this address. Please try again in ${p['retryAfterSeconds'] ?? ''} seconds.`,
  },
};

/** Score problems travel as stable reason keys so the API can render them in the caller's
 * language; any other text is shown as given. */
const scoreReasons: Record<string, { vi: Template; en: Template }> = {
  MISSING: { vi: () => 'chưa có điểm', en: () => 'no score given' },
  UNKNOWN_CRITERION: {
    vi: () => 'không có tiêu chí này trong bộ tiêu chí',
    en: () => 'no such criterion in the rule set',
  },
  NOT_A_NUMBER: { vi: () => 'điểm phải là một số', en: () => 'the score must be a number' },
  NEGATIVE: { vi: () => 'điểm không được âm', en: () => 'the score must not be negative' },
  ABOVE_MAX: {
    vi: (p) => `điểm vượt quá điểm tối đa ${p['maxPoints'] ?? ''}`,
    en: (p) => `the score exceeds the maximum of ${p['maxPoints'] ?? ''}`,
  },
};

function scoreReason(p: MessageParams, locale: Locale): string {
  const reason = String(p['reason'] ?? '');
  const entry = Object.hasOwn(scoreReasons, reason) ? scoreReasons[reason] : undefined;
  return entry ? entry[locale](p) : reason;
}

export function renderDomainMessage(
  code: DomainErrorCode,
  params: MessageParams,
  locale: Locale,
): string {
  const entry = messages[code];
  return entry[locale](params);
}
