/** An error in the reader's language, with the request id to quote and an optional retry. */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';
import { describeError } from '../lib/errors.js';
import { Button } from './button.js';

export function ErrorMessage({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t, lang } = useI18n();
  const d = describeError(error, lang);
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">
        <span aria-hidden="true">⚠ </span>
        {title ?? t('error.title')}
      </p>
      <p>{d.text}</p>
      {d.requestId ? <p className="alert-meta">{t('error.requestId', { id: d.requestId })}</p> : null}
      {onRetry ? (
        <Button size="small" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      ) : null}
    </div>
  );
}

/** A short success or info message, announced politely. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-ok" role="status">
      <span aria-hidden="true">✓ </span>
      {children}
    </div>
  );
}
