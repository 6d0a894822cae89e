import { randomBytes } from 'node:crypto';
import type { Platform } from '../../platform/module.js';
import type { TypedDbOrTx } from '../../platform/db/database.js';
import { documentByVerifyCode, documentsOf, getDocument, nextDocumentNumber, recordDocument, revokeDocuments, type IssuedDocument } from '../../platform/documents/register.js';
import { AppError } from '../../platform/errors/app-error.js';
import { renderPdf } from '../../platform/documents/pdf.js';
import { BUILTIN_TEMPLATES, placeholdersOf, renderOfficialDocument, type OfficialDocumentTemplate, type PlaceholderValues } from '../../platform/documents/templates.js';
import { getRegion } from '../registry/index.js';
import { fieldError } from './domain/messages.js';
import { enforcementRepository as repo, type TemplateRow } from './enforcement.repository.js';

/**
 * The "three documents and one letter" (三书一函) and the other enforcement documents: editable
 * templates stored in enforcement.template (seeded from these defaults on first use), numbered per
 * office, kind and year without gaps by the platform's document register, rendered to PDF with a QR code
 * that opens the public verification page.
 */

const REMEDIES = '当事人如不服本决定，可以在收到本决定书之日起六十日内向{{reviewOrgan}}申请行政复议，也可以在六个月内依法向{{court}}提起行政诉讼。';

/** 说理式执法 (issue 11): the reasoning paragraph of a decision, after the facts and evidence. */
const REASONING_LINE = '本局认为：{{reasoning}}';

/** The platform's decision template with the reasoning paragraph before the provisions. */
function withReasoning(t: OfficialDocumentTemplate, after: string): OfficialDocumentTemplate {
  const lines = t.bodyTemplate.split('\n');
  const at = lines.findIndex((l) => l.startsWith(after));
  return { ...t, bodyTemplate: [...lines.slice(0, at + 1), REASONING_LINE, ...lines.slice(at + 1)].join('\n') };
}

