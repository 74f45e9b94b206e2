/** /users: the user list (filters q, role, status in the URL), create, edit and reset-password dialogs. */
import { getRouteApi } from '@tanstack/react-router';
import { useEffect, useState, type ReactNode } from 'react';
import { roles, type Role, type User } from '../../../../src/contracts/users.js';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { SelectField, TextField } from '../../components/field.js';
import { PageHeader } from '../../components/page-header.js';
import { AgencySelect } from '../../features/agencies/components/agency-select.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useUsers } from '../../features/users/api/list-users.js';
import { ResetPasswordForm } from '../../features/users/components/reset-password-form.js';
import { UserForm } from '../../features/users/components/user-form.js';
import { UserTable } from '../../features/users/components/user-table.js';
import { useI18n } from '../../i18n/index.js';
import { useDebouncedValue } from '../../lib/use-debounced-value.js';
import { ClearFilters, PagedList } from '../../components/paged-list.js';

const route = getRouteApi('/app/users');
const LIMIT = 50;

type Open = { kind: 'create' } | { kind: 'edit'; user: User } | { kind: 'reset'; user: User } | null;

export function UsersPage(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const search = route.useSearch();
  const navigate = route.useNavigate();
  const [text, setText] = useState(search.q ?? '');
  const debounced = useDebouncedValue(text.trim(), 350);
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const offset = search.offset ?? 0;
  const query = useUsers({ q: search.q, role: search.role, status: search.status, limit: LIMIT, offset });
  const filtered = Boolean(search.q || search.role || search.status);

  useEffect(() => setText((cur) => (cur.trim() === (search.q ?? '') ? cur : (search.q ?? ''))), [search.q]);
  useEffect(() => {
    if (debounced !== (search.q ?? '')) void navigate({ search: (s) => ({ ...s, q: debounced || undefined, offset: undefined }), replace: true });
  }, [debounced, search.q, navigate]);

  const close = () => setOpen(null);
  const pickers = {
    unitPicker: (p: Parameters<typeof UnitPicker>[0]) => <UnitPicker {...p} />,
    agencySelect: (p: Parameters<typeof AgencySelect>[0]) => <AgencySelect {...p} />,
  };

  return (
    <>
      <PageHeader
        title={t('users.title')}
        intro={t('users.intro')}
        actions={
          // The users page is the user administrators' page: whoever may open it may add users.
          session.abilities.create.user ? (
            <Button variant="primary" onClick={() => (setNotice(null), setOpen({ kind: 'create' }))}>
              {t('users.create')}
            </Button>
          ) : null
        }
      />
      <div className="filters" role="search">
        <TextField label={t('users.search')} type="search" value={text} onChange={(e) => setText(e.target.value)} className="filter-grow" />
        <SelectField
          label={t('users.role')}
          value={search.role ?? ''}
          onChange={(e) => void navigate({ search: (s) => ({ ...s, role: (e.target.value || undefined) as Role | undefined, offset: undefined }) })}
          options={[{ value: '', label: t('common.all') }, ...roles.map((r) => ({ value: r, label: t(`role.${r}`) }))]}
        />
        <SelectField
          label={t('users.status')}
          value={search.status ?? ''}
          onChange={(e) =>
            void navigate({ search: (s) => ({ ...s, status: (e.target.value || undefined) as 'active' | 'disabled' | undefined, offset: undefined }) })
          }
          options={[
            { value: '', label: t('common.all') },
            { value: 'active', label: t('status.active') },
            { value: 'disabled', label: t('status.disabled') },
          ]}
        />
        <ClearFilters active={filtered} onClear={() => (setText(''), void navigate({ search: {} }))} />
      </div>
      {notice ? <Notice>{notice}</Notice> : null}
      <PagedList
        query={query}
        offset={offset}
        limit={LIMIT}
        onPage={(o) => void navigate({ search: (s) => ({ ...s, offset: o || undefined }) })}
        empty={filtered ? t('users.empty') : t('users.emptyNoFilter')}
      >
        {(rows) => (
        <UserTable
          rows={rows}
          onEdit={(user) => (setNotice(null), setOpen({ kind: 'edit', user }))}
          onResetPassword={(user) => (setNotice(null), setOpen({ kind: 'reset', user }))}
        />
        )}
      </PagedList>

      <Dialog open={open?.kind === 'create'} onOpenChange={(o) => !o && close()} title={t('users.create')} wide>
        <UserForm
          {...pickers}
          onDone={(u) => {
            close();
            setNotice(t('users.created', { login: u.login }));
          }}
        />
      </Dialog>
      {open?.kind === 'edit' ? (
        <Dialog open onOpenChange={(o) => !o && close()} title={t('users.edit', { login: open.user.login })} wide>
          <UserForm
            key={open.user.id}
            user={open.user}
            {...pickers}
            onDone={(u) => {
              close();
              setNotice(t('users.updated', { login: u.login }));
            }}
          />
        </Dialog>
      ) : null}
      {open?.kind === 'reset' ? (
        <Dialog open onOpenChange={(o) => !o && close()} title={t('users.resetPasswordFor', { login: open.user.login })} description={t('users.resetPasswordIntro')}>
          <ResetPasswordForm
            user={open.user}
            onDone={() => {
              close();
              setNotice(t('users.passwordReset', { login: open.user.login }));
            }}
          />
        </Dialog>
      ) : null}
    </>
  );
}
