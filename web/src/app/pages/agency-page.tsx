/** /agencies/$id: one agency, with an edit dialog when the agency's abilities allow it. */
import { getRouteApi, Link } from '@tanstack/react-router';
import { useState, type ReactNode } from 'react';
import { Button } from '../../components/button.js';
import { Dialog } from '../../components/dialog.js';
import { Notice } from '../../components/error-message.js';
import { PageHeader } from '../../components/page-header.js';
import { QueryState } from '../../components/query-state.js';
import { StatusBadge } from '../../components/status-badge.js';
import { useAgency } from '../../features/agencies/api/get-agency.js';
import { AgencyFacts } from '../../features/agencies/components/agency-facts.js';
import { AgencyForm } from '../../features/agencies/components/agency-form.js';
import { UnitPicker } from '../../features/units/components/unit-picker.js';
import { useI18n } from '../../i18n/index.js';
import { usePageTitle } from '../../lib/use-page-title.js';

const route = getRouteApi('/app/agencies/$id');

export function AgencyPage(): ReactNode {
  const { t } = useI18n();
  const { id } = route.useParams();
  const query = useAgency(id);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  usePageTitle(query.data?.name ?? t('agencies.detail'));
  const back = (
    <p className="back-link">
      <Link to="/agencies">
        <span aria-hidden="true">‹ </span>
        {t('common.backToList')}
      </Link>
    </p>
  );
  return (
    <QueryState query={query}>
      {(a) => (
        <>
          <PageHeader
            before={back}
            title={a.name}
            intro={a.isDemo ? <StatusBadge tone="info">{t('common.demo')}</StatusBadge> : undefined}
            actions={
              a.abilities.canEdit ? (
                <Button variant="primary" onClick={() => (setSaved(false), setEditing(true))}>
                  {t('common.edit')}
                </Button>
              ) : null
            }
          />
          {saved ? <Notice>{t('agencies.updated')}</Notice> : null}
          <AgencyFacts agency={a} />
          <Dialog open={editing} onOpenChange={setEditing} title={t('agencies.edit')} wide>
            <AgencyForm
              agency={a}
              unitPicker={(p) => <UnitPicker {...p} />}
              onDone={() => {
                setEditing(false);
                setSaved(true);
              }}
            />
          </Dialog>
        </>
      )}
    </QueryState>
  );
}
