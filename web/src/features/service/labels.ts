import { L } from '../../lib/i18n';

/** 好差评 five levels (国办发〔2019〕51号), 5 = 非常满意 … 1 = 非常不满意. */
export const LEVELS = [
  { value: 5, label: L('非常满意', '非常滿意', 'Very satisfied') },
  { value: 4, label: L('满意', '滿意', 'Satisfied') },
  { value: 3, label: L('基本满意', '基本滿意', 'Basically satisfied') },
  { value: 2, label: L('不满意', '不滿意', 'Dissatisfied') },
  { value: 1, label: L('非常不满意', '非常不滿意', 'Very dissatisfied') },
];

export const MEASURE_STATUS = {
  open: L('整改中', '整改中', 'Open'),
  done: L('已办结待评价', '已辦結待評價', 'Done, awaiting evaluation'),
  evaluated: L('已评价', '已評價', 'Evaluated'),
} as const;

export const BOOKING_STATUS = {
  booked: L('已挂号', '已掛號', 'Booked'),
  prescribed: L('已开处方', '已開處方', 'Prescribed'),
  reported: L('已反馈成效', '已回饋成效', 'Outcome reported'),
  rated: L('已评价', '已評價', 'Rated'),
} as const;

export const RATING_STATUS = {
  closed: L('已评价', '已評價', 'Rated'),
  rectifying: L('差评整改中', '差評整改中', 'Rectifying'),
  rectified: L('已整改待复评', '已整改待複評', 'Rectified, awaiting re-rating'),
  re_rated: L('已复评', '已複評', 'Re-rated'),
  appealed: L('申诉中', '申訴中', 'Appealed'),
  voided: L('申诉成立（作废）', '申訴成立（作廢）', 'Voided on appeal'),
} as const;
