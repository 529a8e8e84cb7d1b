import { describe, expect, it } from 'vitest';
import { checkUpload, cleanFileName, sniffFileKind } from './rules';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new TextEncoder().encode(s);

describe('sniffFileKind', () => {
  it.each([
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0), 'a.jpg'],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0), 'a.png'],
    ['pdf', text('%PDF-1.7\n'), 'a.pdf'],
    ['csv', text('名称,代码\n甲,1\n'), 'a.csv'],
    ['json', text('{"type":"FeatureCollection"}'), 'a.geojson'],
    ['text', text('just words'), 'a.xlsx'],
    [null, bytes(0x00, 0x01, 0x02, 0x03), 'a.bin'],
  ])('reads %s from the bytes', (kind, content, name) => {
    expect(sniffFileKind(content, name)).toBe(kind);
  });
});

describe('checkUpload', () => {
  it('refuses a text file renamed to .jpg as a photo', () => {
    expect(() => checkUpload('photo', 'evil.jpg', text('<script>alert(1)</script>'))).toThrow(expect.objectContaining({ code: 'file.type_not_allowed' }));
  });
  it('refuses empty and oversized files', () => {
    expect(() => checkUpload('photo', 'a.jpg', new Uint8Array())).toThrow(expect.objectContaining({ code: 'file.empty' }));
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff]);
    expect(() => checkUpload('photo', 'a.jpg', big)).toThrow(expect.objectContaining({ code: 'file.too_large' }));
  });
  it('accepts a jpeg photo', () => {
    expect(checkUpload('photo', 'a.jpg', bytes(0xff, 0xd8, 0xff, 0xe1))).toBe('jpeg');
  });
});

describe('cleanFileName', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\x\\隐患照片.jpg', '隐患照片.jpg'],
    ['a\u0000b\u0007c.png', 'abc.png'],
    ['', 'file'],
  ])('%j → %j', (input, expected) => {
    expect(cleanFileName(input)).toBe(expected);
  });
});
