/**
 * Vietnamese text of "Reports" (issue 7): the catalog, the report page's pickers, the table view and the downloads.
 * It loads with the reports pages' chunks and registers itself (see translate.ts).
 */
import { registerViPart } from '../translate.js';

export const reportsVi = {
  'rep.title': 'Báo cáo',
  'rep.intro': 'Các báo cáo định kỳ theo phạm vi của bạn: xem trên màn hình, in, tải Excel; báo cáo tổng hợp tải dạng Word để chỉnh sửa và ký.',
  'rep.number': 'Báo cáo {number}',
  'rep.open': 'Xem báo cáo',
  'rep.unavailable': 'Chưa sẵn sàng',
  'rep.notAllowed': 'Vai trò của bạn không xem được báo cáo này.',
  'rep.catalogEmpty': 'Chưa có báo cáo nào.',
  'rep.params': 'Tham số báo cáo',
  'rep.year': 'Năm',
  'rep.fromYear': 'Từ năm',
  'rep.set': 'Bộ tiêu chí',
  'rep.setAuto': 'Bộ được dùng nhiều nhất trong năm',
  'rep.unit': 'Đơn vị',
  'rep.unitHint': 'Để trống: toàn bộ phạm vi của bạn.',
  'rep.commune': 'Xã',
  'rep.communeNeeded': 'Chọn một xã để xem hồ sơ.',
  'rep.basis': 'Kết quả tính',
  'rep.basis.all': 'Kết quả tổng hợp mới nhất (gồm cả xã tự đánh giá)',
  'rep.basis.appraised': 'Chỉ kết quả đã thẩm định',
  'rep.downloadXlsx': 'Tải Excel',
  'rep.downloadDocx': 'Tải Word',
  'rep.print': 'In báo cáo',
  'rep.back': 'Danh sách báo cáo',
  'rep.generatedAt': 'Lập lúc {time}',
  'rep.demo': 'Có dữ liệu minh họa (không phải số liệu thật) trong báo cáo này.',
  'rep.demoRow': 'dữ liệu minh họa',
  'rep.empty': 'Không có số liệu cho các tham số đã chọn.',
  'rep.shown': 'Hiển thị {shown}/{total} dòng; tệp Excel có đủ các dòng.',
  'rep.notes': 'Ghi chú',
  'rep.openRow': 'Mở',
} as const;

export type ReportsKey = keyof typeof reportsVi;

registerViPart(reportsVi);
