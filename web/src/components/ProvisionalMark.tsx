import { Tag, Tooltip } from 'antd';
import { L, useT } from '../lib/i18n';

/**
 * The mark of a deadline computed over a year whose State Council holiday notice is not out yet
 * (predicted from 《全国年节及纪念日放假办法》, 国务院令第795号).
 */
export function ProvisionalMark({ years }: { years: number[] }) {
  const t = useT();
  const y = years.join('、');
  return (
    <Tooltip
      title={t(
        L(
          '{y} 年放假安排尚未发布，按《全国年节及纪念日放假办法》推算',
          '{y} 年放假安排尚未發布，按《全國年節及紀念日放假辦法》推算',
          'The {y} holiday schedule is not published yet; computed from the national holidays decree',
        ),
        { y },
      )}
    >
      <Tag color="purple" data-testid="provisional-mark">
        {t(L('预计', '預計', 'Provisional'))}
      </Tag>
    </Tooltip>
  );
}
