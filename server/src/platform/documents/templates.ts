import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { AppError } from '../errors/app-error.js';
import { DEFAULT_PAGE_MARGINS, mm } from './pdf.js';
import { qrSvg } from './qr.js';

/**
 * Official documents (执法文书) and QR posters as pdfmake definitions: pure data in, a definition
 * out; `renderPdf` turns it into bytes. Templates are plain objects so another module can store
 * edited copies in the database and pass them in here.
 */

/** An official-document template: editable data, never code. */
export interface OfficialDocumentTemplate {
  /** Stable key, e.g. `penalty_decision`; a stored override replaces the built-in of the same kind. */
  kind: string;
  /** The title in zh-CN, printed centred, e.g. `行政处罚决定书`. */
  title: string;
  /**
   * The body with `{{name}}` placeholders. Each line is a paragraph indented by two characters,
   * except a line that ends with `：` (an addressee such as `{{complainant}}：`), set flush left.
   * Blank lines are ignored.
   */
  bodyTemplate: string;
  /** A short note printed small beside the QR code, e.g. how many copies exist. Literal text. */
  footer: string;
}

/** Values for the placeholders; inserted as plain text (a value containing `{{x}}` stays as typed). */
export type PlaceholderValues = Readonly<Record<string, string | number | null | undefined>>;

export interface Issuer {
  /** The person who signs for the office (签发人); printed above the office when not empty. */
  name: string;
  /** The issuing authority, e.g. `杭州市上城区市场监督管理局`: printed in the header and the signature block. */
  office: string;
}

export interface RenderOfficialDocumentOptions {
  template: OfficialDocumentTemplate;
  values: PlaceholderValues;
  /** The document number (文号), e.g. `杭上市监罚〔2026〕12号`. */
  docNo: string;
  issuer: Issuer;
  /** YYYY-MM-DD; printed in Chinese numerals and used as the PDF's creation date (00:00 China time). */
  issuedAt: string;
  /** The public verification link the QR code encodes. */
  verifyUrl: string;
}

export interface RenderPosterOptions {
  title: string;
  subtitle?: string;
  /** The link the QR code encodes; also printed under it for people who type it in. */
  url: string;
  /** Short lines of instructions printed under the QR code. */
  lines?: readonly string[];
}

/** Built-in templates; the documents module may override any of them by `kind`. */
export const BUILTIN_TEMPLATES: Readonly<Record<string, OfficialDocumentTemplate>> = {
  penalty_decision: {
    kind: 'penalty_decision',
    title: '行政处罚决定书',
    bodyTemplate: [
      '当事人：{{partyName}}',
      '统一社会信用代码：{{creditCode}}',
      '住所：{{address}}',
      '经查，{{facts}}',
      '以上事实有{{evidence}}等证据证明。',
      '当事人的上述行为违反了{{violatedProvision}}的规定。依据{{penaltyBasis}}的规定，本局决定对当事人作出如下行政处罚：{{penalty}}。',
      '当事人应当自收到本决定书之日起十五日内缴纳罚款。到期不缴纳罚款的，本局可以每日按罚款数额的百分之三加处罚款。',
      '当事人如不服本行政处罚决定，可以在收到本决定书之日起六十日内向{{reviewOrgan}}申请行政复议，也可以在六个月内依法向{{court}}提起行政诉讼。',
    ].join('\n'),
    footer: '本文书一式两份，一份送达当事人，一份归档。',
  },
  complaint_acceptance: {
    kind: 'complaint_acceptance',
    title: '投诉受理告知书',
    bodyTemplate: [
      '{{complainant}}：',
      '你于{{receivedDate}}提出的关于{{subject}}的投诉（投诉编号：{{complaintNo}}）已收悉。经审查，符合受理条件，本局决定予以受理，并将依法组织调解。',
      '特此告知。',
    ].join('\n'),
    footer: '本文书一式两份，一份送达投诉人，一份归档。',
  },
};

const PLACEHOLDER = /\{\{\s*([^{}\s]+)\s*\}\}/g;

/** The distinct placeholder names in a template text, in order of first use. */
export function placeholdersOf(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(PLACEHOLDER), (m) => m[1]))];
}

function missingPlaceholders(text: string, values: PlaceholderValues): string[] {
  return placeholdersOf(text).filter((name) => !Object.hasOwn(values, name) || values[name] == null);
}

function missingPlaceholderError(names: string[]): AppError {
  return new AppError('VALIDATION_FAILED', {
    text: {
      'zh-CN': '文书模板缺少以下占位符的值：{names}',
      'zh-TW': '文書範本缺少以下佔位符的值：{names}',
      en: 'The document template needs values for: {names}',
    },
    params: { names: names.join(', ') },
    fields: names.map((name) => ({ path: `values.${name}`, code: 'MISSING_PLACEHOLDER', params: { name } })),
  });
}

/**
 * Fills every `{{name}}` in one pass; values are plain text and are never scanned again. Throws
 * VALIDATION_FAILED naming every placeholder without a value (null and undefined count as missing).
 */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  const missing = missingPlaceholders(text, values);
  if (missing.length) throw missingPlaceholderError(missing);
  return text.replace(PLACEHOLDER, (_, name: string) => String(values[name]));
}

const DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 in Chinese numerals: 十, 十一, 二十, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${units ? DIGITS[units] : ''}`;
}

/** `2026-11-29` → `二〇二六年十一月二十九日`, the date style of official documents. */
export function chineseDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const parsed = m ? new Date(`${date}T00:00:00Z`) : null;
  if (!m || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) {
    throw new AppError('VALIDATION_FAILED', {
      fields: [{ path: 'date', code: 'INVALID_DATE', message: `expected a YYYY-MM-DD date, got ${JSON.stringify(date)}` }],
    });
  }
  const year = Array.from(m[1], (d) => DIGITS[Number(d)]).join('');
  return `${year}年${smallNumber(Number(m[2]))}月${smallNumber(Number(m[3]))}日`;
}

const RED = '#C00000';
const A4_WIDTH = 595.28;
const QR_SIZE = 84;

/** One body line, filled; whether it is an addressee is read from the template, not the values. */
function bodyParagraph(templateLine: string, values: PlaceholderValues): Content {
  const text = fillPlaceholders(templateLine, values);
  return {
    text: templateLine.trimEnd().endsWith('：') ? text : `\u3000\u3000${text}`,
    preserveLeadingSpaces: true,
    margin: [0, 0, 0, 4],
  };
}

/**
 * An official document as a pdfmake definition: the issuing office in red over a red rule, the
 * title, the document number, the body, the signature block (office and date in Chinese numerals)
 * and, bottom right, a QR code of `verifyUrl` captioned 扫码核验真伪. Deterministic: the PDF's
 * creation date is `issuedAt`, so equal options render to equal bytes.
 */
export function renderOfficialDocument(options: RenderOfficialDocumentOptions): TDocumentDefinitions {
  const { template, values, docNo, issuer, issuedAt, verifyUrl } = options;
  const dateText = chineseDate(issuedAt);
  const lines = template.bodyTemplate.split(/\r?\n/).filter((line) => line.trim() !== '');
  const missing = missingPlaceholders(lines.join('\n'), values);
  if (missing.length) throw missingPlaceholderError(missing);
  const body = lines.map((line) => bodyParagraph(line, values));

  const [left, , right] = DEFAULT_PAGE_MARGINS;
  const contentWidth = A4_WIDTH - left - right;
  const signatureLines: Content[] = [
    ...(issuer.name.trim() ? [{ text: `签发人：${issuer.name}`, fontSize: 12 }] : []),
    { text: issuer.office },
    { text: dateText },
  ];

  return {
    pageSize: 'A4',
    pageMargins: DEFAULT_PAGE_MARGINS,
    info: {
      title: `${template.title}（${docNo}）`,
      author: issuer.office,
      subject: template.title,
      creator: 'Xingfeng',
      producer: 'Xingfeng',
      creationDate: new Date(`${issuedAt}T00:00:00+08:00`),
    },
    defaultStyle: { fontSize: 14, lineHeight: 1.6 },
    footer: (currentPage: number, pageCount: number): Content => ({
      text: pageCount > 1 ? `— ${currentPage} —` : '',
      alignment: 'center',
      fontSize: 10,
      margin: [0, mm(12), 0, 0],
    }),
    content: [
      { text: issuer.office, alignment: 'center', fontSize: 24, color: RED, characterSpacing: 2, lineHeight: 1.2 },
      {
        canvas: [{ type: 'line', x1: 0, y1: 0, x2: contentWidth, y2: 0, lineWidth: 1.5, lineColor: RED }],
        margin: [0, 6, 0, 18],
      },
      { text: template.title, alignment: 'center', bold: true, fontSize: 22, characterSpacing: 2, lineHeight: 1.2 },
      { text: docNo, alignment: 'right', fontSize: 12, margin: [0, 8, 0, 16] },
      // The closing paragraph travels with the signature block, so the authority, date and QR code
      // never stand alone on a page after a near-empty one.
      ...body.slice(0, -1),
      {
        unbreakable: true,
        stack: [
          ...body.slice(-1),
          { text: '', margin: [0, 24, 0, 0] },
          {
            columns: [
              { width: '*', text: '' },
              { width: 'auto', stack: signatureLines, alignment: 'center', margin: [0, Math.max(0, QR_SIZE - signatureLines.length * 22), 0, 0] },
              {
                width: QR_SIZE + mm(10),
                margin: [mm(10), 0, 0, 0],
                stack: [
                  { svg: qrSvg(verifyUrl), width: QR_SIZE, height: QR_SIZE },
                  { text: '扫码核验真伪', alignment: 'center', fontSize: 9, lineHeight: 1.2 },
                ],
              },
            ],
          },
          { text: template.footer, fontSize: 10, color: '#555555', lineHeight: 1.3, margin: [0, 10, 0, 0] },
        ],
      },
    ],
  };
}

/**
 * An A4 QR poster (for mediation stations to print and put up): title, subtitle, a big QR code in
 * the middle, the link in small print and a few lines of instructions.
 */
export function renderPoster(options: RenderPosterOptions): TDocumentDefinitions {
  const { title, subtitle, url, lines = [] } = options;
  const qrWidth = mm(120);
  return {
    pageSize: 'A4',
    pageMargins: [mm(20), mm(25), mm(20), mm(20)],
    info: { title, creator: 'Xingfeng', producer: 'Xingfeng' },
    defaultStyle: { fontSize: 16, lineHeight: 1.4 },
    content: [
      { text: title, alignment: 'center', bold: true, fontSize: 34, characterSpacing: 2, lineHeight: 1.2, margin: [0, mm(8), 0, 0] },
      ...(subtitle ? [{ text: subtitle, alignment: 'center' as const, fontSize: 18, color: '#444444', margin: [0, 10, 0, 0] as [number, number, number, number] }] : []),
      { svg: qrSvg(url), width: qrWidth, height: qrWidth, alignment: 'center', margin: [0, mm(14), 0, 6] },
      { text: url, alignment: 'center', fontSize: 10, color: '#666666', margin: [0, 0, 0, mm(10)] },
      ...lines.map((line): Content => ({ text: line, alignment: 'center', margin: [0, 0, 0, 4] })),
    ],
  };
}
