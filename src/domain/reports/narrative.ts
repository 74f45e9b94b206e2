/**
 * The narrative report's words (pure): the figures of a year turned into the body paragraphs of a "Báo cáo" in the
 * administrative style of Decree 30/2020/NĐ-CP. Numbers are written the Vietnamese way (1.234,5). Where a figure is
 * not available the paragraph says so in brackets, for the drafter to complete before signing.
 */

export interface NarrativeFigures {
  year: number;
  /** "tỉnh Lào Cai", "Huyện Bát Xát", or the caller's scope. */
  areaName: string;
  setName: string | null;
  setCode: string | null;
  criteriaCount: number | null;
  communes: number;
  average: number | null;
  previousAverage: number | null;
  meetsStandard: number;
  bands: Array<{ label: string; count: number }>;
  recognisedInForce: number;
  recognisedInYear: number;
  revokedInYear: number;
  atRisk: number | null;
  criteriaHigh: Array<{ number: string; name: string; rate: number | null }>;
  criteriaLow: Array<{ number: string; name: string; rate: number | null }>;
  activities: { agencies: number; activities: number; visits: number; supportVnd: number; followUps: number; followUpsDone: number };
  obstacles: { total: number; resolved: number; open: number; overdue: number };
  /** Null while resource figures are not available (no entry in the period). */
  resources: { planned: number; allocated: number; disbursed: number; rate: number | null } | null;
  /** The target list of the year (communes registered to reach the standard), null when there is none. */
  targets: { communes: number; met: number; atRisk: number } | null;
  hasDemo: boolean;
}

export interface NarrativeBlock {
  kind: 'heading' | 'paragraph' | 'placeholder';
  text: string;
}

