/**
 * A modal dialog on Radix's Dialog primitive (focus trap, Escape, focus return, aria wiring);
 * styled by our CSS. Only lazy pages import it, so it stays out of the login page's bundle.
 */
import * as D from '@radix-ui/react-dialog';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/index.js';

interface Props {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  wide?: boolean;
}

export function Dialog({ open, onOpenChange, title, description, children, wide }: Props) {
  const { t } = useI18n();
  return (
    <D.Root open={open} onOpenChange={onOpenChange}>
      <D.Portal>
        <D.Overlay className="dialog-overlay" />
        <D.Content className={`dialog${wide ? ' dialog-wide' : ''}`}>
          <div className="dialog-head">
            <D.Title className="dialog-title">{title}</D.Title>
            <D.Close className="btn btn-quiet btn-small dialog-close" aria-label={t('common.close')}>
              <span aria-hidden="true">✕</span>
            </D.Close>
          </div>
          {description ? <D.Description className="dialog-description">{description}</D.Description> : <D.Description className="sr-only">{title}</D.Description>}
          <div className="dialog-body">{children}</div>
        </D.Content>
      </D.Portal>
    </D.Root>
  );
}
