/**
 * Bulk imports (nhập hàng loạt) from a spreadsheet: the columns of each kind, the header row, and
 * reading a cell by its rule. Everything here is pure: the API turns the file into a table of
 * strings, and the rules below say which rows are bad, naming the row, the column and the rule.
 */

export type ImportLocale = 'vi' | 'en';
export type LocalText = Record<ImportLocale, string>;

export const IMPORT_KINDS = ['awards', 'people', 'units', 'memberships'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** At most this many data rows per file: an apply writes them in one transaction, which must end
 * well within the database client's interactive-transaction timeout (5 s; ~1 s per 1,000 rows). */
export const MAX_IMPORT_ROWS = 2_000;

export interface ImportColumn {
  /** Stable name of the column (also accepted as its header). */
  key: string;
  header: LocalText;
  /** `conditional`: required in some rows only (the notes say when). */
  required: boolean | 'conditional';
  /** What the cell holds, for the template's notes. */
  format: LocalText;
  example: string | number;
}

export interface ImportKindDefinition {
  kind: ImportKind;
  title: LocalText;
  columns: readonly ImportColumn[];
  /** Rules that span cells or rows, for the template's notes. */
  notes: readonly LocalText[];
}

/** One bad cell or row: spreadsheet row number (the header is row 1), column key, rule. */
export interface ImportRowIssue {
  row: number;
  column: string;
  rule: string;
  message: LocalText;
}

/** A data row of the file: its spreadsheet row number and its cells by column key (trimmed, NFC;
 * an empty cell is ''). */
export interface RawImportRow {
  row: number;
  cells: Record<string, string>;
}

export interface ImportTable {
  rows: RawImportRow[];
  issues: ImportRowIssue[];
}

/** How a header cell is compared: NFC, case-insensitive, spaces collapsed, a trailing `*` (the
 * mark of a required column) ignored. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\*+\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLocaleLowerCase('vi');
}

/** Units, clusters and award forms share this code shape. */
export const IMPORT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{1,39}$/;
export const CODE_WHAT: LocalText = {
  vi: 'mã gồm 2–40 ký tự A-Z, 0-9 và -',
  en: 'a code of 2–40 characters A-Z, 0-9 and -',
};

/** The unit code column of the kinds that name an existing unit. */
export const UNIT_CODE_COLUMN: ImportColumn = {
  key: 'unitCode',
  header: { vi: 'Mã đơn vị', en: 'Unit code' },
  required: true,
  format: { vi: 'Mã đơn vị đã có', en: 'The code of an existing unit' },
  example: 'DUK-CATP',
};

/** A person's name as compared with the people already recorded: NFC, spaces collapsed,
 * case-insensitive. */
export function normalizePersonName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
}

/**
 * Reads a table of cells (the first row is the header) into rows by column key. A header may be
 * the Vietnamese or English header of a column, or its key. An unknown or repeated header, or a
 * missing required column, is an issue of row 1; wholly empty rows are skipped.
 */
export function readImportTable(
  definition: ImportKindDefinition,
  table: readonly { row: number; cells: readonly string[] }[],
): ImportTable {
  const issues: ImportRowIssue[] = [];
  const [header, ...data] = table;
  if (!header || header.cells.every((c) => c.trim() === '')) {
    return {
      rows: [],
      issues: [
        {
          row: 1,
          column: '',
          rule: 'header',
          message: {
            vi: 'Dòng 1 phải là dòng tiêu đề các cột (tải mẫu để xem).',
            en: 'Row 1 must hold the column headers (download the template to see them).',
          },
        },
      ],
    };
  }
  const byHeader = new Map<string, ImportColumn>();
  for (const c of definition.columns) {
    for (const h of [c.key, c.header.vi, c.header.en]) byHeader.set(normalizeHeader(h), c);
  }
  const keyAt = new Map<number, string>();
  const seen = new Set<string>();
  header.cells.forEach((text, i) => {
    if (text.trim() === '') return;
    const column = byHeader.get(normalizeHeader(text));
    if (!column) {
      issues.push({
        row: header.row,
        column: text.trim(),
        rule: 'unknownColumn',
        message: {
          vi: `Cột "${text.trim()}" không có trong mẫu ${definition.title.vi}.`,
          en: `Column "${text.trim()}" is not in the ${definition.title.en} template.`,
        },
      });
    } else if (seen.has(column.key)) {
      issues.push({
        row: header.row,
        column: column.key,
        rule: 'duplicateColumn',
        message: {
          vi: `Cột "${column.header.vi}" xuất hiện hai lần.`,
          en: `Column "${column.header.en}" appears twice.`,
        },
      });
    } else {
      seen.add(column.key);
      keyAt.set(i, column.key);
    }
  });
  for (const c of definition.columns) {
    if (c.required === true && !seen.has(c.key)) {
      issues.push({
        row: header.row,
        column: c.key,
        rule: 'missingColumn',
        message: {
          vi: `Thiếu cột bắt buộc "${c.header.vi}".`,
          en: `The required column "${c.header.en}" is missing.`,
        },
      });
    }
  }
  const rows: RawImportRow[] = [];
  for (const line of data) {
    if (line.cells.every((c) => c.trim() === '')) continue;
    const cells: Record<string, string> = {};
    for (const c of definition.columns) cells[c.key] = '';
    line.cells.forEach((text, i) => {
      const key = keyAt.get(i);
      if (key) cells[key] = text.normalize('NFC').trim();
    });
    rows.push({ row: line.row, cells });
  }
  if (rows.length === 0) {
    issues.push({
      row: header.row + 1,
      column: '',
      rule: 'noRows',
      message: { vi: 'Tệp không có dòng dữ liệu nào.', en: 'The file has no data rows.' },
    });
  } else if (rows.length > MAX_IMPORT_ROWS) {
    issues.push({
      row: rows[MAX_IMPORT_ROWS]?.row ?? header.row,
      column: '',
      rule: 'tooManyRows',
      message: {
        vi: `Mỗi tệp tối đa ${MAX_IMPORT_ROWS} dòng dữ liệu; hãy chia nhỏ tệp.`,
        en: `At most ${MAX_IMPORT_ROWS} data rows per file; split the file.`,
      },
    });
  }
  return { rows, issues };
}

