/**
 * The demo accounts: one per role, plus one department reviewer for every department the 2025 demo cycle routes
 * criteria to (derived from `DEMO_CRITERION_AGENCY`, the routing the demo cycle is built from), shown on the login
 * page in demo mode only.
 */
import type { Role } from '../contracts/users.js';
import { searchKey } from '../platform/text.js';

export interface DemoAccount {
  login: string;
  password: string;
  role: Role;
  description: string;
  /** How to find the scope unit(s) in the reference data: official codes valid on a date. */
  scope: { codes: string[]; asOf: string; level: 'province' | 'district' | 'commune' }[];
  /** Name of the agency (seeded) the user belongs to, if any. */
  agencyName?: string;
}

const PASSWORD = 'demo-mtqg-2025';
export const NN_AGENCY = 'Sở Nông nghiệp và Phát triển nông thôn';

/**
 * Department in charge of each 2021–2025 criterion in the demo cycles: the first name found among the seeded agencies
 * (the others are fall-backs for installs whose agency list differs). Used by seed/assessments-demo.ts.
 */
export const DEMO_CRITERION_AGENCY: Readonly<Record<string, readonly string[]>> = {
  '1': ['Sở Xây dựng'], '2': ['Sở Giao thông vận tải', 'Sở Xây dựng'], '3': [NN_AGENCY], '4': ['Sở Công Thương'],
  '5': ['Sở Giáo dục và Đào tạo'], '6': ['Sở Văn hóa và Thể thao'], '7': ['Sở Công Thương'], '8': ['Sở Thông tin và Truyền thông', 'Sở Khoa học và Công nghệ'],
  '9': ['Sở Xây dựng'], '10': [NN_AGENCY], '11': ['Sở Lao động – Thương binh và Xã hội', 'Sở Nội vụ'], '12': ['Sở Lao động – Thương binh và Xã hội', 'Sở Nội vụ'],
  '13': [NN_AGENCY], '14': ['Sở Giáo dục và Đào tạo'], '15': ['Sở Y tế'], '16': ['Sở Văn hóa và Thể thao'], '17': ['Sở Tài nguyên và Môi trường', NN_AGENCY],
  '18': ['Sở Nội vụ'], '19': ['Sở Nội vụ'],
};

/** "Sở Lao động – Thương binh và Xã hội" → "demo.soldtbxh": "so" and the initials of the words after "Sở", "và" left out. */
export function departmentLogin(agencyName: string): string {
  const words = searchKey(agencyName.replace(/^Sở\s+/u, '')).split(/[\s–-]+/u).filter((w) => w && w !== 'va');
  return `demo.so${words.map((w) => w[0]).join('')}`;
}

/** Criterion numbers routed to each department (its primary name), in criterion order. */
export function criteriaByDepartment(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [n, names] of Object.entries(DEMO_CRITERION_AGENCY).sort((a, b) => Number(a[0]) - Number(b[0]))) {
    out.set(names[0]!, [...(out.get(names[0]!) ?? []), n]);
  }
  return out;
}

const PROVINCE_2025 = [{ codes: [], asOf: '2025-07-01', level: 'province' as const }];

/** One reviewer per routed department other than Sở NN&PTNT (demo.songnn, listed with the roles). */
const departmentAccounts: DemoAccount[] = [...criteriaByDepartment()]
  .filter(([name]) => name !== NN_AGENCY)
  .map(([name, criteria]) => ({
    login: departmentLogin(name),
    password: PASSWORD,
    role: 'department_reviewer',
    description: `Chuyên viên ${name} thẩm định tiêu chí ${criteria.join(', ')} (toàn tỉnh)`,
    scope: PROVINCE_2025,
    agencyName: name,
  }));

export const demoAccounts: DemoAccount[] = [
  { login: 'demo.quantri', password: PASSWORD, role: 'system_admin', description: 'Quản trị hệ thống (toàn bộ dữ liệu)', scope: [] },
  {
    login: 'demo.vpdp',
    password: PASSWORD,
    role: 'province_office',
    description: 'Văn phòng Điều phối NTM tỉnh Lào Cai (tỉnh mới, gồm lịch sử Lào Cai và Yên Bái cũ)',
    scope: [{ codes: [], asOf: '2025-07-01', level: 'province' }],
    agencyName: 'Văn phòng Điều phối nông thôn mới tỉnh Lào Cai',
  },
  {
    login: 'demo.songnn',
    password: PASSWORD,
    role: 'department_reviewer',
    description: 'Chuyên viên Sở Nông nghiệp và PTNT thẩm định tiêu chí (toàn tỉnh)',
    scope: [{ codes: [], asOf: '2025-07-01', level: 'province' }],
    agencyName: NN_AGENCY,
  },
  {
    login: 'demo.giupxa',
    password: PASSWORD,
    role: 'help_team',
    description: 'Thành viên tổ giúp đỡ xã Bát Xát và xã Hợp Thành (từ 01/07/2025)',
    scope: [{ codes: ['02683', '02680'], asOf: '2025-07-01', level: 'commune' }],
    agencyName: 'Sở Khoa học và Công nghệ',
  },
  {
    login: 'demo.huyen',
    password: PASSWORD,
    role: 'district_reviewer',
    description: 'Cán bộ huyện Bát Xát thẩm tra (giai đoạn trước 01/07/2025)',
    scope: [{ codes: ['082'], asOf: '2024-06-01', level: 'district' }],
  },
  {
    login: 'demo.xa',
    password: PASSWORD,
    role: 'commune_officer',
    description: 'Cán bộ xã Bát Xát (xã mới từ 01/07/2025, thấy lịch sử các xã cũ hợp thành)',
    scope: [{ codes: ['02683'], asOf: '2025-07-01', level: 'commune' }],
  },
  {
    login: 'demo.xem',
    password: PASSWORD,
    role: 'viewer',
    description: 'Lãnh đạo xem báo cáo (toàn tỉnh)',
    scope: [{ codes: [], asOf: '2025-07-01', level: 'province' }],
  },
  ...departmentAccounts,
];
