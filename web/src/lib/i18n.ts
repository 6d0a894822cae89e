/**
 * A tiny dictionary-based i18n: zh-CN (default), zh-TW and en.
 *
 * - The chosen locale is a module-level store persisted in localStorage ('xf_locale'),
 *   read by api.ts (Accept-Language) and by React through useLocale()/useT().
 * - Features give their own strings as Localized objects: t({ 'zh-CN': '企业', 'zh-TW': '企業', en: 'Enterprise' }).
 * - Shared app strings live in DICT below and are looked up by key: t('common.search').
 * - `{name}` placeholders are filled from params: t({ en: 'Hello {who}', ... }, { who: 'Li' }).
 */
import { useCallback, useSyncExternalStore } from 'react';
import { DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '../../../contracts/locales';

/** The locale list is declared once, in contracts/locales.ts (shared with the server). */
export { LOCALES, type Locale };
/** A string in the three languages of the app. */
export type Localized = Record<Locale, string>;

export const LOCALE_NAMES: Localized = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };
const STORAGE_KEY = 'xf_locale';

function initialLocale(): Locale {
  try {
    const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (isLocale(saved)) return saved;
  } catch {
    /* storage unavailable */
  }
  return DEFAULT_LOCALE;
}

let current: Locale = initialLocale();
const listeners = new Set<() => void>();

export function getLocale(): Locale {
  return current;
}

export function setLocale(locale: Locale): void {
  if (locale === current) return;
  current = locale;
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    /* ignore */
  }
  if (typeof document !== 'undefined') document.documentElement.lang = locale;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** The current locale and a setter; re-renders on change. */
export function useLocale(): [Locale, (l: Locale) => void] {
  const locale = useSyncExternalStore(subscribe, getLocale, getLocale);
  return [locale, setLocale];
}

export type Params = Record<string, string | number | null | undefined>;
export type TFunction = (text: Localized | string, params?: Params) => string;

/** Translate outside React (uses the current locale). */
export function translate(text: Localized | string, params?: Params, locale: Locale = current): string {
  const raw = typeof text === 'string' ? (DICT[text]?.[locale] ?? text) : (text[locale] ?? text['zh-CN']);
  if (!params) return raw;
  return raw.replace(/\{(\w+)\}/g, (m, k: string) => (params[k] === undefined || params[k] === null ? m : String(params[k])));
}

/** The translate function for the current locale (re-renders on change). */
export function useT(): TFunction {
  const [locale] = useLocale();
  return useCallback((text: Localized | string, params?: Params) => translate(text, params, locale), [locale]);
}

/** Helper to declare a Localized literal with type checking: L('企业', '企業', 'Enterprise'). */
export function L(zhCN: string, zhTW: string, en: string): Localized {
  return { 'zh-CN': zhCN, 'zh-TW': zhTW, en };
}

export function formatDateTime(iso: string | null | undefined, locale: Locale = current): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return d.toLocaleString(locale === 'en' ? 'en-GB' : locale, { timeZone: 'Asia/Shanghai', hour12: false });
}

/** Shared strings of the app shell (features should prefer their own Localized literals). */
export const DICT: Record<string, Localized> = {
  'app.name': L('行风 · 市场监管一体化平台', '行風 · 市場監管一體化平台', 'Xingfeng · Market Regulation Platform'),
  'app.short': L('行风', '行風', 'Xingfeng'),
  'app.bureau': L('杭州市市场监督管理局', '杭州市市場監督管理局', 'Hangzhou Administration for Market Regulation'),
  'area.public': L('公众服务', '公眾服務', 'Public services'),
  'area.staff': L('工作台', '工作台', 'Workspace'),
  'area.business': L('企业服务', '企業服務', 'Business portal'),
  'area.admin': L('系统管理', '系統管理', 'Administration'),
  'nav.home': L('首页', '首頁', 'Home'),
  'common.search': L('搜索', '搜尋', 'Search'),
  'common.reset': L('重置', '重設', 'Reset'),
  'common.loadMore': L('加载更多', '載入更多', 'Load more'),
  'common.noMore': L('没有更多了', '沒有更多了', 'No more'),
  'common.submit': L('提交', '提交', 'Submit'),
  'common.save': L('保存', '儲存', 'Save'),
  'common.cancel': L('取消', '取消', 'Cancel'),
  'common.back': L('返回', '返回', 'Back'),
  'common.view': L('查看', '檢視', 'View'),
  'common.all': L('全部', '全部', 'All'),
  'common.actions': L('操作', '操作', 'Actions'),
  'common.loading': L('加载中…', '載入中…', 'Loading…'),
  'common.error': L('出错了', '發生錯誤', 'Something went wrong'),
  'common.retry': L('重试', '重試', 'Retry'),
  'common.yes': L('是', '是', 'Yes'),
  'common.no': L('否', '否', 'No'),
  'common.none': L('无', '無', 'None'),
  'auth.login': L('登录', '登入', 'Log in'),
  'auth.logout': L('退出登录', '登出', 'Log out'),
  'auth.username': L('用户名', '使用者名稱', 'Username'),
  'auth.password': L('密码', '密碼', 'Password'),
  'auth.required': L('请先登录', '請先登入', 'Please log in first'),
  'auth.forbidden': L('您没有访问此页面的权限', '您沒有存取此頁面的權限', 'You do not have access to this page'),
  'page.notFound': L('页面不存在', '頁面不存在', 'Page not found'),
  'lang.switch': L('语言', '語言', 'Language'),
};
