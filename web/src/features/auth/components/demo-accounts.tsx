/**
 * The demo accounts table on the login page, shown only when the server says demo mode is on: the first account of
 * each role in the table, further accounts of a role (the departments' reviewers) folded below it, so the list stays
 * short.
 */
import { Button } from '../../../components/button.js';
import { Cell, Table } from '../../../components/table.js';
import type { DemoAccounts as Accounts } from '../../../../../src/contracts/auth.js';
import { useI18n } from '../../../i18n/index.js';
import { useDemoAccounts } from '../api/get-demo-accounts.js';

type Account = Accounts['accounts'][number];

export function DemoAccounts({ onUse }: { onUse: (login: string, password: string) => void }) {
  const { t } = useI18n();
  const q = useDemoAccounts();
  if (!q.data?.enabled || q.data.accounts.length === 0) return null;
  const seen = new Set<string>();
  const main: Account[] = [];
  const more: Account[] = [];
  for (const a of q.data.accounts) {
    (seen.has(a.role) ? more : main).push(a);
    seen.add(a.role);
  }
  return (
    <section className="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('login.demoTitle')}</h2>
      <p>{t('login.demoIntro')}</p>
      <AccountTable caption={t('login.demoTitle')} accounts={main} onUse={onUse} />
      {more.length ? (
        <details className="demo-more">
          <summary>{t('login.demoMore', { count: more.length })}</summary>
          <AccountTable caption={t('login.demoMore', { count: more.length })} accounts={more} onUse={onUse} />
        </details>
      ) : null}
    </section>
  );
}

function AccountTable({ caption, accounts, onUse }: { caption: string; accounts: Account[]; onUse: (login: string, password: string) => void }) {
  const { t } = useI18n();
  return (
    <Table caption={caption}>
      <thead>
        <tr>
          <th scope="col">{t('login.login')}</th>
          <th scope="col">{t('login.password')}</th>
          <th scope="col">{t('login.demoRole')}</th>
          <th scope="col">
            <span className="sr-only">{t('common.actions')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((a) => (
          <tr key={a.login}>
            <Cell label={t('login.login')}>
              <code>{a.login}</code>
            </Cell>
            <Cell label={t('login.password')}>
              <code>{a.password}</code>
            </Cell>
            <Cell label={t('login.demoRole')}>
              <strong>{t(`role.${a.role}`)}</strong>
              {a.description ? <span className="muted"> — {a.description}</span> : null}
            </Cell>
            <Cell label={t('common.actions')}>
              <Button size="small" aria-label={t('login.demoUse', { login: a.login })} onClick={() => onUse(a.login, a.password)}>
                {t('common.use')}
              </Button>
            </Cell>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
