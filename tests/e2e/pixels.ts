/** The colour of one screen pixel, from a 1×1 PNG screenshot (decoded here with node:zlib). */
import { inflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';

export type Rgb = [number, number, number];

/** Decodes a 1×1 8-bit RGB or RGBA PNG (what Chromium's screenshot gives for a 1×1 clip). */
function onlyPixel(png: Buffer): Rgb {
  let offset = 8; // signature
  let colourType = 6;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('latin1', offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') colourType = body[9] ?? 6;
    if (type === 'IDAT') data.push(body);
    offset += 12 + length;
  }
  if (colourType !== 2 && colourType !== 6)
    throw new Error(`PNG colour type ${String(colourType)}`);
  const row = inflateSync(Buffer.concat(data));
  // Row 0: filter byte, then R G B (A). Filter 0 (none) or 1 (sub) leave the first pixel as is.
  return [row[1] ?? 0, row[2] ?? 0, row[3] ?? 0];
}

/** The colour the employee sees at (x, y) in the page's viewport. */
export async function pixelAt(page: Page, x: number, y: number): Promise<Rgb> {
  const png = await page.screenshot({
    clip: { x: Math.floor(x), y: Math.floor(y), width: 1, height: 1 },
  });
  return onlyPixel(png);
}

/** Whether two colours are within `tolerance` per channel. */
export function isNear(a: Rgb, b: Rgb, tolerance = 12): boolean {
  return a.every((value, i) => Math.abs(value - (b[i] ?? 0)) <= tolerance);
}
