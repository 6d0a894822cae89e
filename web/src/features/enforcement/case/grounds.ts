/** Labels of the discretion inputs (the facts form): every ground of CaseFactsSchema in contracts/enforcement.ts. */
import { L, type Localized } from '../../../lib/i18n';

/** Art. 32 of the Administrative Penalty Law (from-lighter / mitigated grounds). */
export const MITIGATING: Record<string, Localized> = {
  eliminated_harm: L('主动消除或者减轻危害后果', '主動消除或者減輕危害後果', 'Eliminated or reduced the harm'),
  coerced: L('受他人胁迫或者诱骗', '受他人脅迫或者誘騙', 'Coerced or deceived'),
  confessed: L('主动供述未掌握的违法行为', '主動供述未掌握的違法行為', 'Confessed unknown violations'),
  meritorious: L('配合查处有立功表现', '配合查處有立功表現', 'Meritorious cooperation'),
  other_law: L('法律、法规、规章规定的其他情形', '法律、法規、規章規定的其他情形', 'Other grounds set by law, regulation or rule'),
};
export const AGGRAVATING: Record<string, Localized> = {
  repeat: L('再次违法', '再次違法', 'Repeat violation'),
  refused_correction: L('拒不改正', '拒不改正', 'Refused to correct'),
  obstruction: L('妨碍调查', '妨礙調查', 'Obstructed the investigation'),
  vulnerable_victims: L('侵害特殊群体', '侵害特殊群體', 'Harmed vulnerable people'),
};
export const HARM: Record<string, Localized> = {
  none: L('无危害后果', '無危害後果', 'No harm'),
  minor: L('危害后果轻微', '危害後果輕微', 'Minor harm'),
  significant: L('有危害后果', '有危害後果', 'Harm'),
  serious: L('危害后果严重', '危害後果嚴重', 'Serious harm'),
};
