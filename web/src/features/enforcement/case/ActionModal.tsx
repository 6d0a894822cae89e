import type { FormInstance } from 'antd';
import { Form, Modal } from 'antd';
import { L, useT } from '../../../lib/i18n';
import { STEP } from '../labels';
import type { FormAction } from './actions';
import type { Case, RuleSet } from './types';
import { OpenFields } from './modals/OpenFields';
import { ReasonFields } from './modals/ReasonFields';
import { FactsFields } from './modals/FactsFields';
import { EvidenceFields } from './modals/EvidenceFields';
import { ProposalFields } from './modals/ProposalFields';
import { StatementFields } from './modals/StatementFields';
import { HearingFields, HearingRequestFields } from './modals/HearingFields';
import { ReviewFields } from './modals/ReviewFields';
import { CollectiveFields } from './modals/CollectiveFields';
import { PaymentFields } from './modals/PaymentFields';
import { ReasoningFields } from './modals/ReasoningFields';

interface Props {
  action: FormAction | null;
  form: FormInstance;
  c: Case;
  ruleSet: RuleSet | undefined;
  actorId: string | null;
  busy: boolean;
  onSubmit(): void;
  onCancel(): void;
}

/** The one modal of the case page: the form of the chosen step (one fields component per step, in modals/). */
export function ActionModal({ action, form, c, ruleSet, actorId, busy, onSubmit, onCancel }: Props) {
  const t = useT();
  return (
    <Modal open={!!action} title={action ? t(STEP[action] ?? L(action, action, action)) : ''} onOk={onSubmit} onCancel={onCancel} confirmLoading={busy} forceRender>
      <Form form={form} layout="vertical">
        {action === 'open' ? <OpenFields actorId={actorId} /> : null}
        {action === 'dismiss' || action === 'revoke' ? <ReasonFields /> : null}
        {action === 'facts' ? <FactsFields ruleSet={ruleSet} /> : null}
        {action === 'evidence' ? <EvidenceFields /> : null}
        {action === 'proposal' ? <ProposalFields engine={c.engine} /> : null}
        {action === 'statement' ? <StatementFields /> : null}
        {action === 'hearing-request' ? <HearingRequestFields /> : null}
        {action === 'hearing' ? <HearingFields /> : null}
        {action === 'review' ? <ReviewFields /> : null}
        {action === 'collective' ? <CollectiveFields /> : null}
        {action === 'payment' ? <PaymentFields /> : null}
        {action === 'reasoning' ? <ReasoningFields /> : null}
      </Form>
    </Modal>
  );
}
