/**
 * App-wide CSS that antd tokens cannot express: the print stylesheet (a queue prints as its table,
 * without menus, headers or buttons) and elder mode's extras (underlined links, roomier lines,
 * secondary panels hidden — mark them `className="xf-elder-hide"`).
 */
/** Preset tag text darkened to at least 4.5:1 on its light fill (antd's defaults are 2.5–3.4:1). */
const TAG_TEXT: Record<string, string> = {
  green: '#255f08', success: '#255f08', lime: '#3d5c00', orange: '#8a3f00', warning: '#8a3f00', gold: '#7a4e00', yellow: '#6b5200',
  red: '#a8071a', error: '#a8071a', volcano: '#a3300b', magenta: '#9e1068', purple: '#531dab', blue: '#0b4dad', processing: '#0b4dad',
  geekblue: '#1d39c4', cyan: '#006064',
};
const TAGS = Object.entries(TAG_TEXT).map(([k, v]) => `.ant-tag.ant-tag-${k}:not(.ant-tag-solid) { color: ${v} !important; }`).join('\n');

const CSS = `
${TAGS}
.ant-badge .ant-badge-count { background: #c41d1f; }
@media print {
  .xf-header, .xf-no-print, .ant-layout-sider, .ant-menu, .ant-btn, .ant-pagination, .ant-select, .ant-input-affix-wrapper, .ant-input-search, .ant-drawer { display: none !important; }
  .ant-layout, .ant-layout-content, body { background: #fff !important; padding: 0 !important; }
  .ant-card { box-shadow: none !important; border: 0 !important; }
  .ant-table { font-size: 10pt; }
  .ant-table-thead > tr > th, .ant-table-tbody > tr > td { border: 1px solid #999 !important; padding: 4px 6px !important; }
  .ant-tag { border: 1px solid #666 !important; background: #fff !important; color: #000 !important; }
  a { color: #000 !important; text-decoration: none !important; }
  .xf-print-only { display: block !important; }
}
.xf-print-only { display: none; }
html[data-elder='on'] body { line-height: 1.7; }
html[data-elder='on'] a { text-decoration: underline; }
html[data-elder='on'] .xf-elder-hide { display: none !important; }
html[data-elder='on'] .ant-table { font-size: 17px; }
html[data-elder='on'] .ant-tag { font-size: 15px; padding-inline: 8px; line-height: 26px; }
`;

export function GlobalStyles() {
  return <style data-xf="global">{CSS}</style>;
}
