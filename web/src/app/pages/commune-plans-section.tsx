/** The commune profile's "Kế hoạch" section, its own lazy chunk: the plans of the year, and the commune's actions. */
import type { ReactNode } from 'react';
import { useSession } from '../../features/auth/api/get-session.js';
import { ProfilePlans } from '../../features/plans/components/profile-plans.js';

export default function CommunePlansSection({ unitId, year, active }: { unitId: string; year: number; active: boolean }): ReactNode {
  const session = useSession();
  const own = session.user.roles.includes('commune_officer') || session.user.roles.includes('system_admin');
  return <ProfilePlans unitId={unitId} year={year} canCreate={session.abilities.create.plan && own} active={active} />;
}
