import { plainToInstance } from 'class-transformer';
import { IsString, validateSync } from 'class-validator';
import { PrintableText, printableTextViolation } from './printable-text';

class Named {
  @IsString()
  @PrintableText()
  name!: string;
}

const violations = (name: unknown) =>
  validateSync(plainToInstance(Named, { name })).flatMap((e) =>
    Object.entries(e.constraints ?? {}),
  );

describe(PrintableText.name, () => {
  it('accepts Vietnamese names, numbers and titles with punctuation and quotes', () => {
    for (const text of [
      'Nguyễn Thị Hồng Nhung',
      '1234/QĐ-UBND',
      'Quyết định về việc tặng Bằng khen "Dân vận khéo" năm 2026 (đợt 1) & 50%',
    ]) {
      expect(printableTextViolation(text)).toBeNull();
      expect(violations(text)).toEqual([]);
    }
  });

  it('refuses control characters, line breaks and bidirectional overrides', () => {
    for (const text of [
      'Nguyễn\nVăn A',
      'Tab\there',
      'Bell\u0007',
      'abc\u202Efdp.exe',
      'x\u2028y',
    ]) {
      expect(printableTextViolation(text)).toBe('control characters');
    }
    expect(violations('A\u0001B')).toEqual([
      ['printableText', 'name must be printable text without control characters'],
    ]);
  });

  it('refuses markup', () => {
    expect(printableTextViolation('<script>alert(1)</script>')).toBe('< or >');
    expect(violations('a > b')).toEqual([
      ['printableText', 'name must be printable text without < or >'],
    ]);
  });
});
