/**
 * `text` for Prisma's `contains` / `startsWith` / `endsWith` on PostgreSQL, which pass it into a
 * LIKE pattern as it is: `%` and `_` would be wildcards (a search for "%" would list everything)
 * and `\` the escape character. Escaped here, they match themselves.
 */
export function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
