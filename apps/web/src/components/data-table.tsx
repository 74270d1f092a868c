import {
  Table,
  Text,
  type TableProps,
  type TableTdProps,
  type TableThProps,
  type TableTrProps,
} from '@mantine/core';
import type { Key, ReactNode } from 'react';

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
  ...table
}: DataTableProps<T>) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table striped={striped} {...table}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c, i) => (
              <Table.Th key={i} ta={c.align} {...c.th}>
                {c.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, i) => (
            <Table.Tr key={rowKey(row, i)} {...rowProps?.(row, i)}>
              {columns.map((c, j) => (
                <Table.Td key={j} ta={c.align} {...(typeof c.td === 'function' ? c.td(row) : c.td)}>
                  {c.cell(row, i)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
