import { CycleClock, startOfVietnamDay } from '@epw/domain';
import { quietDelayMs } from './quiet-hours';
import { dueDateOf, planReminders } from './reminder-plan';
import { escalationText, reminderText } from './templates';

const realClock = { periodStart: '2026-01-01', epochMs: startOfVietnamDay('2026-01-01'), scale: 1 };
const at = (iso: string) => new Date(Date.parse(iso)).toISOString();

describe('planReminders', () => {
  it('reminds 7, 3 and 1 working days before, at 08:00 Vietnam time, skipping weekends and holidays', () => {
    const due = new CycleClock('2026-01-01', realClock.epochMs, 1).deadlineOf('2026-09-07'); // a Monday
    const plan = planReminders(due, [1, 7, 3, 3], realClock, ['2026-09-01', '2026-09-02']);
    expect(plan.map((p) => [p.offset, new Date(p.atMs).toISOString()])).toEqual([
      [7, at('2026-08-25T01:00:00Z')], // Tue 25/08 08:00 (+07)
      [3, at('2026-08-31T01:00:00Z')], // Mon 31/08: 01-02/09 are holidays, 03-04/09 count
      [1, at('2026-09-04T01:00:00Z')], // Fri 04/09
    ]);
  });

  it('maps reminder days onto an accelerated clock', () => {
    const epoch = Date.parse('2026-11-21T00:00:00Z');
    const clock = { periodStart: '2026-01-01', epochMs: epoch, scale: 43_200 }; // a day = 2 s
    const due = new CycleClock('2026-01-01', epoch, 43_200).deadlineOf('2026-01-20');
    expect(dueDateOf(due, clock)).toBe('2026-01-20');
    const secondsAfterEpoch = planReminders(due, [7, 3, 1], clock, []).map(
      (p) => (p.atMs - epoch) / 1000,
    );
    expect(secondsAfterEpoch.map((s) => Math.round(s))).toEqual([17, 29, 37]); // 09/01, 15/01, 19/01 at 08:00
  });

  it('ignores offsets that are not positive whole days', () => {
    const due = new CycleClock('2026-01-01', realClock.epochMs, 1).deadlineOf('2026-03-31');
    expect(planReminders(due, [0, -2, 1.5, 2], realClock, []).map((p) => p.offset)).toEqual([2]);
  });
});

describe('quietDelayMs', () => {
  const vn = (hhmm: string) => Date.parse(`2026-11-20T${hhmm}:00+07:00`);

  it('waits until quiet hours that wrap midnight end', () => {
    expect(quietDelayMs(vn('23:30'), '22:00', '07:00')).toBe(7.5 * 3600_000);
    expect(quietDelayMs(vn('06:59'), '22:00', '07:00')).toBe(60_000);
  });

  it('sends at once outside quiet hours or without them', () => {
    expect(quietDelayMs(vn('07:00'), '22:00', '07:00')).toBe(0);
    expect(quietDelayMs(vn('12:00'), '12:30', '13:30')).toBe(0);
    expect(quietDelayMs(vn('12:45'), '12:30', '13:30')).toBe(45 * 60_000);
    expect(quietDelayMs(vn('23:30'), null, null)).toBe(0);
    expect(quietDelayMs(vn('23:30'), '25:00', '07:00')).toBe(0);
  });
});

describe('message templates', () => {
  it('speaks Vietnamese by default and English on preference', () => {
    const vi = reminderText('vi', {
      title: 'Đăng ký thi đua 2026',
      dueOn: '2026-01-20',
      offset: 3,
      unitName: 'Đảng ủy Khối Ngân hàng',
    });
    expect(vi.title).toBe('Nhắc hạn: Đăng ký thi đua 2026 trước 20/01/2026');
    expect(vi.body).toContain('Còn 3 ngày làm việc');
    const en = reminderText('en', {
      title: 'Registration 2026',
      dueOn: '2026-01-20',
      offset: 3,
      unitName: 'Bank bloc',
    });
    expect(en.body).toContain('3 working day(s) left until 20/01/2026');
  });

  it('words a reminder rebuilt after its deadline as overdue, without counting days left', () => {
    const p = {
      title: 'Đăng ký thi đua 2026',
      dueOn: '2026-01-20',
      offset: 1,
      unitName: 'Bộ Y tế',
    };
    const vi = reminderText('vi', { ...p, overdue: true });
    expect(vi.title).toBe('Nhắc hạn: Đăng ký thi đua 2026 – đã quá hạn 20/01/2026');
    expect(vi.body).toBe(
      'Đã quá hạn 20/01/2026 của "Đăng ký thi đua 2026". Bộ Y tế chưa thực hiện.',
    );
    expect(vi.body).not.toContain('Còn');
    expect(reminderText('en', { ...p, overdue: true }).body).toBe(
      '"Đăng ký thi đua 2026" was due 20/01/2026. Bộ Y tế has not done it yet.',
    );
  });

  it('names every late unit in an escalation', () => {
    const t = escalationText('vi', {
      title: 'Ký kết giao ước',
      dueOn: '2026-01-20',
      late: [
        { code: 'DUK-NH', name: 'Khối Ngân hàng' },
        { code: 'DUK-YT', name: 'Bộ Y tế' },
      ],
    });
    expect(t.title).toContain('2 đơn vị');
    expect(t.body).toContain('DUK-NH – Khối Ngân hàng; DUK-YT – Bộ Y tế');
    expect(t.body).toContain('20/01/2026 23:59');
  });
});
