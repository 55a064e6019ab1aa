import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { imageSize } from '../src/ingest/files/imageSize.js';
import { describeEvidence } from '../src/ingest/files/evidence.js';
import { crc32, makeJpeg, makePdf, makePng } from '../src/util/images.js';

/** The head of a progressive JPEG: APP0, a restart interval, a fill byte before a DHT, then SOF2. */
const progressiveJpegHeader = Uint8Array.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x48, 0x00, 0x48, 0x00,
  0x00, 0xff, 0xdd, 0x00, 0x04, 0x00, 0x00, 0xff, 0xff, 0xc4, 0x00, 0x07, 0x00, 0x00, 0x00, 0x00, 0x00, 0xff, 0xc2,
  0x00, 0x0b, 0x08, 0x02, 0x58, 0x03, 0x20, 0x01, 0x01, 0x11, 0x00,
]);

async function decodeJpeg(bytes: Uint8Array): Promise<{ width: number; height: number; rgb: Uint8ClampedArray }> {
  // pdf.js's JPEG decoder, as a second opinion that the bytes are a JPEG any viewer can open.
  const { JpegImage } = (await import('pdfjs-dist/image_decoders/pdf.image_decoders.mjs' as string)) as {
    JpegImage: new () => {
      width: number;
      height: number;
      parse(d: Uint8Array): void;
      getData(o: { width: number; height: number; forceRGB: boolean; isSourcePDF: boolean }): Uint8ClampedArray;
    };
  };
  const j = new JpegImage();
  j.parse(bytes);
  return { width: j.width, height: j.height, rgb: j.getData({ width: j.width, height: j.height, forceRGB: true, isSourcePDF: false }) };
}

/** Reads a PNG back by its chunks: checks each CRC and inflates the pixel rows. */
function decodePng(png: Buffer): { width: number; height: number; rows: Buffer } {
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('ascii', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    expect(png.readUInt32BE(pos + 8 + len)).toBe(crc32(png.subarray(pos + 4, pos + 8 + len)));
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  return { width, height, rows: inflateSync(Buffer.concat(idat)) };
}

describe('imageSize', () => {
  it('reads the width and height of a PNG from its IHDR', () => {
    expect(imageSize(makePng(37, 21, [255, 0, 0]))).toEqual({ type: 'png', width: 37, height: 21 });
  });

  it('reads the width and height of a JPEG from its SOF0 marker', () => {
    expect(imageSize(makeJpeg(130, 45, [0, 128, 0]))).toEqual({ type: 'jpeg', width: 130, height: 45 });
  });

  it('skips DRI, fill bytes and the DHT marker C4 before a progressive SOF2 frame header', () => {
    expect(imageSize(progressiveJpegHeader)).toEqual({ type: 'jpeg', width: 800, height: 600 });
  });

  it('reads GIF, BMP and WebP headers', () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x0a, 0x00, 0x05, 0x00, 0x80, 0, 0]);
    expect(imageSize(gif)).toEqual({ type: 'gif', width: 10, height: 5 });
    const bmp = Buffer.alloc(30);
    bmp.write('BM', 0, 'ascii');
    bmp.writeUInt32LE(40, 14);
    bmp.writeInt32LE(64, 18);
    bmp.writeInt32LE(-32, 22); // top-down bitmap
    expect(imageSize(bmp)).toEqual({ type: 'bmp', width: 64, height: 32 });
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.write('WEBPVP8X', 8, 'ascii');
    webp.writeUIntLE(299, 24, 3);
    webp.writeUIntLE(149, 27, 3);
    expect(imageSize(webp)).toEqual({ type: 'webp', width: 300, height: 150 });
  });

  it('returns null for a truncated PNG, a JPEG cut before its frame header, text and nothing', () => {
    expect(imageSize(makePng(10, 10, [1, 2, 3]).subarray(0, 20))).toBeNull();
    expect(imageSize(makeJpeg(10, 10, [1, 2, 3]).subarray(0, 30))).toBeNull();
    expect(imageSize(Buffer.from('not an image at all'))).toBeNull();
    expect(imageSize(new Uint8Array(0))).toBeNull();
  });

  it('never throws on any prefix of a real image or on scrambled headers', () => {
    const samples = [makePng(9, 9, [9, 9, 9]), makeJpeg(9, 9, [9, 9, 9]), Buffer.from(progressiveJpegHeader)];
    for (const s of samples) {
      for (let cut = 0; cut <= s.length; cut++) expect(() => imageSize(s.subarray(0, cut))).not.toThrow();
      for (let i = 2; i < Math.min(s.length, 60); i++) {
        const scrambled = Buffer.from(s);
        scrambled[i] = 0xff - scrambled[i]!;
        expect(() => imageSize(scrambled)).not.toThrow();
      }
    }
  });
});

