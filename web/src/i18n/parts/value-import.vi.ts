/**
 * Vietnamese text of the Excel import of a cycle's indicator values (issue 7). Loads with the import page's chunk and
 * registers itself (see translate.ts).
 */
import { registerViPart } from '../translate.js';

export const valueImportVi = {
  'vimp.title': 'Nhập giá trị từ Excel',
  'vimp.titleOf': 'Nhập giá trị từ Excel — {cycle}',
  'vimp.intro':
    'Tải mẫu Excel của đợt đánh giá, điền cột “Giá trị mới”, rồi tải lên. Hệ thống kiểm tra từng dòng, báo lỗi và cho xem trước thay đổi; chỉ khi tệp không còn lỗi mới áp dụng được, và áp dụng là tất cả hoặc không gì cả.',
  'vimp.onBehalf': 'Văn phòng Điều phối nhập thay cho xã: mỗi thay đổi được ghi nhật ký là nhập thay.',
  'vimp.step1': '1. Tải mẫu',
  'vimp.step1Hint': 'Mẫu có mọi chỉ tiêu áp dụng, mức cần đạt và giá trị hiện tại; chỉ tiêu đang khóa được tô xám.',
  'vimp.templateOne': 'Tải mẫu của {unit}',
  'vimp.templateAll': 'Tải mẫu toàn bộ các xã trong phạm vi',
  'vimp.step2': '2. Tải tệp đã điền lên',
  'vimp.file': 'Tệp Excel đã điền (.xlsx)',
  'vimp.fileHint': 'Tối đa 10 MB. Ô “Giá trị mới” để trống thì giữ nguyên giá trị hiện tại.',
  'vimp.upload': 'Tải lên và kiểm tra',
  'vimp.uploading': 'Đang tải tệp lên: {percent}%',
  'vimp.chooseFile': 'Hãy chọn tệp Excel',
  'vimp.checking': 'Đang kiểm tra tệp',
  'vimp.reading': 'Đang đọc tệp: {done} dòng',
  'vimp.validating': 'Đang kiểm tra: {done}/{total} dòng',
  'vimp.progress': 'Tiến độ kiểm tra',
  'vimp.step3': '3. Kết quả kiểm tra',
  'vimp.file.name': 'Tệp “{name}”',
  'vimp.counts': '{rows} dòng · {errors} lỗi · {warnings} lưu ý · {changes} giá trị thay đổi ở {communes} xã',
  'vimp.failed': 'Không kiểm tra được tệp',
  'vimp.hasErrors': 'Tệp còn {count} lỗi. Sửa các dòng dưới đây trong tệp rồi tải lên lại; chưa có gì được ghi.',
  'vimp.noChanges': 'Tệp không có giá trị nào khác với hiện tại: không có gì để áp dụng.',
  'vimp.ready': 'Tệp hợp lệ. Xem trước thay đổi rồi bấm “Áp dụng”.',
  'vimp.errors': 'Lỗi và lưu ý trong tệp',
  'vimp.errorsTruncated': 'Chỉ hiện {shown} dòng đầu; tải tệp có ghi lỗi để xem đủ.',
  'vimp.col.row': 'Dòng',
  'vimp.col.column': 'Cột',
  'vimp.col.message': 'Lỗi',
  'vimp.col.commune': 'Xã',
  'vimp.col.indicator': 'Chỉ tiêu',
  'vimp.col.before': 'Giá trị cũ',
  'vimp.col.after': 'Giá trị mới',
  'vimp.col.status': 'Kết quả (trước → sau)',
  'vimp.col.changes': 'Số thay đổi',
  'vimp.col.criteria': 'Tiêu chí đạt (trước → sau)',
  'vimp.wholeFile': 'cả tệp',
  'vimp.warning': 'Lưu ý',
  'vimp.error': 'Lỗi',
  'vimp.downloadErrors': 'Tải tệp có ghi lỗi',
  'vimp.preview': 'Xem trước thay đổi',
  'vimp.previewTruncated': 'Chỉ hiện {shown} trong {total} thay đổi.',
  'vimp.communes': 'Theo xã',
  'vimp.meets': 'đạt chuẩn',
  'vimp.apply': 'Áp dụng',
  'vimp.applyConfirm': 'Ghi {changes} giá trị vào hồ sơ của {communes} xã',
  'vimp.applied': 'Đã áp dụng {changes} giá trị cho {communes} xã lúc {at}.',
  'vimp.conflict': 'Các chỉ tiêu sau đã thay đổi sau khi kiểm tra tệp; không có gì được ghi. Tải mẫu mới hoặc tải tệp lên lại:',
  'vimp.conflictRow': 'Dòng {row}: {unit}, chỉ tiêu {code}',
  'vimp.another': 'Tải tệp khác',
  'vimp.openAssessment': 'Mở hồ sơ của {unit}',
  'vimp.empty': '—',
  'vimp.note': 'Ghi chú: {note}',
} as const;

export type ValueImportKey = keyof typeof valueImportVi;

registerViPart(valueImportVi);
