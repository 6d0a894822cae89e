import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { L, LOCALE_NAMES, LOCALES, useLocale, useT } from '../lib/i18n';

/** Shown with the language choice: legal documents stay in Chinese whatever the interface language. */
export const LEGAL_NOTE = L('法律文书（决定书、调解协议书等）依法以中文出具', '法律文書（決定書、調解協議書等）依法以中文出具', 'Legal documents (decisions, agreements) are issued in Chinese by law');

/** Language menu; the choice persists in localStorage. */
export function LanguageSwitcher({ dark = false }: { dark?: boolean }) {
  const [locale, setLocale] = useLocale();
  const t = useT();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: [
          ...LOCALES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{LOCALE_NAMES[l]}</span> })),
          { type: 'divider' as const },
          { key: 'legal-note', disabled: true, label: <span style={{ fontSize: 12, whiteSpace: 'normal', maxWidth: 220, display: 'inline-block' }} data-testid="legal-language-note">{t(LEGAL_NOTE)}</span> },
        ],
        onClick: ({ key }) => setLocale(key as (typeof LOCALES)[number]),
      }}
    >
      <Button type="text" data-testid="lang-switch" icon={<GlobalOutlined />} style={dark ? { color: 'rgba(255,255,255,0.9)' } : undefined}>
        {LOCALE_NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