describe('image makers', () => {
  it('makePng writes a PNG whose chunks check out and whose pixels are the colour asked for', () => {
    const { width, height, rows } = decodePng(makePng(3, 2, [10, 20, 30]));
    expect([width, height]).toEqual([3, 2]);
    expect([...rows]).toEqual([0, 10, 20, 30, 10, 20, 30, 10, 20, 30, 0, 10, 20, 30, 10, 20, 30, 10, 20, 30]);
  });

  it('makePng with different seeds gives different content of the same size', () => {
    const a = makePng(16, 16, [100, 100, 100], 1);
    const b = makePng(16, 16, [100, 100, 100], 2);
    expect(a.equals(b)).toBe(false);
    expect(a.equals(makePng(16, 16, [100, 100, 100], 1))).toBe(true);
    expect(imageSize(b)).toEqual({ type: 'png', width: 16, height: 16 });
  });

  it('makeJpeg writes a baseline JPEG of any size that a decoder reads back in its colour', async () => {
    const jpeg = makeJpeg(21, 10, [200, 30, 40]);
    const { width, height, rgb } = await decodeJpeg(jpeg);
    expect([width, height]).toEqual([21, 10]);
    expect(rgb.length).toBe(21 * 10 * 3);
    for (let i = 0; i < rgb.length; i += 3) {
      expect(Math.abs(rgb[i]! - 200)).toBeLessThanOrEqual(3);
      expect(Math.abs(rgb[i + 1]! - 30)).toBeLessThanOrEqual(3);
      expect(Math.abs(rgb[i + 2]! - 40)).toBeLessThanOrEqual(3);
    }
  });

  it('makeJpeg with different seeds gives different, still decodable content', async () => {
    const a = makeJpeg(64, 48, [250, 250, 250], 7);
    const b = makeJpeg(64, 48, [250, 250, 250], 8);
    expect(a.equals(b)).toBe(false);
    expect((await decodeJpeg(b)).width).toBe(64);
  });

  it('makePdf writes a one-page PDF that pdf.js opens, titled with the Chinese text', async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const doc = await pdfjs.getDocument({ data: new Uint8Array(makePdf('营业执照 Zhejiang Test Co')), verbosity: 0 }).promise;
    expect(doc.numPages).toBe(1);
    const { info } = (await doc.getMetadata()) as { info: { Title?: string } };
    expect(info.Title).toBe('营业执照 Zhejiang Test Co');
    await doc.destroy();
  });
});

describe('describeEvidence', () => {
  it('describes a real PNG screenshot with its content key, type and size', () => {
    const png = makePng(40, 30, [0, 0, 0], 3);
    expect(describeEvidence('证明材料/截图/erp-login.png', png)).toEqual({
      path: '证明材料/截图/erp-login.png',
      size: png.length,
      // Bytes at hand are hashed at once (no read to save); see sameContent.ts.
      content: `${png.length}:${createHash('sha256').update(png).digest('hex')}`,
      type: 'png',
      width: 40,
      height: 30,
      bytesRead: png.length,
    });
  });

  it('describes a JPEG and turns Windows backslashes into slashes', () => {
    const d = describeEvidence('证明材料\\截图\\mes.jpg', makeJpeg(50, 20, [9, 9, 9]));
    expect(d).toMatchObject({ path: '证明材料/截图/mes.jpg', type: 'jpeg', width: 50, height: 20 });
  });

  it('says a text file renamed .png is text and has no dimensions', () => {
    const d = describeEvidence('证明材料/截图/fake.png', Buffer.from('这不是图片\n', 'utf8'));
    expect(d.type).toBe('text');
    expect(d.width).toBeUndefined();
  });

  it('says an empty file is empty', () => {
    expect(describeEvidence('证明材料/empty.png', new Uint8Array(0))).toMatchObject({ type: 'empty', size: 0 });
  });

  it('gives a truncated PNG its type but no dimensions', () => {
    const d = describeEvidence('证明材料/cut.png', makePng(8, 8, [1, 1, 1]).subarray(0, 16));
    expect(d.type).toBe('png');
    expect(d.width).toBeUndefined();
    expect(d.height).toBeUndefined();
  });

  it('describes a PDF licence as pdf', () => {
    expect(describeEvidence('证明材料/营业执照.pdf', makePdf('licence')).type).toBe('pdf');
  });
});