/**
 * Reads the cells of one row by the rules of their columns, collecting an issue per bad cell
 * (each named by its header in both languages). A reader returns null for an empty or bad cell.
 */
export class ImportRowReader {
  private readonly columns: Map<string, ImportColumn>;
  private readonly issuesBefore: number;

  constructor(
    definition: ImportKindDefinition,
    private readonly raw: RawImportRow,
    private readonly issues: ImportRowIssue[],
  ) {
    this.columns = new Map(definition.columns.map((c) => [c.key, c]));
    this.issuesBefore = issues.length;
  }

  get row(): number {
    return this.raw.row;
  }

  /** No issue of this row so far. */
  get ok(): boolean {
    return this.issues.length === this.issuesBefore;
  }

  /** The cell as written (trimmed), '' when empty. */
  cell(key: string): string {
    return this.raw.cells[key] ?? '';
  }

  has(key: string): boolean {
    return this.cell(key) !== '';
  }

  /** Records an issue of this row's `key` column; `vi`/`en` complete "«Header» …". */
  fail(key: string, rule: string, vi: string, en: string): null {
    const column = this.columns.get(key);
    const h = column?.header ?? { vi: key, en: key };
    this.issues.push({
      row: this.raw.row,
      column: key,
      rule,
      message: { vi: `«${h.vi}» ${vi}`, en: `"${h.en}" ${en}` },
    });
    return null;
  }

  required(key: string): boolean {
    if (this.has(key)) return true;
    this.fail(key, 'required', 'không được để trống.', 'must not be empty.');
    return false;
  }

