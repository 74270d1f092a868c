import {
  Group,
  Pagination,
  Table,
  Text,
  VisuallyHidden,
  type TableProps,
  type TableTdProps,
  type TableThProps,
  type TableTrProps,
} from '@mantine/core';
import { useState, type Key, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ScrollHintContainer } from './scroll-hint-container';

/** One column of a `DataTable`: its header cell and how a row fills its cell. */
export interface DataColumn<T> {
  /** The header text; none for a column of row actions. */
  header?: ReactNode;
  /** Text alignment of the header and of every cell: numbers and row actions to the right. */
  align?: 'left' | 'center' | 'right';
  /** Props of the header cell (width). */
  th?: TableThProps;
  /** Props of the row's cell, the same for every row or by row. */
  td?: TableTdProps | ((row: T) => TableTdProps);
  cell: (row: T, index: number) => ReactNode;
}

export interface DataTableProps<T> extends Omit<TableProps, 'children' | 'data'> {
  /** Below this width the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  columns: readonly DataColumn<T>[];
  rows: readonly T[];
  /** The React key of a row; by default its `id`, else its position. */
  rowKey?: (row: T, index: number) => Key;
  /** Props of a row's `<tr>` (a highlight, a test id). */
  rowProps?: (row: T, index: number) => TableTrProps;
  /** Rows per page: a longer list is shown a page at a time, with the pages below it (a list of
   * thousands drawn at once makes the page slow to use and to read with a screen reader). */
  pageSize?: number;
  /** What to say instead of an empty table when there are no rows ("no awards yet"). */
  empty?: ReactNode;
}

function idOf<T>(row: T, index: number): Key {
  return typeof row === 'object' && row !== null && 'id' in row ? String(row.id) : index;
}

/** A table of rows (striped unless told otherwise), one column definition per column: the header row, then a row per item. */
export function DataTable<T>({
  minWidth,
  columns,
  rows,
  rowKey = idOf,
  rowProps,
  striped = true,
  pageSize,
  empty,
  ...table
}: DataTableProps<T>) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const pages = pageSize ? Math.max(1, Math.ceil(rows.length / pageSize)) : 1;
  // Fewer rows than before (a new filter): the last page that exists.
  const current = Math.min(page, pages);
  const first = pageSize ? (current - 1) * pageSize : 0;
  const shown = pageSize ? rows.slice(first, first + pageSize) : rows;
  if (rows.length === 0 && empty !== undefined) {
    return (
      <Text size="sm" c="dimmed">
        {empty}
      </Text>
    );
  }
  return (
    <>
      <ScrollHintContainer minWidth={minWidth}>
        <Table striped={striped} {...table}>
          <Table.Thead>
            <Table.Tr>
              {columns.map((c, i) => (
                <Table.Th key={i} ta={c.align} {...c.th}>
                  {/* A column of row actions still names itself to screen readers. */}
                  {c.header ?? <VisuallyHidden>{t('a11y.rowActions')}</VisuallyHidden>}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((row, k) => {
              const i = first + k;
              return (
                <Table.Tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
                  {columns.map((c, j) => (
                    <Table.Td
                      key={j}
                      ta={c.align}
                      {...(typeof c.td === 'function' ? c.td(row) : c.td)}
                    >
                      {c.cell(row, i)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </ScrollHintContainer>
      {pages > 1 ? (
        <Group justify="space-between" mt="sm" gap="sm">
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('a11y.rowsShown', { from: first + 1, to: first + shown.length, total: rows.length })}
          </Text>
          <Pagination
            total={pages}
            value={current}
            onChange={setPage}
            aria-label={t('a11y.pages')}
            getControlProps={(control) => ({
              'aria-label': t(`a11y.page_${control}`),
            })}
          />
        </Group>
      ) : null}
    </>
  );
}

/** A code in a table cell (a unit code, a user name, an id), in monospace. */
export function CodeText({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" ff="monospace">
      {children}
    </Text>
  );
}

/** A table cell of two lines: the row's name, then a small dimmed detail (its code) below it. */
export function NameCell({ name, detail }: { name: ReactNode; detail: ReactNode }) {
  return (
    <>
      <Text size="sm" fw={500}>
        {name}
      </Text>
      <Text size="xs" c="dimmed">
        {detail}
      </Text>
    </>
  );
}
