import { Checkbox, Form, Select, Space } from 'antd';
import { L, useT } from '../../../../lib/i18n';
import { AGGRAVATING, HARM, MITIGATING } from '../grounds';
import type { RuleSet } from '../types';

/**
 * The facts the discretion engine reads — every input of CaseFactsSchema (contracts/enforcement.ts):
 * violation type, harm, first violation, correction, no fault, minor age, impaired capacity (art. 31),
 * the art. 32 grounds (other_law included) and aggravating grounds. The party kind comes from the case.
 */
export function FactsFields({ ruleSet }: { ruleSet: RuleSet | undefined }) {
  const t = useT();
  return (
    <>
      <Form.Item name="violationType" label={t(L('违法行为类型', '違法行為類型', 'Violation type'))} rules={[{ required: true }]}>
        <Select
          data-testid="violation-type"
          options={(ruleSet?.violations ?? []).map((v) => ({
            value: v.code,
            label: `${v.name}${v.firstViolationList ? t(L('（首违不罚清单）', '（首違不罰清單）', ' (first-violation list)')) : v.minorList ? t(L('（轻微免罚清单）', '（輕微免罰清單）', ' (minor-violation list)')) : ''}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="harm" label={t(L('危害后果', '危害後果', 'Harm'))}>
        <Select options={Object.entries(HARM).map(([k, v]) => ({ value: k, label: t(v) }))} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="firstViolation" valuePropName="checked"><Checkbox>{t(L('初次违法', '初次違法', 'First violation'))}</Checkbox></Form.Item>
        <Form.Item name="corrected" valuePropName="checked"><Checkbox>{t(L('及时改正', '及時改正', 'Promptly corrected'))}</Checkbox></Form.Item>
        <Form.Item name="noFault" valuePropName="checked"><Checkbox>{t(L('无主观过错', '無主觀過錯', 'No subjective fault'))}</Checkbox></Form.Item>
        <Form.Item name="minorAge" valuePropName="checked"><Checkbox>{t(L('未成年人', '未成年人', 'Minor (14–18)'))}</Checkbox></Form.Item>
        <Form.Item name="impairedCapacity" valuePropName="checked">
          <Checkbox data-testid="impaired-capacity">{t(L('尚未完全丧失辨认或者控制能力（第三十一条）', '尚未完全喪失辨認或者控制能力（第三十一條）', 'Partially impaired capacity (art. 31)'))}</Checkbox>
        </Form.Item>
      </Space>
      <Form.Item name="mitigating" label={t(L('从轻减轻情节（第三十二条）', '從輕減輕情節（第三十二條）', 'Mitigating grounds (art. 32)'))}>
        <Select mode="multiple" data-testid="mitigating" options={Object.entries(MITIGATING).map(([k, v]) => ({ value: k, label: t(v) }))} />
      </Form.Item>
      <Form.Item name="aggravating" label={t(L('从重情节', '從重情節', 'Aggravating grounds'))}>
        <Select mode="multiple" options={Object.entries(AGGRAVATING).map(([k, v]) => ({ value: k, label: t(v) }))} />
      </Form.Item>
    </>
  );
}
