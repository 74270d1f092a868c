import { Transform } from 'class-transformer';

/** Trims string input before validation (lengths count what is kept); other values pass through. */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
