/**
 * CSV cells that a spreadsheet reads as data, never as a formula (docs/rules.md, "Who may see and do what";
 * OWASP "CSV Injection"). A cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is
 * written with a leading apostrophe, which spreadsheets show as text and the import removes again.
 * A plain number (`-5`, `+2.5`) cannot run anything and stays a number. So that every cell
 * round-trips, a cell that already starts with an apostrophe followed by one of those characters
 * or by another apostrophe gets one more. Every CSV Cairn writes goes through `csvFile`; the import
 * reads every cell through `csvCellValue`.
 */
import { stringify } from 'csv-stringify/sync';

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(\.\d+)?$/;
/** An apostrophe that the export added, and the import takes away. */
const ADDED_APOSTROPHE = /^'[=+\-@\t\r']/;

export function csvCell(value: string): string {
  const neutralised = (FORMULA_START.test(value) && !PLAIN_NUMBER.test(value)) || ADDED_APOSTROPHE.test(value);
  return neutralised ? `'${value}` : value;
}

export function csvCellValue(cell: string): string {
  return ADDED_APOSTROPHE.test(cell) ? cell.slice(1) : cell;
}

/** A CSV file (header row first), every cell neutralised. */
export function csvFile(rows: readonly (readonly string[])[]): string {
  return stringify(rows.map((row) => row.map(csvCell)));
}
