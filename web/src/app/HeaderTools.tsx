import { useEffect } from 'react';
import { Button, Dropdown, Grid, Space, Switch, Tooltip } from 'antd';
import { EllipsisOutlined, FontSizeOutlined } from '@ant-design/icons';
import { api } from '../lib/api';
import { L, LOCALE_NAMES, LOCALES, useLocale, useT } from '../lib/i18n';
import { useElderMode } from '../lib/elder';
import { LanguageSwitcher } from './LanguageSwitcher';
import { NotificationBell } from './NotificationBell';
import { UserMenu } from './UserMenu';
import { useAuth } from './auth';

const ELDER = L('长辈模式', '長輩模式', 'Large text mode');

/** The 长辈模式 switch: larger type, higher contrast, bigger buttons; remembered on this device. */
export function ElderToggle({ dark = false }: { dark?: boolean }) {
  const t = useT();
  const [elder, setElder] = useElderMode();
  return (
    <Tooltip title={t(L('更大的字、更高的对比度', '更大的字、更高的對比度', 'Larger text, higher contrast'))}>
      <Button
        type="text"
        aria-pressed={elder}
        icon={<FontSizeOutlined />}
        onClick={() => setElder(!elder)}
        style={dark ? { color: '#fff', fontWeight: elder ? 700 : 400 } : undefined}
        data-testid="elder-toggle"
      >
        {t(ELDER)}
      </Button>
    </Tooltip>
  );
}

/** Records the UI language as the account's preferred language (its notifications and SMS use it). */
function useRememberLocale() {
  const { actor } = useAuth();
  const [locale] = useLocale();
  useEffect(() => {
    if (actor && actor.kind !== 'system') void api.put('/api/auth/locale', { body: { locale } }).catch(() => undefined);
  }, [actor, locale]);
}

/**
 * The right side of every header: bell, elder mode, language, user. On a narrow screen (< 576 px)
 * the language and elder mode fold into a "more" menu so the header never clips.
 */
export function HeaderTools({ dark = false, bell = true }: { dark?: boolean; bell?: boolean }) {
  const t = useT();
  const screens = Grid.useBreakpoint();
  const [locale, setLocale] = useLocale();
  const [elder, setElder] = useElderMode();
  useRememberLocale();
  const narrow = Object.keys(screens).length > 0 && !screens.sm;
  if (narrow) {
    return (
      <Space size={0} wrap>
        {bell ? <NotificationBell dark={dark} /> : null}
        <Dropdown
          trigger={['click']}
          menu={{
            items: [
              { key: 'elder', label: <span data-testid="elder-toggle">{t(ELDER)} <Switch size="small" checked={elder} /></span>, onClick: () => setElder(!elder) },
              { type: 'divider' },
              ...LOCALES.map((l) => ({ key: l, label: <span data-testid={`lang-${l}`}>{LOCALE_NAMES[l]}{l === locale ? ' ✓' : ''}</span>, onClick: () => setLocale(l) })),
            ],
          }}
        >
          <Button type="text" aria-label={t(L('更多', '更多', 'More'))} icon={<EllipsisOutlined />} style={dark ? { color: '#fff' } : undefined} data-testid="header-more" />
        </Dropdown>
        <UserMenu dark={dark} compact />
      </Space>
    );
  }
  return (
    <Space size={0} wrap style={{ justifyContent: 'flex-end' }}>
      {bell ? <NotificationBell dark={dark} /> : null}
      <ElderToggle dark={dark} />
      <LanguageSwitcher dark={dark} />
      <UserMenu dark={dark} />
    </Space>
  );
}
