import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { decodeText } from './decode-text.js';

const TEXT = '统一社会信用代码,企业名称\n91330106K0000001,杭州臺灣銀行服務有限公司\n';

test('UTF-8 with and without a BOM', () => {
  assert.deepEqual(decodeText(Buffer.from(TEXT, 'utf8')), { text: TEXT, encoding: 'UTF-8' });
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])), { text: TEXT, encoding: 'UTF-8 (BOM)' });
});

test('GBK and GB18030 (what Excel on a Chinese Windows saves) are read as GB18030, not as mojibake', () => {
  const simplified = '统一社会信用代码,企业名称\n91330106K0000001,杭州湖滨美食餐饮有限公司\n';
  assert.deepEqual(decodeText(iconv.encode(simplified, 'gbk')), { text: simplified, encoding: 'GB18030' });
  assert.deepEqual(decodeText(iconv.encode(TEXT, 'gb18030')), { text: TEXT, encoding: 'GB18030' });
});

test('UTF-16 with a BOM; plain ASCII is UTF-8', () => {
  assert.deepEqual(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(TEXT, 'utf-16le')])), { text: TEXT, encoding: 'UTF-16LE' });
  assert.deepEqual(decodeText(Buffer.from('a,b\n1,2')), { text: 'a,b\n1,2', encoding: 'UTF-8' });
});
