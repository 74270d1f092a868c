import { cycleSubject, movementLabel, reminderName } from './task-names';
import { escalationText, reminderText } from './templates';

describe('reminderName', () => {
  const dvk = {
    kind: 'cycle' as const,
    movementName: 'Phong trào thi đua "Dân vận khéo"',
    periodLabel: '2026',
    clusterName: 'Cụm thi đua số 1',
  };

  it('names the movement, the period and the cluster before the task', () => {
    const name = reminderName({ kind: 'PLEDGE_SIGNING', title: 'Ký kết giao ước' }, dvk);
    expect(name.vi).toBe('Dân vận khéo 2026 – Cụm thi đua số 1: ký giao ước thi đua');
    expect(name.en).toBe('Dân vận khéo 2026 – Cụm thi đua số 1: sign the emulation pledge');
  });

  it('reads two rounds of the same task differently', () => {
    const a = reminderName({ kind: 'REGISTRATION', title: 'Đăng ký' }, dvk);
    const b = reminderName(
      { kind: 'REGISTRATION', title: 'Đăng ký' },
      { ...dvk, periodLabel: '2027' },
    );
    const c = reminderName(
      { kind: 'REGISTRATION', title: 'Đăng ký' },
      { ...dvk, clusterName: 'Cụm thi đua số 2' },
    );
    expect(new Set([a.vi, b.vi, c.vi]).size).toBe(3);
  });

  it("puts a dossier step's movement and year before its deadline title", () => {
    const name = reminderName(
      { kind: 'NOMINATION_STEP', title: 'Giấy khen – Nguyễn Văn A: Thẩm định hồ sơ' },
      { kind: 'nomination', movementName: 'Phong trào thi đua “Dân vận khéo”', year: 2026 },
    );
    expect(name.vi).toBe('Dân vận khéo 2026 – Giấy khen – Nguyễn Văn A: Thẩm định hồ sơ');
  });

  it('keeps the deadline title when nothing names its cycle', () => {
    expect(reminderName({ kind: 'PLEDGE_SIGNING', title: 'Ký giao ước (x)' }, null)).toEqual({
      vi: 'Ký giao ước (x)',
      en: 'Ký giao ước (x)',
    });
  });
});

describe('movementLabel', () => {
  it('drops "Phong trào thi đua" and the quotes, keeps other names whole', () => {
    expect(movementLabel('Phong trào thi đua "Dân vận khéo"')).toBe('Dân vận khéo');
    expect(movementLabel('phong trào “Học tập và làm theo”')).toBe('Học tập và làm theo');
    expect(movementLabel('Thi đua yêu nước')).toBe('Thi đua yêu nước');
    // A quoted name followed by more words keeps no lone quote.
    expect(movementLabel('Phong trào thi đua "Dân vận khéo" (kiểm thử DVK1)')).toBe(
      'Dân vận khéo (kiểm thử DVK1)',
    );
    expect(movementLabel('Đợt "Dân vận khéo" năm 2026')).toBe('Đợt "Dân vận khéo" năm 2026');
    expect(
      cycleSubject({ movementName: 'Dân vận khéo', periodLabel: 'Q3/2026', clusterName: 'Cụm 1' }),
    ).toBe('Dân vận khéo Q3/2026 – Cụm 1');
  });
});

describe('reminderText', () => {
  const title = 'Dân vận khéo 2026 – Cụm 1: ký giao ước thi đua';

  it('titles a reminder with its name and the date it is due by', () => {
    const vi = reminderText('vi', { title, dueOn: '2026-12-15', offset: 3, unitName: 'Đơn vị A' });
    expect(vi.title).toBe(
      'Nhắc hạn: Dân vận khéo 2026 – Cụm 1: ký giao ước thi đua trước 15/12/2026',
    );
    expect(vi.body).toContain('Còn 3 ngày làm việc');
    const en = reminderText('en', { title, dueOn: '2026-12-15', offset: 3, unitName: 'Unit A' });
    expect(en.title).toBe('Reminder: Dân vận khéo 2026 – Cụm 1: ký giao ước thi đua by 15/12/2026');
  });

  it('names the late units in an escalation', () => {
    const text = escalationText('vi', {
      title,
      dueOn: '2026-12-15',
      late: [{ code: 'DV-02', name: 'Đơn vị B' }],
    });
    expect(text.title).toBe(`Quá hạn: ${title} (1 đơn vị chưa thực hiện)`);
    expect(text.body).toContain('DV-02 – Đơn vị B');
  });
});
