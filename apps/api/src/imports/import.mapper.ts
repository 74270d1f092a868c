import type { ImportRowIssue, Locale } from '@epw/domain';
import type { ImportRowErrorDto } from './dto/import.dto';

/** A response lists at most this many errors (`errorCount` tells them all). */
export const MAX_LISTED_ERRORS = 1000;

export function toImportErrors(issues: ImportRowIssue[], locale: Locale): ImportRowErrorDto[] {
  return issues.slice(0, MAX_LISTED_ERRORS).map((i) => ({
    row: i.row,
    column: i.column,
    rule: i.rule,
    message: i.message[locale],
  }));
}
