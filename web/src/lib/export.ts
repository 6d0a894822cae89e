/**
 * Export of a work queue to Excel (xlsx, built in the browser with exceljs) and printing. The rows
 * exported are exactly the rows the queue's filters select: pass `fetchAllPages` the same query the
 * queue uses, and it follows the keyset cursors to the end.
 */
export interface ExportColumn<T> {
  title: string;
  /** The cell value: text or a number (labels, not codes). */
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/** The sheet's rows: the header line, then one line per row (null/undefined become ''). */
export function toSheetRows<T>(columns: ExportColumn<T>[], rows: T[]): (string | number)[][] {
  return [columns.map((c) => c.title), ...rows.map((r) => columns.map((c) => c.value(r) ?? ''))];
}

/** Loads every page of a keyset-paged list (up to `max` rows). */
export async function fetchAllPages<T>(page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>, max = 10_000): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  for (;;) {
    const p = await page(cursor);
    out.push(...p.items);
    if (!p.nextCursor || out.length >= max) return out.slice(0, max);
    cursor = p.nextCursor;
  }
}

/** A file name safe on every system: `投诉举报-2026-12-02.xlsx`. */
export function exportFileName(base: string, date: string): string {
  return `${base.replace(/[\\/:*?"<>|]+/g, '-')}-${date}.xlsx`;
}

/** Builds the workbook and hands it to the browser as a download. */
export async function downloadXlsx<T>(fileName: string, sheetName: string, columns: ExportColumn<T>[], rows: T[]): Promise<void> {
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName.slice(0, 31) || 'Sheet1');
  ws.addRows(toSheetRows(columns, rows));
  ws.getRow(1).font = { bold: true };
  columns.forEach((c, i) => (ws.getColumn(i + 1).width = c.width ?? Math.min(40, Math.max(10, c.title.length * 2 + 4))));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  const buf = await wb.xlsx.writeBuffer();
  const url = URL.createObjectURL(new Blob([buf], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Rows whose given fields contain the search text (case-insensitive); all rows when there is none. */
export function filterBySearch<T>(rows: T[], q: string | undefined, fields: (row: T) => (string | null | undefined)[]): T[] {
  const needle = q?.trim().toLowerCase();
  if (!needle) return rows;
  return rows.filter((r) => fields(r).some((v) => v?.toLowerCase().includes(needle)));
}