export const DEFAULT_TEMPLATES: Record<string, OfficialDocumentTemplate> = {
  penalty_decision: withReasoning(BUILTIN_TEMPLATES.penalty_decision, '以上事实有'),
  no_penalty_decision: {
    kind: 'no_penalty_decision',
    title: '不予行政处罚决定书',
    bodyTemplate: [
      '当事人：{{partyName}}',
      '统一社会信用代码：{{creditCode}}',
      '经查，{{facts}}',
      REASONING_LINE,
      '当事人的上述行为违反了{{violatedProvision}}的规定。鉴于{{lenientReason}}，依据{{lenientBasis}}的规定，本局决定不予行政处罚。',
      '本局已对当事人进行教育，当事人应当引以为戒，依法经营。',
      REMEDIES,
    ].join('\n'),
    footer: '本文书一式两份，一份送达当事人，一份归档。',
  },
  on_the_spot_decision: {
    kind: 'on_the_spot_decision',
    title: '当场行政处罚决定书',
    bodyTemplate: [
      '当事人：{{partyName}}',
      '违法事实：{{facts}}',
      '依据《中华人民共和国行政处罚法》第五十一条的规定，当场作出如下行政处罚：{{penalty}}。',
      '执法人员：{{officers}}',
      REMEDIES,
    ].join('\n'),
    footer: '本决定书当场交付当事人，并报所属行政机关备案。',
  },
  penalty_notice: {
    kind: 'penalty_notice',
    title: '行政处罚告知书',
    bodyTemplate: [
      '{{partyName}}：',
      '经查，{{facts}}',
      '你（单位）的上述行为违反了{{violatedProvision}}的规定。依据{{penaltyBasis}}的规定，本局拟作出如下行政处罚：{{penalty}}。',
      '依据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，你（单位）有权进行陈述和申辩。{{hearingRight}}',
    ].join('\n'),
    footer: '本文书一式两份，一份送达当事人，一份归档。',
  },
  hearing_notice: {
    kind: 'hearing_notice',
    title: '行政处罚听证通知书',
    bodyTemplate: [
      '{{partyName}}：',
      '根据你（单位）的申请，本局定于{{hearingOn}}就{{caseNo}}号案件举行听证。听证由非本案调查人员主持。你（单位）可以委托一至二人代理参加听证，无正当理由不出席的，视为放弃听证权利。',
    ].join('\n'),
    footer: '本文书一式两份，一份送达当事人，一份归档。',
  },
  credit_repair_notice: {
    kind: 'credit_repair_notice',
    title: '信用修复告知书',
    bodyTemplate: [
      '{{partyName}}：',
      '本局对你（单位）作出的行政处罚决定（{{decisionNo}}）将依照《市场监督管理行政处罚信息公示规定》在国家企业信用信息公示系统公示，公示期为{{period}}。',
      '公示满最短期限并符合条件的，你（单位）可以依照《市场监督管理信用修复管理办法》申请信用修复，提前停止公示。',
    ].join('\n'),
    footer: '与行政处罚决定书同时送达。',
  },
  compliance_guidance_letter: {
    kind: 'compliance_guidance_letter',
    title: '合规指导书',
    bodyTemplate: [
      '{{partyName}}：',
      '针对本局查处的{{violation}}问题，为帮助你（单位）依法合规经营，现提出如下指导意见：{{guidance}}',
      '如需帮助，请联系执法人员{{officer}}。',
    ].join('\n'),
    footer: '与行政处罚决定书同时送达。',
  },
  follow_up_letter: {
    kind: 'follow_up_letter',
    title: '回访函',
    bodyTemplate: ['{{partyName}}：', '本局将于{{visitOn}}前对{{caseNo}}号案件的整改情况进行回访，了解你（单位）的经营情况和对执法工作的意见建议。'].join('\n'),
    footer: '本函一式两份，一份送达当事人，一份归档。',
  },
  interview_notice: {
    kind: 'interview_notice',
    title: '行政约谈通知书',
    bodyTemplate: [
      '{{partyName}}：',
      '鉴于{{reason}}，依据有关规定，本局定于{{scheduledOn}}对你（单位）进行行政约谈。请你（单位）法定代表人或主要负责人准时参加，并就有关问题作出说明、提出整改措施。',
    ].join('\n'),
    footer: '本文书一式两份，一份送达当事人，一份归档。',
  },
  // Early warnings (issue 11): the 风险提示函 issued from computed signals, acknowledged by the business.
  risk_warning_letter: {
    kind: 'risk_warning_letter',
    title: '风险提示函',
    bodyTemplate: [
      '{{partyName}}（统一社会信用代码：{{creditCode}}）：',
      '本局在日常监管中发现你（单位）存在以下风险：{{signals}}',
      '{{content}}',
      '请你（单位）于{{acknowledgeBy}}前登录企业服务平台签收本函。本函为提醒告诫，不属于行政处罚。',
    ].join('\n'),
    footer: '本函一式两份，一份送达当事人，一份归档。',
  },
};

export const DOCUMENT_ABBR: Record<string, string> = {
  risk_warning_letter: '提示',
  penalty_decision: '罚',
  no_penalty_decision: '不罚',
  on_the_spot_decision: '当罚',
  penalty_notice: '罚告',
  hearing_notice: '听通',
  credit_repair_notice: '信修',
  compliance_guidance_letter: '合规',
  follow_up_letter: '回访',
  interview_notice: '约谈',
};

/** The issuing office of a region and the short name used in document numbers. */
export function officeOf(regionCode: string): { office: string; short: string; reviewOrgan: string } {
  const r = getRegion(regionCode);
  if (!r) return { office: `${regionCode}市场监督管理局`, short: regionCode, reviewOrgan: '本级人民政府' };
  const parent = r.level === 'district' ? getRegion(r.parent) : undefined;
  const full = `${parent?.name ?? ''}${r.name}`;
  return { office: `${full}市场监督管理局`, short: r.name.replace(/(省|市|区|县)$/, ''), reviewOrgan: `${full}人民政府` };
}

export function templateOf(row: TemplateRow): OfficialDocumentTemplate {
  return { kind: row.kind, title: row.title, bodyTemplate: row.body_template, footer: row.footer };
}

