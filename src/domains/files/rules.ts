import { invalid, tooLarge } from '../../shared/errors';

/**
 * Upload checks: the declared purpose decides which kinds are accepted and how large they may be;
 * the kind is read from the file's first bytes (magic numbers), never trusted from its name or the
 * browser's content type, so a script renamed to .jpg is refused.
 */
export const fileKinds = ['jpeg', 'png', 'webp', 'pdf', 'xlsx', 'docx', 'csv', 'json', 'text'] as const;
export type FileKind = (typeof fileKinds)[number];

export const contentTypes: Record<FileKind, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json',
  text: 'text/plain; charset=utf-8',
};

export const filePurposes = {
  photo: { kinds: ['jpeg', 'png', 'webp'], maxBytes: 10 * 1024 * 1024, label: '照片' },
  evidence: { kinds: ['jpeg', 'png', 'webp', 'pdf', 'xlsx', 'docx'], maxBytes: 20 * 1024 * 1024, label: '佐证材料' },
  import: { kinds: ['xlsx', 'csv'], maxBytes: 20 * 1024 * 1024, label: '导入文件' },
  geojson: { kinds: ['json', 'text'], maxBytes: 20 * 1024 * 1024, label: 'GeoJSON' },
} as const satisfies Record<string, { kinds: readonly FileKind[]; maxBytes: number; label: string }>;
export type FilePurpose = keyof typeof filePurposes;

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((b, i) => bytes[i] === b);

/** Sniff the kind from content; zip containers are told apart by their first entry names. */
export function sniffFileKind(bytes: Uint8Array, fileName: string): FileKind | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && String.fromCharCode(...bytes.slice(8, 12)) === 'WEBP') return 'webp';
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = new TextDecoder('latin1').decode(bytes.slice(0, Math.min(bytes.length, 64 * 1024)));
    if (head.includes('xl/')) return 'xlsx';
    if (head.includes('word/')) return 'docx';
    if (head.includes('[Content_Types].xml')) return /\.docx$/i.test(fileName) ? 'docx' : /\.xlsx$/i.test(fileName) ? 'xlsx' : null;
    return null;
  }
  if (isProbablyText(bytes)) {
    const text = new TextDecoder('utf-8').decode(bytes.slice(0, 4096)).replace(/^\uFEFF/, '').trimStart();
    if (/\.csv$/i.test(fileName)) return 'csv';
    if (text.startsWith('{') || text.startsWith('[')) return 'json';
    return 'text';
  }
  return null;
}

function isProbablyText(bytes: Uint8Array): boolean {
  const sample = bytes.slice(0, 4096);
  if (sample.length === 0) return false;
  for (const b of sample) if (b === 0) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample.length === bytes.length ? sample : trimPartialUtf8(sample));
    return true;
  } catch {
    return false;
  }
}

function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  while (end > 0 && end > bytes.length - 4 && ((bytes[end - 1] as number) & 0xc0) === 0x80) end--;
  if (end > 0 && ((bytes[end - 1] as number) & 0xc0) === 0xc0) end--;
  return bytes.slice(0, end);
}

export function checkUpload(purpose: FilePurpose, fileName: string, bytes: Uint8Array): FileKind {
  const rule = filePurposes[purpose];
  if (bytes.length === 0) throw invalid('file.empty', '文件为空');
  if (bytes.length > rule.maxBytes) throw tooLarge('file.too_large', `${rule.label}不能超过 ${Math.round(rule.maxBytes / 1024 / 1024)} MB`, { maxBytes: rule.maxBytes });
  const kind = sniffFileKind(bytes, fileName);
  if (!kind || !(rule.kinds as readonly FileKind[]).includes(kind)) {
    throw invalid('file.type_not_allowed', `不支持的文件类型（${rule.label}允许：${rule.kinds.join('、')}）`, { detected: kind, allowed: rule.kinds });
  }
  return kind;
}

/** Keep a safe display name: no path parts, no control characters, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'file';
  const cleaned = [...base].filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20 && ch !== '\u007f').join('').trim();
  return cleaned.slice(0, 200) || 'file';
}