  text(key: string, opts: { required?: boolean; min?: number; max: number }): string | null {
    if (!this.has(key)) return opts.required ? (this.required(key), null) : null;
    const v = this.cell(key).replace(/\s+/g, ' ');
    const min = opts.min ?? 1;
    if ([...v].length < min || [...v].length > opts.max) {
      return this.fail(
        key,
        'length',
        `phải dài từ ${min} đến ${opts.max} ký tự.`,
        `must hold ${min} to ${opts.max} characters.`,
      );
    }
    // Pasted text can carry control and bidirectional-override characters nobody sees.
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/.test(v)) {
      return this.fail(
        key,
        'printable',
        'chứa ký tự điều khiển không hợp lệ.',
        'holds a control character.',
      );
    }
    return v;
  }

  /** A code (upper case is assumed: `duk-catp` reads as `DUK-CATP`); by default the shape of
   * unit, cluster and award form codes. */
  code(
    key: string,
    opts: { required?: boolean; pattern?: RegExp; what?: LocalText } = {},
  ): string | null {
    if (!this.has(key)) return opts.required ? (this.required(key), null) : null;
    const v = this.cell(key).toUpperCase();
    const { pattern = IMPORT_CODE_PATTERN, what = CODE_WHAT } = opts;
    if (!pattern.test(v)) {
      return this.fail(key, 'pattern', `phải là ${what.vi}.`, `must be ${what.en}.`);
    }
    return v;
  }

  /** The row that `key` first stood in (a repeat of it), or undefined when this row is the first
   * (and is remembered in `firstRowOf`). */
  repeats(firstRowOf: Map<string, number>, key: string): number | undefined {
    const first = firstRowOf.get(key);
    if (first === undefined) firstRowOf.set(key, this.raw.row);
    return first;
  }

  int(key: string, opts: { required?: boolean; min: number; max: number }): number | null {
    if (!this.has(key)) return opts.required ? (this.required(key), null) : null;
    const v = this.cell(key);
    if (!/^[+-]?\d{1,15}(\.0+)?$/.test(v)) {
      return this.fail(key, 'integer', `phải là một số nguyên.`, 'must be a whole number.');
    }
    const n = Number.parseInt(v, 10);
    if (n < opts.min || n > opts.max) {
      return this.fail(
        key,
        'range',
        `phải từ ${opts.min} đến ${opts.max}.`,
        `must be from ${opts.min} to ${opts.max}.`,
      );
    }
    return n;
  }

  /** One of `values`; each value may also be written as one of its aliases (any case). */
  oneOf<T extends string>(
    key: string,
    values: Readonly<Record<T, readonly string[]>>,
    opts: { required?: boolean } = {},
  ): T | null {
    if (!this.has(key)) return opts.required ? (this.required(key), null) : null;
    const v = normalizeHeader(this.cell(key));
    for (const [value, aliases] of Object.entries(values) as [T, readonly string[]][]) {
      if ([value, ...aliases].some((a) => normalizeHeader(a) === v)) return value;
    }
    const list = Object.keys(values).join(', ');
    return this.fail(key, 'isIn', `phải là một trong: ${list}.`, `must be one of: ${list}.`);
  }

  /** A calendar date, written YYYY-MM-DD or dd/mm/yyyy; returned as YYYY-MM-DD. */
  date(key: string): string | null {
    if (!this.has(key)) return null;
    const v = this.cell(key);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(v);
    const [y, m, d] = iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : vn
        ? [Number(vn[3]), Number(vn[2]), Number(vn[1])]
        : [0, 0, 0];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (
      y < 1945 ||
      y > 2100 ||
      date.getUTCFullYear() !== y ||
      date.getUTCMonth() !== m - 1 ||
      date.getUTCDate() !== d
    ) {
      return this.fail(
        key,
        'date',
        'phải là một ngày có thật, dạng dd/mm/yyyy hoặc yyyy-mm-dd.',
        'must be a real date, written dd/mm/yyyy or yyyy-mm-dd.',
      );
    }
    return date.toISOString().slice(0, 10);
  }

  /** The cell must be empty (it means nothing in this row). */
  absent(key: string, vi: string, en: string): void {
    if (this.has(key)) this.fail(key, 'absent', vi, en);
  }
}

/** Each row read by `read`, which returns null for a row it refuses; a row with an issue is left
 * out of `rows`. */
export function readImportRows<T>(
  definition: ImportKindDefinition,
  raw: readonly RawImportRow[],
  read: (x: ImportRowReader, r: RawImportRow) => T | null,
): { rows: T[]; issues: ImportRowIssue[] } {
  const issues: ImportRowIssue[] = [];
  const rows: T[] = [];
  for (const r of raw) {
    const x = new ImportRowReader(definition, r, issues);
    const row = read(x, r);
    if (row !== null && x.ok) rows.push(row);
  }
  return { rows, issues };
}

/** A reader for the checks against the records of a row already parsed. */
export function recordsReader(
  definition: ImportKindDefinition,
  row: number,
  issues: ImportRowIssue[],
): ImportRowReader {
  return new ImportRowReader(definition, { row, cells: {} }, issues);
}

/** Each row already parsed, checked against the records by `resolve`, which returns null for a
 * row it refuses; a row with an issue is left out of `resolved`. */
export function resolveImportRows<R extends { row: number }, T>(
  definition: ImportKindDefinition,
  rows: readonly R[],
  resolve: (x: ImportRowReader, r: R) => T | null,
): { resolved: T[]; issues: ImportRowIssue[] } {
  const issues: ImportRowIssue[] = [];
  const resolved: T[] = [];
  for (const r of rows) {
    const x = recordsReader(definition, r.row, issues);
    const value = resolve(x, r);
    if (value !== null && x.ok) resolved.push(value);
  }
  return { resolved, issues };
}

/** Issues first by row, then by the order of the columns. */
export function sortImportIssues(
  definition: ImportKindDefinition,
  issues: ImportRowIssue[],
): ImportRowIssue[] {
  const order = new Map(definition.columns.map((c, i) => [c.key, i]));
  return [...issues].sort(
    (a, b) => a.row - b.row || (order.get(a.column) ?? -1) - (order.get(b.column) ?? -1) || 0,
  );
}
