/** /criteria/import: import a whole criteria set from a spreadsheet, with a per-row validation report before applying. */
import { Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import type { SetSummary } from '../../../../src/contracts/criteria.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { useSession } from '../../features/auth/api/get-session.js';
import { ImportForm } from '../../features/criteria/components/import-form.js';
import { SetLink } from '../../features/criteria/components/set-link.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import '../../features/criteria/criteria.css';

export function CriteriaImportPage(): ReactNode {
  const { t } = useI18n();
  const session = useSession();
  const [created, setCreated] = useState<SetSummary | null>(null);
  const scope = session.user.scope[0];
  return (
    <>
      <PageHeader
        title={t('criteria.import.title')}
        before={
          <nav aria-label={t('criteria.breadcrumb')} className="breadcrumb">
            <ol>
              <li>
                <Link to="/criteria">{t('criteria.title')}</Link>
              </li>
              <li aria-current="page">{t('criteria.import.title')}</li>
            </ol>
          </nav>
        }
        intro={t('criteria.import.intro')}
      />
      {created ? (
        <Notice>
          {t('criteria.import.created')} <SetLink id={created.id}>{created.name}</SetLink>
        </Notice>
      ) : null}
      <ImportForm
        provincePicker={(p) => <UnitPicker {...p} level="province" />}
        defaultProvince={scope ? { id: scope.unitId, label: scope.name } : null}
        onApplied={setCreated}
      />
    </>
  );
}
