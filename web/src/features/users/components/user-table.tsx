/** Users as a dense table; the row buttons come from each user's abilities. */
import type { User } from '../../../../../src/contracts/users.js';
import { Button } from '../../../components/button.js';
import { StatusBadge } from '../../../components/status-badge.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { UserStatus } from './user-status.js';

interface Props {
  rows: User[];
  onEdit: (u: User) => void;
  onResetPassword: (u: User) => void;
}

export function UserTable({ rows, onEdit, onResetPassword }: Props) {
  const { t, dateTime } = useI18n();
  return (
    <Table caption={t('users.title')}>
      <thead>
        <tr>
          <th scope="col">{t('users.name')}</th>
          <th scope="col">{t('users.login')}</th>
          <th scope="col">{t('users.agency')}</th>
          <th scope="col">{t('users.roles')}</th>
          <th scope="col">{t('users.scope')}</th>
          <th scope="col">{t('users.status')}</th>
          <th scope="col">{t('users.lastLogin')}</th>
          <th scope="col">{t('common.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((u) => (
          <tr key={u.id}>
            <Cell label={t('users.name')}>
              <strong>{u.name}</strong>
              {u.email ? <div className="muted">{u.email}</div> : null}
            </Cell>
            <Cell label={t('users.login')}>
              <code>{u.login}</code>
              {u.isDemo ? (
                <>
                  {' '}
                  <StatusBadge tone="info">{t('common.demo')}</StatusBadge>
                </>
              ) : null}
            </Cell>
            <Cell label={t('users.agency')}>{u.agencyName ?? t('common.none')}</Cell>
            <Cell label={t('users.roles')}>{u.roles.map((r) => t(`role.${r}`)).join(', ')}</Cell>
            <Cell label={t('users.scope')}>{u.scope.length ? u.scope.map((s) => s.name).join(', ') : t('common.none')}</Cell>
            <Cell label={t('users.status')}>
              <UserStatus user={u} />
            </Cell>
            <Cell label={t('users.lastLogin')}>{u.lastLoginAt ? dateTime(u.lastLoginAt) : t('users.neverLoggedIn')}</Cell>
            <Cell label={t('common.actions')}>
              <div className="row-actions" role="group" aria-label={t('users.actionsFor', { login: u.login })}>
                {u.abilities.canEdit ? (
                  <Button size="small" onClick={() => onEdit(u)}>
                    {t('users.editShort')}
                  </Button>
                ) : null}
                {u.abilities.canResetPassword ? (
                  <Button size="small" onClick={() => onResetPassword(u)}>
                    {t('users.resetPassword')}
                  </Button>
                ) : null}
              </div>
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
