import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * PDF rendering with pdfmake's server-side printer. Pure: a document definition in, bytes out; no
 * database, no clock. Everything is set in the CJK font shipped in `server/assets/fonts/`.
 */

/** The font family name every definition uses (the face's PostScript name inside the collection). */
export const CJK_FONT = 'WenQuanYiMicroHei';

/** WenQuanYi Micro Hei, a TrueType collection; see `server/assets/fonts/README.md` for its licence. */
export const CJK_FONT_FILE = fileURLToPath(new URL('../../../assets/fonts/wqy-microhei.ttc', import.meta.url));

/** Millimetres to PDF points. */
export function mm(value: number): number {
  return (value * 72) / 25.4;
}

/** A4 margins close to GB/T 9704 (left, top, right, bottom): 28, 37, 26 and 35 mm. */
export const DEFAULT_PAGE_MARGINS: [number, number, number, number] = [mm(28), mm(37), mm(26), mm(35)];

export interface RenderPdfOptions {
  /**
   * Written as the PDF's CreationDate (and ModDate). With it, equal definitions render to equal
   * bytes; without it (and without `info.creationDate` in the definition) pdfkit stamps the current
   * time. Callers pass `deps.clock.now()` or a date derived from the document itself.
   */
  creationDate?: Date;
  /** Another font file for the CJK family (a collection face is picked by `CJK_FONT`). */
  fontFile?: string;
}

// pdfmake 0.2 is CommonJS and exports the PdfPrinter constructor as module.exports; the installed
// @types/pdfmake describes the 0.3 API (no PdfPrinter), so the constructor is typed here.
interface PdfKitDocument {
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  end(): void;
}
type FontSource = string | [string, string];
interface FontFamily {
  normal: FontSource;
  bold: FontSource;
  italics: FontSource;
  bolditalics: FontSource;
}
interface PdfPrinterInstance {
  createPdfKitDocument(docDefinition: TDocumentDefinitions, options?: Record<string, unknown>): PdfKitDocument;
}
type PdfPrinterConstructor = new (fonts: Record<string, FontFamily>) => PdfPrinterInstance;

const require = createRequire(import.meta.url);
const PdfPrinter = require('pdfmake') as PdfPrinterConstructor;

function cjkFonts(fontFile: string): Record<string, FontFamily> {
  // The collection has one weight (Regular, plus a Mono face), so bold and italics use it too:
  // titles get their weight from size instead.
  const face: FontSource = [fontFile, CJK_FONT];
  return { [CJK_FONT]: { normal: face, bold: face, italics: face, bolditalics: face } };
}

/**
 * Renders a pdfmake document definition to PDF bytes. Defaults: A4, GB/T 9704-like margins, the CJK
 * font at 12 pt with 1.5 line height; the definition's own values win.
 */
export function renderPdf(docDefinition: TDocumentDefinitions, options: RenderPdfOptions = {}): Promise<Buffer> {
  const info = { ...docDefinition.info };
  if (options.creationDate) info.creationDate = options.creationDate;
  if (info.creationDate && !info.modDate) info.modDate = info.creationDate;
  const definition: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: DEFAULT_PAGE_MARGINS,
    ...docDefinition,
    info,
    defaultStyle: { fontSize: 12, lineHeight: 1.5, ...docDefinition.defaultStyle, font: CJK_FONT },
  };
  const printer = new PdfPrinter(cjkFonts(options.fontFile ?? CJK_FONT_FILE));
  return new Promise<Buffer>((resolve, reject) => {
    let doc: PdfKitDocument;
    try {
      doc = printer.createPdfKitDocument(definition);
    } catch (err) {
      reject(err);
      return;
    }
    const chunks: Buffer[] = [];
    doc.on('data', (chunk) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
