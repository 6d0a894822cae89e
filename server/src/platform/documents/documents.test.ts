import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { AppError } from '../errors/app-error.js';
import { renderPdf } from './pdf.js';
import { qrPngBuffer, qrPngDataUrl, qrSvg } from './qr.js';
import {
  BUILTIN_TEMPLATES,
  chineseDate,
  fillPlaceholders,
  placeholdersOf,
  renderOfficialDocument,
  renderPoster,
  type RenderOfficialDocumentOptions,
} from './templates.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The PDF's text with all white space removed (pdftotext breaks lines where the layout does). */
function pdfText(pdf: Buffer): string {
  const res = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf, encoding: 'utf8' });
  if ((res.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT') {
    assert.fail('pdftotext is not installed: these tests need poppler-utils (apt-get install -y poppler-utils)');
  }
  if (res.error) throw res.error;
  assert.equal(res.status, 0, `pdftotext failed: ${res.stderr}`);
  return res.stdout.replace(/\s+/g, '');
}

function penaltyDecision(overrides: Partial<RenderOfficialDocumentOptions> = {}): RenderOfficialDocumentOptions {
  return {
    template: BUILTIN_TEMPLATES.penalty_decision,
    values: {
      partyName: '杭州示例餐饮管理有限公司',
      creditCode: '91330102MA2XXXXX1Q',
      address: '浙江省杭州市上城区解放路100号',
      facts: '当事人销售超过保质期的预包装食品共计36盒，货值金额288元。',
      evidence: '现场检查笔录、询问笔录',
      violatedProvision: '《中华人民共和国食品安全法》第三十四条',
      penaltyBasis: '《中华人民共和国食品安全法》第一百二十四条',
      penalty: '罚款人民币50000元',
      reviewOrgan: '杭州市上城区人民政府',
      court: '杭州铁路运输法院',
    },
    docNo: '杭上市监罚〔2026〕12号',
    issuer: { name: '王明', office: '杭州市上城区市场监督管理局' },
    issuedAt: '2026-11-29',
    verifyUrl: 'https://xf.example.gov.cn/v/PD-2026-000012',
    ...overrides,
  };
}

test('chineseDate writes dates the way official documents do', () => {
  assert.equal(chineseDate('2026-11-29'), '二〇二六年十一月二十九日');
  assert.equal(chineseDate('2020-01-01'), '二〇二〇年一月一日');
  assert.equal(chineseDate('2030-10-10'), '二〇三〇年十月十日');
  assert.equal(chineseDate('2026-12-31'), '二〇二六年十二月三十一日');
  assert.equal(chineseDate('2028-02-20'), '二〇二八年二月二十日');
  for (const bad of ['2026-02-30', '2026-13-01', '2026-1-5', '二〇二六年']) {
    assert.throws(() => chineseDate(bad), (err: unknown) => err instanceof AppError && err.code === 'VALIDATION_FAILED', bad);
  }
});

test('placeholders are filled in one pass and values are never interpreted', () => {
  assert.deepEqual(placeholdersOf('{{a}}与{{ b }}及{{a}}'), ['a', 'b']);
  assert.equal(fillPlaceholders('当事人：{{name}}，金额{{amount}}元', { name: '{{amount}}<b>', amount: 500 }), '当事人：{{amount}}<b>，金额500元');
  // A name that exists on Object.prototype is still missing.
  assert.throws(() => fillPlaceholders('{{constructor}}', {}), AppError);
});

test('a missing placeholder is a VALIDATION_FAILED error naming every missing one', () => {
  const options = penaltyDecision();
  const { court: _court, evidence: _evidence, ...values } = options.values;
  assert.throws(
    () => renderOfficialDocument({ ...options, values: { ...values, penalty: null } }),
    (err: unknown) => {
      assert.ok(err instanceof AppError);
      assert.equal(err.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        err.fields.map((f) => f.path),
        ['values.evidence', 'values.penalty', 'values.court'],
      );
      assert.match(err.messageIn('zh-CN'), /evidence, penalty, court/);
      return true;
    },
  );
});

