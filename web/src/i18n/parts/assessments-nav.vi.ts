/** The few words of "Assessments" shown outside its pages (the nav, the unit page's link): loaded with the app layout. */
import { registerViPart } from '../translate.js';

export const assessmentsNavVi = {
  'nav.assessments': 'Đánh giá xã',
  'nav.maintenance': 'Rà soát duy trì',
  'prof.open': 'Hồ sơ nông thôn mới của xã',
  'ntf.bell': 'Thông báo',
  'ntf.bellUnread': 'Thông báo: {count} chưa đọc',
} as const;

export type AssessmentsNavKey = keyof typeof assessmentsNavVi;

registerViPart(assessmentsNavVi);
