import ExcelJS from 'exceljs';
import type { ImportColumn } from './types';

/**
 * The downloadable import template: a data sheet with the Chinese headers (required ones in red
 * with a *), one example row, drop-down lists for enum columns (the lists live on a hidden sheet,
 * so long lists such as territories work), and a notes sheet that explains every column.
 * The engine skips the example row if it is left unchanged.
 */
export type TemplateSpec = {
  sheetName: string;
  columns: readonly ImportColumn[];
  /** Drop-down values by column key (static options merged with values from the database). */
  options: Readonly<Record<string, readonly string[]>>;
  notes: readonly string[];
  /** Rows that carry the drop-downs. */
  validationRows?: number;
};

function columnLetter(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(65 + ((i - 1) % 26)) + s;
  return s;
}

export async function buildTemplateXlsx(spec: TemplateSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '质量强市综合管理平台';
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = workbook.addWorksheet('选项', { state: 'veryHidden' });
  const notes = workbook.addWorksheet('填写说明');
  const rows = spec.validationRows ?? 5000;

  sheet.columns = spec.columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, key: c.key, width: c.width ?? Math.max(12, c.header.length * 2 + 4) }));
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  spec.columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } };
    if (c.required) cell.font = { bold: true, color: { argb: 'FFC00000' } };
    if (c.note) cell.note = c.note;
  });
  const example = sheet.addRow(spec.columns.map((c) => c.example ?? null));
  example.font = { color: { argb: 'FF808080' }, italic: true };
  spec.columns.forEach((c, i) => {
    // Text format, so that long digit strings (credit codes, phone numbers) stay text.
    sheet.getColumn(i + 1).numFmt = '@';
    const values = spec.options[c.key] ?? c.options;
    if (!values || values.length === 0) return;
    const listColumn = columnLetter(i + 1);
    lists.getCell(`${listColumn}1`).value = c.header;
    values.forEach((v, j) => {
      lists.getCell(`${listColumn}${j + 2}`).value = v;
    });
    const letter = columnLetter(i + 1);
    (sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${rows + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'选项'!$${listColumn}$2:$${listColumn}$${values.length + 1}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: c.header,
      error: `请从下拉列表中选择${c.header}`,
    });
  });

  notes.columns = [
    { header: '列名', key: 'header', width: 22 },
    { header: '是否必填', key: 'required', width: 10 },
    { header: '说明', key: 'note', width: 80 },
  ];
  notes.getRow(1).font = { bold: true };
  for (const c of spec.columns) {
    const values = spec.options[c.key] ?? c.options;
    const aliases = c.aliases && c.aliases.length > 0 ? `（也可写作：${c.aliases.join('、')}）` : '';
    const choices = values && values.length > 0 && values.length <= 12 ? ` 可选值：${values.join('、')}。` : '';
    notes.addRow({ header: c.header, required: c.required ? '必填' : '选填', note: `${c.note ?? ''}${choices}${aliases}` });
  }
  notes.addRow({});
  for (const line of spec.notes) notes.addRow({ header: '', required: '', note: line });
  notes.getColumn('note').alignment = { wrapText: true, vertical: 'top' };

  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer as ArrayBuffer);
}
