import { notificationLink } from './notification-link';

describe('notificationLink', () => {
  const url = 'https://thidua.example.vn/';

  it('sends each recipient to the page where they act', () => {
    const signing = { kind: 'PLEDGE_SIGNING', subjectId: 'round-1' };
    expect(notificationLink(url, signing, 'reminder')).toBe('https://thidua.example.vn/app/pledge');
    expect(notificationLink(url, signing, 'escalation')).toBe(
      'https://thidua.example.vn/app/cluster',
    );
    expect(notificationLink(url, { kind: 'VOTE', subjectId: 'v' }, 'reminder')).toBe(
      'https://thidua.example.vn/app/ballots',
    );
    expect(notificationLink(url, { kind: 'REGISTRATION', subjectId: 'r' }, 'reminder')).toBe(
      'https://thidua.example.vn/app/registration',
    );
  });

  it("opens the nomination of an approval step's deadline", () => {
    const id = '3f1e2d4c-5b6a-4789-8abc-0123456789ab';
    expect(
      notificationLink(
        url,
        { kind: 'NOMINATION_STEP', subjectId: `nomination-${id}-2-r1-revision` },
        'escalation',
      ),
    ).toBe(`https://thidua.example.vn/app/nominations/${id}`);
    expect(notificationLink(url, { kind: 'NOMINATION_STEP', subjectId: 'odd' }, 'reminder')).toBe(
      'https://thidua.example.vn/app/approvals',
    );
  });
});
