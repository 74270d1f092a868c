import { likeLiteral } from './like-literal';

describe(likeLiteral.name, () => {
  it('escapes the LIKE wildcards and the escape character, nothing else', () => {
    expect(likeLiteral('50%_off\\x')).toBe('50\\%\\_off\\\\x');
    expect(likeLiteral('Nguyễn Văn A')).toBe('Nguyễn Văn A');
  });
});
