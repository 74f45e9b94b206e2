/** The "Helping communes" hub's sections as links (one nav entry, three pages): assignments, activities, obstacles. */
import { Link } from '@tanstack/react-router';
import '../../i18n/parts/assistance.vi.js';
import '../../styles/assistance.css';
import { useI18n } from '../../i18n/index.js';

export function AssistanceTabs() {
  const { t } = useI18n();
  return (
    <nav className="tabs" aria-label={t('assist.tabs')}>
      <Link to="/assistance" activeOptions={{ exact: true, includeSearch: false }} className="tab">
        {t('assist.tab.assignments')}
      </Link>
      <Link to="/assistance/activities" activeOptions={{ includeSearch: false }} className="tab">
        {t('assist.tab.activities')}
      </Link>
      <Link to="/assistance/obstacles" activeOptions={{ includeSearch: false }} className="tab">
        {t('assist.tab.obstacles')}
      </Link>
    </nav>
  );
}
