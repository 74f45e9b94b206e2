/** The demo accounts table on the login page, shown only when the server says demo mode is on. */
import { Button } from '../../../components/button.js';
import { Cell, Table } from '../../../components/table.js';
import { useI18n } from '../../../i18n/index.js';
import { useDemoAccounts } from '../api/get-demo-accounts.js';

export function DemoAccounts({ onUse }: { onUse: (login: string, password: string) => void }) {
  const { t } = useI18n();
  const q = useDemoAccounts();
  if (!q.data?.enabled || q.data.accounts.length === 0) return null;
  return (
    <section className="demo-accounts" aria-labelledby="demo-title">
      <h2 id="demo-title">{t('login.demoTitle')}</h2>
      <p>{t('login.demoIntro')}</p>
      <Table caption={t('login.demoTitle')}>
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
          {q.data.accounts.map((a) => (
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
    </section>
  );
}
