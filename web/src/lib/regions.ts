import { L, translate, useT, type Localized } from './i18n';

/**
 * Region names for the codes people see (GB/T 2260; the demo jurisdiction's codes, kept in step with
 * server/src/modules/registry/domain/regions.ts). Jurisdiction prefixes ('33', '3301') name their
 * province or city. An unknown code is shown as it is.
 */
export const REGION_NAMES: Record<string, Localized> = {
  '330000': L('浙江省', '浙江省', 'Zhejiang Province'),
  '330100': L('杭州市', '杭州市', 'Hangzhou'),
  '330102': L('上城区', '上城區', 'Shangcheng District'),
  '330105': L('拱墅区', '拱墅區', 'Gongshu District'),
  '330106': L('西湖区', '西湖區', 'Xihu District'),
  '330108': L('滨江区', '濱江區', 'Binjiang District'),
  '330109': L('萧山区', '蕭山區', 'Xiaoshan District'),
  '330110': L('余杭区', '餘杭區', 'Yuhang District'),
};

/** The localized name of a region code or jurisdiction prefix, or null when unknown. */
export function regionLabel(code: string | null | undefined): Localized | null {
  if (!code) return null;
  const full = code.length === 2 ? `${code}0000` : code.length === 4 ? `${code}00` : code;
  return REGION_NAMES[full] ?? null;
}

/** '上城区' for '330102' in the current language; the code itself when unknown; '—' for none. */
export function regionName(code: string | null | undefined, locale?: Parameters<typeof translate>[2]): string {
  if (!code) return '—';
  const hit = regionLabel(code);
  return hit ? translate(hit, undefined, locale) : code;
}

/** A hook form of regionName that re-renders on a language change. */
export function useRegionName(): (code: string | null | undefined) => string {
  const t = useT();
  return (code) => {
    if (!code) return '—';
    const hit = regionLabel(code);
    return hit ? t(hit) : code;
  };
}
