/** The demo accounts: one per role, shown on the login page in demo mode only. */
import type { Role } from '../contracts/users.js';

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
    agencyName: 'Sở Nông nghiệp và Phát triển nông thôn',
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
];