test('an official document renders to a PDF whose text carries the Chinese title, number and values', async () => {
  const pdf = await renderPdf(renderOfficialDocument(penaltyDecision()));
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  const text = pdfText(pdf);
  assert.ok(text.includes('行政处罚决定书'), text);
  assert.ok(text.includes('杭上市监罚〔2026〕12号'), text);
  assert.ok(text.includes('当事人：杭州示例餐饮管理有限公司'), text);
  assert.ok(text.includes('杭州铁路运输法院'), text);
  assert.ok(text.includes('杭州市上城区市场监督管理局'), text);
  assert.ok(text.includes('二〇二六年十一月二十九日'), text);
  assert.ok(text.includes('扫码核验真伪'), text);
  assert.ok(!text.includes('{{'), text);
});

test('equal options render to equal bytes (the creation date is the issue date)', async () => {
  const a = await renderPdf(renderOfficialDocument(penaltyDecision()));
  const b = await renderPdf(renderOfficialDocument(penaltyDecision()));
  assert.ok(a.equals(b));
  const c = await renderPdf(renderOfficialDocument(penaltyDecision({ issuedAt: '2026-11-30' })));
  assert.ok(!a.equals(c));
});

test('an addressee line is kept and the short notice fits one page', async () => {
  const pdf = await renderPdf(
    renderOfficialDocument({
      template: BUILTIN_TEMPLATES.complaint_acceptance,
      values: { complainant: '李华', receivedDate: '2026年11月20日', subject: '预付卡退款', complaintNo: 'TS-2026-000318' },
      docNo: '杭上市监投受〔2026〕318号',
      issuer: { name: '', office: '杭州市上城区市场监督管理局' },
      issuedAt: '2026-11-29',
      verifyUrl: 'https://xf.example.gov.cn/v/TS-2026-000318',
    }),
  );
  const text = pdfText(pdf);
  assert.ok(text.includes('李华：你于2026年11月20日提出的关于预付卡退款的投诉'), text);
  assert.ok(!text.includes('签发人'), text);
  assert.equal(pdf.toString('latin1').match(/\/Type \/Page\b/g)?.length, 1);
});

test('a poster renders its title and lines around the QR code', async () => {
  const pdf = await renderPdf(
    renderPoster({
      title: '消费纠纷在线调解',
      subtitle: '湖滨街道消费维权调解站',
      url: 'https://xf.example.gov.cn/m/HB-001',
      lines: ['微信扫一扫，填写投诉信息'],
    }),
    { creationDate: new Date('2026-11-29T00:00:00+08:00') },
  );
  assert.equal(pdf.subarray(0, 4).toString('latin1'), '%PDF');
  const text = pdfText(pdf);
  for (const expected of ['消费纠纷在线调解', '湖滨街道消费维权调解站', 'https://xf.example.gov.cn/m/HB-001', '微信扫一扫，填写投诉信息']) {
    assert.ok(text.includes(expected), `${expected} in ${text}`);
  }
});

test('QR codes come out as PNG data URLs, PNG bytes and SVG', async () => {
  const url = await qrPngDataUrl('https://xf.example.gov.cn/v/abc', 200);
  assert.match(url, /^data:image\/png;base64,/);
  const png = Buffer.from(url.slice(url.indexOf(',') + 1), 'base64');
  assert.ok(png.subarray(0, 8).equals(PNG_SIGNATURE));
  assert.equal(png.readUInt32BE(16), 200); // IHDR width
  const buffer = await qrPngBuffer('https://xf.example.gov.cn/v/abc');
  assert.ok(buffer.subarray(0, 8).equals(PNG_SIGNATURE));
  assert.match(qrSvg('https://xf.example.gov.cn/v/abc'), /^<svg [^>]*viewBox="0 0 (\d+) \1".*<path d="M\d/);
});
