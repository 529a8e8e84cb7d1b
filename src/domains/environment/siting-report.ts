import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Actor } from '../../shared/actor';
import type { Db } from '../../platform/db/types';
import { selectZonesWithGeometry } from './redline-store';
import type { SitingCheckResult, SitingPrintView } from './siting-schema';
import { getSitingCheckResult } from './siting-service';

/**
 * The printable siting report: data for the print view (the web app lays it out) and the same
 * content as a Word document (`docx`).
 */
const DISCLAIMER =
  '本报告依据平台中的生态红线矢量数据与管控规则自动生成，仅供选址预判参考；红线边界以自然资源、生态环境主管部门正式发布的成果为准，具体项目须依法履行审批程序。';

export async function buildSitingPrintView(db: Db, options: { actor: Actor; id: string; now: Date }): Promise<SitingPrintView> {
  const { result, footprint } = await getSitingCheckResult(db, options);
  const ids = [...result.intersections.map((i) => i.zoneId), ...(result.nearest ? [result.nearest.zoneId] : [])];
  const zones = ids.length ? await selectZonesWithGeometry(db, { ids }) : [];
  const features: Record<string, unknown>[] = [
    { type: 'Feature', id: 'footprint', geometry: footprint, properties: { role: 'footprint', name: result.projectName ?? '项目范围' } },
    ...zones.map((z) => ({
      type: 'Feature',
      id: z.id,
      geometry: z.geometry,
      properties: { role: result.nearest?.zoneId === z.id ? 'nearest' : 'zone', code: z.code, name: z.name, tier: z.tier, zoneType: z.zoneType },
    })),
  ];
  return {
    title: `生态红线选址核查报告${result.projectName ? `：${result.projectName}` : ''}`,
    generatedAt: options.now.toISOString(),
    check: result,
    map: { type: 'FeatureCollection', features },
    disclaimer: DISCLAIMER,
  };
}

const cell = (text: string, bold = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold, font: { eastAsia: '宋体' } })] })] });

function table(header: string[], rows: string[][]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: r.map((t) => cell(t)) }))],
  });
}

const p = (text: string, options: { bold?: boolean } = {}) => new Paragraph({ spacing: { after: 120 }, children: [new TextRun({ text, bold: options.bold ?? false })] });

const footprintKind: Record<SitingCheckResult['footprint']['kind'], string> = { point: '点', line: '线', polygon: '面' };

function formatLocal(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('zh-CN', { timeZone, dateStyle: 'long', timeStyle: 'short' }).format(new Date(iso));
}

/** The Word document of a print view. */
export async function renderSitingReportDocx(view: SitingPrintView, timeZone: string): Promise<Buffer> {
  const c = view.check;
  const size = c.footprint.kind === 'polygon' ? `面积 ${(c.footprint.areaM2 / 10_000).toFixed(4)} 公顷` : c.footprint.kind === 'line' ? `长度 ${c.footprint.lengthM.toFixed(1)} m` : '点位';
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun({ text: view.title, bold: true })] }),
    p(`核查编号：${c.id}`),
    p(`核查时间：${formatLocal(c.checkedAt, timeZone)}，核查人：${c.checkedBy ?? '系统'}`),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('一、项目概况')] }),
    table(['项目', '内容'], [
      ['项目名称', c.projectName ?? '（未填写）'],
      ['项目类型', `${c.projectTypeLabel}（${c.projectType}）`],
      ['项目范围', `${footprintKind[c.footprint.kind]}，${size}`],
    ]),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('二、核查结论')] }),
    p(`结论：${c.verdictLabel}`, { bold: true }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('三、涉及的管控区')] }),
  ];
  if (c.intersections.length === 0) {
    children.push(p(c.nearest ? `项目范围未与任何生态红线管控区相交。最近的管控区为「${c.nearest.name}」，距离约 ${c.nearest.distanceM.toFixed(1)} m。` : '项目范围未与任何生态红线管控区相交。'));
  } else {
    children.push(table(
      ['管控区', '编码', '类型', '管控级别', '接触', '重叠面积 (m²)', '占项目比例', '结论'],
      c.intersections.map((i) => [
        i.name, i.code, i.type, i.tier, i.contact === 'interior' ? '区内' : '边界', i.overlapAreaM2.toFixed(2), `${(i.shareOfFootprint * 100).toFixed(2)}%`, i.ruleOutcomeLabel,
      ]),
    ));
  }
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('四、规则追溯')] }));
  c.traceText.forEach((line, k) => children.push(p(`${k + 1}. ${line}`)));
  children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun('五、说明')] }));
  if (c.ruleSetSource === 'default' && c.ruleSetNote) children.push(p(`管控规则：${c.ruleSetNote}`));
  children.push(p(view.disclaimer));
  const doc = new Document({
    creator: '质量强市综合管理平台',
    title: view.title,
    styles: { default: { document: { run: { font: { ascii: 'Times New Roman', eastAsia: '宋体' }, size: 24 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}
