import { createRandom } from '../../../platform/demo/random.js';
import { CREDIT_CODE_CHARSET, makeCreditCode } from './credit-code.js';
import { computeIdNumberCheck } from './id-number.js';
import { industryClassCodes } from './industry.js';
import type { EnterpriseInput } from './enterprise.js';

export const DEMO_DISTRICTS = [
  { code: '330102', name: '上城区', streets: ['湖滨街道', '清波街道', '小营街道', '望江街道', '南星街道', '紫阳街道'] },
  { code: '330105', name: '拱墅区', streets: ['米市巷街道', '湖墅街道', '小河街道', '和睦街道', '大关街道', '上塘街道'] },
  { code: '330106', name: '西湖区', streets: ['北山街道', '西溪街道', '翠苑街道', '古荡街道', '文新街道', '蒋村街道'] },
] as const;

const BRAND = '恒泰华瑞鑫源博达宏远嘉禾锦程润丰晨曦蓝海星辰云帆致远明德启航盛世永安金桥新元联创同心';
const TRADE = [
  ['餐饮管理', '6210'],
  ['食品', '5121'],
  ['超市', '5211'],
  ['科技', '6513'],
  ['信息技术', '6520'],
  ['贸易', '5179'],
  ['建筑工程', '4790'],
  ['酒店管理', '6110'],
  ['旅行社', '7291'],
  ['文化传媒', '8810'],
  ['美容美发', '8040'],
  ['药房', '5251'],
  ['服装', '1811'],
  ['汽车服务', '8111'],
  ['教育咨询', '8391'],
] as const;
const FORMS: { suffix: string; type: EnterpriseInput['type']; cat: string }[] = [
  { suffix: '有限公司', type: 'limited_company', cat: '1' },
  { suffix: '有限公司', type: 'limited_company', cat: '1' },
  { suffix: '有限公司', type: 'limited_company', cat: '1' },
  { suffix: '股份有限公司', type: 'joint_stock_company', cat: '1' },
  { suffix: '店', type: 'individual_business', cat: '2' },
  { suffix: '经营部', type: 'individual_business', cat: '2' },
  { suffix: '专业合作社', type: 'farmer_cooperative', cat: '3' },
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国志红海波宁晨浩然思远雨欣子涵';
const ROADS = ['延安路', '解放路', '庆春路', '中山北路', '文三路', '莫干山路', '湖墅南路', '凤起路', '体育场路', '天目山路', '教工路', '学院路'];

/** A deterministic fictional enterprise population (same seed → same enterprises, codes all valid). */
export function generateEnterprises(seed: number, count: number, today = '2026-11-01'): EnterpriseInput[] {
  const rnd = createRandom(seed);
  const usedCodes = new Set<string>();
  const usedNames = new Set<string>();
  const classes = industryClassCodes();
  const out: EnterpriseInput[] = [];
  const orgChars = CREDIT_CODE_CHARSET;
  const endYear = Number(today.slice(0, 4));
  while (out.length < count) {
    const district = DEMO_DISTRICTS[out.length % DEMO_DISTRICTS.length];
    const form = rnd.pick(FORMS);
    const [trade, tradeIndustry] = rnd.pick(TRADE);
    const brand = rnd.pick([...BRAND]) + rnd.pick([...BRAND]);
    const place = form.type === 'individual_business' ? `${district.name}${brand}` : `杭州${brand}`;
    let name = `${place}${trade}${form.suffix}`;
    if (usedNames.has(name)) name = `${place}${trade}${rnd.pick(DEMO_DISTRICTS).streets[0].slice(0, 2)}${out.length}${form.suffix}`;
    if (usedNames.has(name)) continue;
    let body = '';
    for (let i = 0; i < 8; i++) body += orgChars[rnd.int(0, orgChars.length - 1)];
    const code = makeCreditCode('9', form.cat, district.code, body);
    if (usedCodes.has(code)) continue;
    usedCodes.add(code);
    usedNames.add(name);
    const year = rnd.int(1995, endYear - 1);
    const month = String(rnd.int(1, 12)).padStart(2, '0');
    const day = String(rnd.int(1, 28)).padStart(2, '0');
    const repName = rnd.pick([...SURNAMES]) + rnd.pick([...GIVEN]) + (rnd.chance(0.5) ? rnd.pick([...GIVEN]) : '');
    const birthYear = rnd.int(1955, 2000);
    const id17 = `${district.code}${birthYear}${String(rnd.int(1, 12)).padStart(2, '0')}${String(rnd.int(1, 28)).padStart(2, '0')}${String(rnd.int(1, 999)).padStart(3, '0')}`;
    const industryCode = rnd.chance(0.7) ? tradeIndustry : rnd.pick(classes);
    out.push({
      creditCode: code,
      name,
      type: form.type,
      legalRepName: repName,
      legalRepIdNumber: id17 + computeIdNumberCheck(id17),
      registeredCapitalFen: form.type === 'individual_business' ? rnd.int(1, 50) * 1_000_000 : rnd.int(10, 5000) * 1_000_000,
      address: `浙江省杭州市${district.name}${rnd.pick(district.streets)}${rnd.pick(ROADS)}${rnd.int(1, 999)}号`,
      regionCode: district.code,
      industryCode,
      businessScope: `${trade}；一般项目：技术服务、技术开发、技术咨询（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）`,
      investors: [{ name: repName, kind: 'person', amountFen: rnd.int(10, 500) * 1_000_000 }],
      establishedOn: `${year}-${month}-${day}`,
    });
  }
  return out;
}