export function createDocumentIssuer(p: Platform) {
  let seeded = false;
  async function ensure(db: TypedDbOrTx) {
    if (seeded) return;
    await repo.ensureTemplates(db, Object.values(DEFAULT_TEMPLATES));
    seeded = true;
  }

  return {
    ensure,
    verifyUrl(code: string) {
      return `${p.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/verify/${code}`;
    },

    /** The enforcement documents are recorded in the platform's register: these read and revoke them. */
    get: getDocument,
    byVerifyCode: documentByVerifyCode,
    documentsOf,
    /** Revokes the unrevoked documents of these kinds of one subject, now. */
    async revoke(tx: TypedDbOrTx, subject: { subjectType: string; subjectId: string; kinds: readonly string[] }) {
      await revokeDocuments(tx, subject, p.clock.now());
    },

    /** Checks an edited template: the placeholders it uses must be ones the default knows. */
    checkTemplate(kind: string, bodyTemplate: string) {
      const known = new Set(placeholdersOf(DEFAULT_TEMPLATES[kind]?.bodyTemplate ?? ''));
      const unknown = placeholdersOf(bodyTemplate).filter((n) => !known.has(n));
      if (unknown.length) {
        throw new AppError('VALIDATION_FAILED', {
          fields: [fieldError('bodyTemplate', 'UNKNOWN_PLACEHOLDER', { names: unknown.join(', ') })],
        });
      }
    },

    /**
     * Renders a copy of an issued document with other values (the redacted copy published under
     * Order 45): same template, number, office, date and verification code; not numbered or recorded.
     */
    async renderCopy(
      tx: TypedDbOrTx,
      input: { kind: string; regionCode: string; values: PlaceholderValues; signer: string; issuedOn: string; docNo: string; verifyCode: string },
    ): Promise<Buffer> {
      await ensure(tx);
      const row = await repo.getTemplate(tx, input.kind);
      if (!row) throw new AppError('NOT_FOUND');
      const { office } = officeOf(input.regionCode);
      return renderPdf(
        renderOfficialDocument({
          template: templateOf(row),
          values: input.values,
          docNo: input.docNo,
          issuer: { name: input.signer, office },
          issuedAt: input.issuedOn,
          verifyUrl: this.verifyUrl(input.verifyCode),
        }),
      );
    },

    /**
     * Renders and stores one document inside the caller's transaction: the number comes from the
     * counter row (locked until commit, so numbers have no gaps), the PDF is saved as a file and the
     * document is recorded in the platform's register (platform/documents/register.ts) against its subject.
     */
    async issue(
      tx: TypedDbOrTx,
      input: { kind: string; subjectType: string; subjectId: string; regionCode: string; values: PlaceholderValues; signer: string; issuedOn: string; actorId: string | null },
    ): Promise<IssuedDocument> {
      await ensure(tx);
      const row = await repo.getTemplate(tx, input.kind);
      if (!row) throw new AppError('NOT_FOUND');
      const { office, short } = officeOf(input.regionCode);
      const year = Number(input.issuedOn.slice(0, 4));
      const number = await nextDocumentNumber(tx, office, input.kind, year);
      const docNo = `${short}市监${DOCUMENT_ABBR[input.kind] ?? '文'}〔${year}〕${number}号`;
      const verifyCode = randomBytes(12).toString('base64url');
      const pdf = await renderPdf(
        renderOfficialDocument({
          template: templateOf(row),
          values: input.values,
          docNo,
          issuer: { name: input.signer, office },
          issuedAt: input.issuedOn,
          verifyUrl: this.verifyUrl(verifyCode),
        }),
      );
      const file = await p.files.saveTrusted(tx, { data: pdf, originalName: `${docNo}.pdf`, mime: 'application/pdf', ownerAccountId: input.actorId });
      return recordDocument(tx, {
        kind: input.kind,
        office,
        year,
        number,
        doc_no: docNo,
        title: row.title,
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        file_id: file.id,
        sha256: file.sha256,
        verify_code: verifyCode,
        issued_by: input.actorId,
        issued_at: p.clock.now(),
      });
    },
  };
}

export type DocumentIssuer = ReturnType<typeof createDocumentIssuer>;
