/**
 * The narrative report as a Word document in the layout of Decree 30/2020/NĐ-CP (Appendix I), from the decree's
 * well-known rules (no copy of the decree is in shared/reference): A4; margins top/bottom 20 mm, left 30 mm, right
 * 15 mm; Times New Roman; a two-column header table without borders — issuing body on the left (parent body upper
 * case 13 pt, issuing body upper case bold 13 pt, a short rule), national motto on the right ("CỘNG HÒA XÃ HỘI CHỦ
 * NGHĨA VIỆT NAM" bold 13 pt, "Độc lập - Tự do - Hạnh phúc" bold 14 pt, a rule) — then "Số: …/BC-…" (13 pt) and the
 * place and date line (italic 14 pt); the kind "BÁO CÁO" and the summary (bold 14 pt, centred); the body at 14 pt,
 * justified, first line indented 1.27 cm, 6 pt after; tables at 12 pt; "Nơi nhận:" (bold italic 12 pt, items 11 pt)
 * beside the signature block (authority and title bold upper case 14 pt, room to sign, name bold).
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  Paragraph,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from 'docx';
import type { ReportSection } from '../../contracts/reports.js';
import type { NarrativeBlock } from '../../domain/reports/narrative.js';
import { viNumber } from './reports.presenter.js';

export interface NarrativeDoc {
  parentBody: string;
  issuingBody: string;
  /** "BC-VPĐP" */
  symbol: string;
  place: string;
  year: number;
  /** The year the document is issued (the date line), usually the current year. */
  issueYear: number;
  summary: string;
  blocks: NarrativeBlock[];
  tables: Array<{ caption: string; section: ReportSection }>;
  recipients: string[];
  signer: { authority: string; title: string; name: string };
}

const FONT = 'Times New Roman';
const mm = (x: number) => Math.round((x * 1440) / 25.4);
const pt = (x: number) => x * 2; // docx sizes are half-points

const run = (text: string, o: { size?: number; bold?: boolean; italics?: boolean } = {}) =>
  new TextRun({ text, font: FONT, size: pt(o.size ?? 14), bold: o.bold ?? false, italics: o.italics ?? false });

const centred = (children: TextRun[], after = 0, rule = false) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after, before: 0 },
    children,
    ...(rule ? { border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } }, indent: { left: mm(18), right: mm(18) } } : {}),
  });

const noBorders = TableBorders.NONE;

function headerTable(d: NarrativeDoc): Table {
  const left = new TableCell({
    width: { size: 40, type: WidthType.PERCENTAGE },
    borders: noBorders,
    children: [
      centred([run(d.parentBody.toUpperCase(), { size: 13 })]),
      centred([run(d.issuingBody.toUpperCase(), { size: 13, bold: true })], 60, true),
    ],
  });
  const right = new TableCell({
    width: { size: 60, type: WidthType.PERCENTAGE },
    borders: noBorders,
    children: [
      centred([run('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { size: 13, bold: true })]),
      centred([run('Độc lập - Tự do - Hạnh phúc', { size: 14, bold: true })], 60, true),
    ],
  });
  const numberCell = new TableCell({ borders: noBorders, children: [centred([run(`Số:        /${d.symbol}`, { size: 13 })], 0)] });
  const dateCell = new TableCell({
    borders: noBorders,
    children: [centred([run(`${d.place}, ngày      tháng      năm ${d.issueYear}`, { size: 14, italics: true })], 0)],
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: noBorders,
    rows: [new TableRow({ children: [left, right] }), new TableRow({ children: [numberCell, dateCell] })],
  });
}

function bodyParagraph(b: NarrativeBlock): Paragraph {
  if (b.kind === 'heading')
    return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { before: 120, after: 120 }, indent: { firstLine: mm(12.7) }, children: [run(b.text, { bold: true })] });
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    spacing: { after: 120, line: 300 },
    indent: { firstLine: mm(12.7) },
    children: [run(b.text, { italics: b.kind === 'placeholder' })],
  });
}

function cellText(v: string | number | null, type: string): string {
  if (v === null) return '';
  if (typeof v === 'number' && type === 'year') return String(v);
  if (typeof v === 'number') return type === 'percent' || type === 'decimal' ? viNumber(v, 1) : viNumber(v);
  if (type === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(v)) return v.split('-').reverse().join('/');
  return v;
}

function dataTable(s: ReportSection): Table {
  const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const borders = { top: border, bottom: border, left: border, right: border };
  const cell = (text: string, o: { bold?: boolean; right?: boolean }) =>
    new TableCell({
      borders,
      verticalAlign: VerticalAlign.CENTER,
      children: [new Paragraph({ alignment: o.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: [run(text, { size: 12, bold: o.bold ?? false })] })],
    });
  const head = new TableRow({ tableHeader: true, children: s.columns.map((c) => cell(c.label, { bold: true })) });
  const rows = s.rows.map(
    (r) => new TableRow({ children: s.columns.map((c, i) => cell(cellText(r.cells[i] ?? null, c.type), { bold: r.kind !== 'data', right: c.type !== 'text' })) }),
  );
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [head, ...rows] });
}

function signatureTable(d: NarrativeDoc): Table {
  const left = new TableCell({
    width: { size: 45, type: WidthType.PERCENTAGE },
    borders: noBorders,
    children: [
      new Paragraph({ children: [run('Nơi nhận:', { size: 12, bold: true, italics: true })] }),
      ...d.recipients.map((r, i) => new Paragraph({ children: [run(`- ${r}${i === d.recipients.length - 1 ? '.' : ';'}`, { size: 11 })] })),
    ],
  });
  const right = new TableCell({
    width: { size: 55, type: WidthType.PERCENTAGE },
    borders: noBorders,
    children: [
      ...(d.signer.authority ? [centred([run(d.signer.authority.toUpperCase(), { bold: true })])] : []),
      centred([run(d.signer.title.toUpperCase(), { bold: true })]),
      centred([run('(Ký, ghi rõ họ tên, đóng dấu)', { size: 13, italics: true })], 1400),
      centred([run(d.signer.name, { bold: true })]),
    ],
  });
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders: noBorders, rows: [new TableRow({ children: [left, right] })] });
}

/** The .docx bytes of the narrative report. */
export async function narrativeDocx(d: NarrativeDoc): Promise<Buffer> {
  const children: Array<Paragraph | Table> = [
    headerTable(d),
    new Paragraph({ spacing: { before: 240 }, children: [] }),
    centred([run('BÁO CÁO', { bold: true })]),
    centred([run(d.summary, { bold: true })], 0),
    centred([run('')], 240, true),
    ...d.blocks.map(bodyParagraph),
  ];
  for (const t of d.tables) {
    children.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: { before: 200, after: 100 }, children: [run(t.caption, { bold: true, size: 13 })] }));
    children.push(dataTable(t.section));
  }
  children.push(new Paragraph({ spacing: { before: 240 }, children: [] }), signatureTable(d));
  const doc = new Document({
    creator: 'mtqg',
    title: `Báo cáo ${d.summary}`,
    styles: { default: { document: { run: { font: FONT, size: pt(14) } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: mm(210), height: mm(297) },
            margin: { top: mm(20), bottom: mm(20), left: mm(30), right: mm(15) },
          },
        },
        children,
      },
    ],
  });
  return Packer.toBuffer(doc);
}
