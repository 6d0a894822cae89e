import QRCode from 'qrcode';

/** QR codes for verification links and posters. Error correction M (15 %) survives print wear. */

const ERROR_CORRECTION = 'M' as const;
/** Quiet zone in modules, as the QR standard asks. */
const QUIET_ZONE = 4;

/** A QR code as a PNG data URL (`data:image/png;base64,...`), `size` pixels square. */
export function qrPngDataUrl(text: string, size = 256): Promise<string> {
  return QRCode.toDataURL(text, { type: 'image/png', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, width: size });
}

/** A QR code as PNG bytes, `size` pixels square. */
export function qrPngBuffer(text: string, size = 512): Promise<Buffer> {
  return QRCode.toBuffer(text, { type: 'png', errorCorrectionLevel: ERROR_CORRECTION, margin: QUIET_ZONE, width: size });
}

/**
 * A QR code as an SVG string drawn with filled rectangles, one unit per module, for embedding in a
 * PDF as vectors (sharp at any print size). Synchronous, so document definitions stay pure.
 */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  const n = modules.size;
  const full = n + 2 * QUIET_ZONE;
  let path = '';
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${col - start}v1h${start - col}z`;
    }
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${full} ${full}" width="${full}" height="${full}">` +
    `<rect width="${full}" height="${full}" fill="#ffffff"/><path d="${path}" fill="#000000"/></svg>`
  );
}
