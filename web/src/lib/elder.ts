import { useSyncExternalStore } from 'react';

/**
 * 长辈模式 (elder-friendly mode): larger type, higher contrast, bigger touch targets and simpler
 * screens. A per-device preference kept in localStorage ('xf_elder'), toggled in the header.
 */
const KEY = 'xf_elder';
let on = read();
const listeners = new Set<() => void>();

function read(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function isElderMode(): boolean {
  return on;
}

export function setElderMode(value: boolean): void {
  if (value === on) return;
  on = value;
  try {
    globalThis.localStorage?.setItem(KEY, value ? '1' : '0');
  } catch {
    /* storage unavailable */
  }
  if (typeof document !== 'undefined') document.documentElement.dataset.elder = value ? 'on' : 'off';
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useElderMode(): [boolean, (v: boolean) => void] {
  return [useSyncExternalStore(subscribe, isElderMode, isElderMode), setElderMode];
}

/**
 * The antd theme tokens. The defaults fail WCAG AA on white (tertiary text 3.4:1, placeholders
 * 1.8:1): these greys reach at least 4.5:1; elder mode goes further (7:1 text, 18 px type, 44 px controls).
 */
export function themeTokens(elder: boolean) {
  const base = {
    colorPrimary: '#1f4e9c',
    borderRadius: 6,
    colorTextSecondary: 'rgba(0, 0, 0, 0.72)',
    colorTextTertiary: '#595959',
    colorTextDescription: '#595959',
    colorTextPlaceholder: '#737373',
    colorTextQuaternary: '#6b6b6b',
    colorTextDisabled: '#6b6b6b',
    colorError: '#c41d1f',
    colorWarning: '#ad5a00',
    colorSuccess: '#2f7a0f',
    colorLink: '#1f4e9c',
  };
  if (!elder) return base;
  return {
    ...base,
    fontSize: 18,
    fontSizeSM: 16,
    fontSizeLG: 20,
    controlHeight: 44,
    controlHeightSM: 36,
    controlHeightLG: 52,
    colorText: '#000000',
    colorTextSecondary: '#1a1a1a',
    colorTextTertiary: '#333333',
    colorTextDescription: '#333333',
    colorTextPlaceholder: '#4d4d4d',
    colorBorder: '#595959',
    lineWidth: 1,
  };
}