const nf = (n: number, digits = 0) => new Intl.NumberFormat('vi-VN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
const pct = (r: number | null) => (r === null ? 'chưa có số liệu' : `${nf(r, 1)}%`);

/** The body of the report, in order. */
export function narrativeBlocks(f: NarrativeFigures): NarrativeBlock[] {
  const out: NarrativeBlock[] = [];
  const p = (text: string) => out.push({ kind: 'paragraph', text });
  const h = (text: string) => out.push({ kind: 'heading', text });
  p(
    `Thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới, trên cơ sở kết quả đánh giá, thẩm định các xã năm ${f.year} trên hệ thống theo dõi, ` +
      `báo cáo kết quả thực hiện trên địa bàn ${f.areaName} như sau:`,
  );
  if (f.hasDemo) out.push({ kind: 'placeholder', text: '[Lưu ý: báo cáo có sử dụng dữ liệu minh họa, không phải số liệu thật; cần thay bằng số liệu chính thức trước khi ký ban hành.]' });
  h('I. KẾT QUẢ THỰC HIỆN');
  h('1. Kết quả xã đạt chuẩn nông thôn mới');
  p(
    `Đến hết năm ${f.year}, trên địa bàn có ${nf(f.recognisedInForce)} xã đang được công nhận đạt chuẩn nông thôn mới; ` +
      `trong năm có ${nf(f.recognisedInYear)} xã được công nhận mới` +
      (f.revokedInYear ? ` và ${nf(f.revokedInYear)} quyết định thu hồi công nhận.` : ', không có quyết định thu hồi công nhận.'),
  );
  if (f.atRisk !== null) p(`Qua rà soát duy trì, có ${nf(f.atRisk)} xã đã đạt chuẩn không còn giữ đủ tiêu chí hoặc thuộc diện xem xét thu hồi, cần tập trung chỉ đạo.`);
  h('2. Kết quả thực hiện các tiêu chí');
  if (f.communes === 0 || f.average === null) {
    out.push({ kind: 'placeholder', text: `[Chưa có kết quả đánh giá xã năm ${f.year} trên hệ thống.]` });
  } else {
    const trend =
      f.previousAverage === null
        ? ''
        : f.average > f.previousAverage
          ? ` (tăng ${nf(f.average - f.previousAverage, 1)} tiêu chí so với năm ${f.year - 1})`
          : f.average < f.previousAverage
            ? ` (giảm ${nf(f.previousAverage - f.average, 1)} tiêu chí so với năm ${f.year - 1})`
            : ` (bằng năm ${f.year - 1})`;
    p(
      `Có ${nf(f.communes)} xã có kết quả đánh giá năm ${f.year} theo ${f.setName ?? 'bộ tiêu chí'}${f.criteriaCount ? ` (${f.criteriaCount} tiêu chí)` : ''}; ` +
        `bình quân đạt ${nf(f.average, 1)} tiêu chí/xã${trend}; ${nf(f.meetsStandard)} xã đạt đủ điều kiện chuẩn. Phân theo số tiêu chí đạt: ` +
        f.bands.map((b) => `${b.label.toLowerCase()}: ${nf(b.count)} xã`).join('; ') +
        ' (chi tiết tại Bảng 1).',
    );
    if (f.criteriaHigh.length)
      p(
        `Các tiêu chí có tỷ lệ xã đạt cao: ${f.criteriaHigh.map((c) => `tiêu chí số ${c.number} (${c.name}) ${pct(c.rate)}`).join('; ')}. ` +
          `Các tiêu chí có tỷ lệ đạt thấp, cần ưu tiên nguồn lực: ${f.criteriaLow.map((c) => `tiêu chí số ${c.number} (${c.name}) ${pct(c.rate)}`).join('; ')} (chi tiết tại Bảng 2).`,
      );
  }
  if (f.targets)
    p(
      `Theo danh sách xã đăng ký đạt chuẩn năm ${f.year} (${nf(f.targets.communes)} xã): ${nf(f.targets.met)} xã đã đạt đủ tiêu chí; ` +
        `${nf(f.targets.atRisk)} xã có nguy cơ không đạt theo kế hoạch; ${nf(f.targets.communes - f.targets.met - f.targets.atRisk)} xã đang đúng tiến độ.`,
    );
  h('3. Công tác giúp đỡ các xã');
  const a = f.activities;
  p(
    `Trong năm, ${nf(a.agencies)} cơ quan, đơn vị được phân công giúp đỡ xã đã thực hiện ${nf(a.activities)} hoạt động, trong đó ${nf(a.visits)} lượt xuống cơ sở ` +
      `khảo sát, hướng dẫn, kiểm tra; tổng giá trị hỗ trợ ${nf(a.supportVnd)} đồng; ${nf(a.followUpsDone)}/${nf(a.followUps)} việc cần làm tiếp sau các hoạt động đã hoàn thành.`,
  );
  h('4. Khó khăn, vướng mắc');
  const o = f.obstacles;
  p(
    o.total
      ? `Các xã và cơ quan giúp đỡ đã nêu ${nf(o.total)} khó khăn, vướng mắc; đã giải quyết hoặc kết thúc ${nf(o.resolved)}, đang xử lý ${nf(o.open)}, trong đó ${nf(o.overdue)} vướng mắc quá hạn xử lý.`
      : 'Trong năm không có khó khăn, vướng mắc nào được nêu trên hệ thống.',
  );
  h('5. Huy động nguồn lực');
  if (f.resources)
    p(
      `Tổng kế hoạch vốn ${nf(f.resources.planned)} đồng; đã phân bổ ${nf(f.resources.allocated)} đồng; đã giải ngân ${nf(f.resources.disbursed)} đồng` +
        (f.resources.rate !== null ? ` (tỷ lệ giải ngân ${nf(f.resources.rate, 1)}% số đã phân bổ của các nguồn bằng tiền).` : '.'),
    );
  else out.push({ kind: 'placeholder', text: '[Số liệu huy động nguồn lực chưa có trên hệ thống; cơ quan soạn thảo bổ sung.]' });
  h('II. ĐÁNH GIÁ CHUNG');
  out.push({ kind: 'placeholder', text: '[Kết quả đạt được, tồn tại, hạn chế và nguyên nhân — cơ quan soạn thảo bổ sung.]' });
  h('III. NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI');
  out.push({ kind: 'placeholder', text: '[Nhiệm vụ, giải pháp và kiến nghị, đề xuất — cơ quan soạn thảo bổ sung.]' });
  return out;
}

/** The criteria with the highest and lowest rates (ties by number), at most `n` each, never the same one twice. */
export function extremes<T extends { number: string; rate: number | null }>(rows: readonly T[], n = 3): { high: T[]; low: T[] } {
  const rated = rows.filter((r) => r.rate !== null);
  const num = (a: T, b: T) => a.number.localeCompare(b.number, 'vi', { numeric: true });
  const k = Math.min(n, Math.floor(rated.length / 2));
  const high = [...rated].sort((a, b) => b.rate! - a.rate! || num(a, b)).slice(0, k);
  const low = [...rated].sort((a, b) => a.rate! - b.rate! || num(a, b)).filter((x) => !high.includes(x)).slice(0, k);
  return { high, low };
}
