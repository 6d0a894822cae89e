import { Button, Dropdown } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { LOCALE_NAMES, LOCALES, useLocale } from '../lib/i18n';

/** Language menu; the choice persists in localStorage. */
export function LanguageSwitcher({ dark = false }: { dark?: boolean }) {
  const [locale, setLocale] = useLocale();
  return (
    <Dropdown
      trigger={['click']}
      menu={{
        selectable: true,
        selectedKeys: [locale],
        items: LOCALES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{LOCALE_NAMES[l]}</span> })),
        onClick: ({ key }) => setLocale(key as (typeof LOCALES)[number]),
      }}
    >
      <Button type="text" data-testid="lang-switch" icon={<GlobalOutlined />} style={dark ? { color: 'rgba(255,255,255,0.9)' } : undefined}>
        {LOCALE_NAMES[locale]}
      </Button>
    </Dropdown>
  );
}
