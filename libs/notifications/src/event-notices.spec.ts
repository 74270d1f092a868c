import { EVENT_NOTICE_KINDS, eventText, type EventNotice } from './event-notices';
import { dossierName } from './event-planner.service';

const dossier = dossierName({
  formName: 'Danh hiệu "Lao động tiên tiến"',
  nomineeName: 'Nguyễn Văn An',
});
const appraisal = { vi: 'Thẩm định hồ sơ', en: 'Dossier appraisal' };

describe('eventText', () => {
  it('tells the proposer why the dossier was returned', () => {
    const n: EventNotice = {
      kind: 'nomination.returned',
      dossier,
      step: appraisal,
      reason: 'Thiếu biên bản họp xét',
    };
    expect(eventText('vi', n)).toEqual({
      title: 'Hồ sơ bị trả lại: Danh hiệu "Lao động tiên tiến" – Nguyễn Văn An',
      body: 'Bước "Thẩm định hồ sơ" trả lại hồ sơ để bổ sung, hoàn thiện. Lý do: Thiếu biên bản họp xét.',
    });
    expect(eventText('en', n).body).toBe(
      'At "Dossier appraisal" the dossier was returned for revision. Reason: Thiếu biên bản họp xét.',
    );
  });

  it('names the next step of an approved dossier, and none after the last', () => {
    const next = eventText('vi', {
      kind: 'nomination.approved',
      dossier,
      step: { vi: 'Thủ trưởng đơn vị', en: 'Unit head' },
      next: appraisal,
    });
    expect(next.title).toBe(`Hồ sơ đã được duyệt (Thủ trưởng đơn vị): ${dossier}`);
    expect(next.body).toContain('bước tiếp theo: "Thẩm định hồ sơ"');
    const last = eventText('vi', {
      kind: 'nomination.approved',
      dossier,
      step: appraisal,
      next: null,
    });
    expect(last.body).toBe('Hồ sơ đã được duyệt ở bước "Thẩm định hồ sơ".');
  });

  it('does not end a reason that has its own full stop with a second one', () => {
    const text = eventText('vi', {
      kind: 'nomination.rejected',
      dossier,
      step: null,
      reason: 'Không đủ tỷ lệ phiếu.',
    });
    expect(text.body).toBe('Hồ sơ không được chấp thuận. Lý do: Không đủ tỷ lệ phiếu.');
  });

  it('tells the cluster head which unit declined, in which cycle, and why', () => {
    const text = eventText('vi', {
      kind: 'pledge.declined',
      subject: 'Dân vận khéo 2026 – Cụm thi đua số 1',
      unitName: 'Đảng ủy Khối Ngân hàng',
      reason: 'Chỉ tiêu 3 chưa phù hợp',
    });
    expect(text.title).toBe(
      'Đơn vị từ chối ký giao ước: Đảng ủy Khối Ngân hàng – Dân vận khéo 2026 – Cụm thi đua số 1',
    );
    expect(text.body).toContain('Lý do: Chỉ tiêu 3 chưa phù hợp.');
  });

  it('lists the awards of an issued decision with its date', () => {
    const text = eventText('vi', {
      kind: 'decision.issued',
      decisionNumber: '126-QĐ/ĐU',
      signedOn: '2026-10-12',
      authority: 'Ban Dân vận Thành ủy',
      awarded: [dossier],
    });
    expect(text.title).toBe('Đã ban hành Quyết định khen thưởng số 126-QĐ/ĐU');
    expect(text.body).toBe(
      `Ban Dân vận Thành ủy ban hành Quyết định số 126-QĐ/ĐU ngày 12/10/2026, khen thưởng: ${dossier}.`,
    );
  });

  it('says who did the task for the unit', () => {
    const text = eventText('vi', {
      kind: 'task.done-by-other',
      task: 'STEP_APPROVED',
      subject: dossier,
      step: appraisal,
      actorName: 'Trần Thị Bình',
    });
    expect(text.title).toBe(`Đã được thực hiện bởi Trần Thị Bình: ${dossier}`);
    expect(text.body).toContain('Trần Thị Bình đã duyệt hồ sơ (bước "Thẩm định hồ sơ")');
    const en = eventText('en', {
      kind: 'task.done-by-other',
      task: 'PLEDGE_SIGNED',
      subject: 'Dân vận khéo 2026 – Cụm 1',
      step: null,
      actorName: 'Trần Thị Bình',
    });
    expect(en.body).toBe(
      'Trần Thị Bình signed the emulation pledge for your unit: Dân vận khéo 2026 – Cụm 1. It no longer waits for you.',
    );
  });

  it('has a Vietnamese and an English text for every kind', () => {
    const samples: Record<string, EventNotice> = {
      'nomination.returned': {
        kind: 'nomination.returned',
        dossier,
        step: appraisal,
        reason: null,
      },
      'nomination.approved': { kind: 'nomination.approved', dossier, step: appraisal, next: null },
      'nomination.rejected': { kind: 'nomination.rejected', dossier, step: appraisal, reason: 'x' },
      'nomination.awarded': { kind: 'nomination.awarded', dossier, decisionNumber: '1/QĐ' },
      'decision.issued': {
        kind: 'decision.issued',
        decisionNumber: '1/QĐ',
        signedOn: '2026-10-12',
        authority: 'UBND',
        awarded: [dossier],
      },
      'pledge.declined': { kind: 'pledge.declined', subject: 's', unitName: 'u', reason: null },
      'task.done-by-other': {
        kind: 'task.done-by-other',
        task: 'REGISTERED',
        subject: 's',
        step: null,
        actorName: 'a',
      },
    };
    for (const kind of EVENT_NOTICE_KINDS) {
      const n = samples[kind];
      const vi = eventText('vi', n);
      const en = eventText('en', n);
      expect(vi.title).not.toBe(en.title);
      expect(vi.body.length).toBeGreaterThan(0);
      expect(en.body.length).toBeGreaterThan(0);
    }
  });
});
