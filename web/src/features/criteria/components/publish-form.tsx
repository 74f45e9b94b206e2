/** Publish a draft (POST …/publish): says what publishing means and what is still missing or unverified first. */
import { useQueryClient } from '@tanstack/react-query';
import type { SetDetail } from '../../../../../src/contracts/criteria.js';
import { Button } from '../../../components/button.js';
import { ErrorMessage } from '../../../components/error-message.js';
import { useI18n } from '../../../i18n/index.js';
import { isApiError } from '../../../lib/api.js';
import { useActionKeys } from '../../../lib/use-action-key.js';
import { criteriaKeys } from '../api/keys.js';
import { usePublishSet } from '../api/publish-set.js';

export function PublishForm({ set, onDone, onCancel }: { set: SetDetail; onDone: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const keys = useActionKeys();
  const mutation = usePublishSet(set.id);
  const { unverifiedTargets, demoTargets, indicatorsWithoutTarget } = set.stats;
  const publish = () => {
    const body = { expectedVersion: set.rowVersion };
    mutation.mutate(
      { body, idempotencyKey: keys.keyFor(JSON.stringify(body)) },
      {
        onSuccess: () => {
          keys.done();
          onDone();
        },
        onError: (err) => {
          if (isApiError(err) && err.code === 'CONFLICT') void qc.invalidateQueries({ queryKey: criteriaKeys.detail(set.id) });
        },
      },
    );
  };
  return (
    <div className="form">
      <p>{t('criteria.publish.explain')}</p>
      {unverifiedTargets + demoTargets + indicatorsWithoutTarget > 0 ? (
        <div className="alert alert-info" role="note">
          <p className="alert-title">{t('criteria.publish.stillOpen')}</p>
          <ul>
            {indicatorsWithoutTarget > 0 ? <li>{t('criteria.publish.withoutTarget', { count: indicatorsWithoutTarget })}</li> : null}
            {unverifiedTargets > 0 ? <li>{t('criteria.publish.unverified', { count: unverifiedTargets })}</li> : null}
            {demoTargets > 0 ? <li>{t('criteria.publish.demo', { count: demoTargets })}</li> : null}
          </ul>
        </div>
      ) : null}
      {mutation.isError ? <ErrorMessage error={mutation.error} /> : null}
      <div className="form-actions">
        <Button onClick={onCancel}>{t('common.cancel')}</Button>
        <Button variant="primary" busy={mutation.isPending} onClick={publish}>
          {mutation.isPending ? t('criteria.publish.publishing') : t('criteria.publish.submit')}
        </Button>
      </div>
    </div>
  );
}
