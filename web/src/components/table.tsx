/**
 * A dense data table in a scrollable, keyboard-focusable region. With `stack`, rows turn into cards on
 * narrow screens: give each cell a data-label (see Cell).
 */
import { useId, type ReactNode, type TdHTMLAttributes } from 'react';

export function Table({ caption, children, stack = true, captionVisible = false }: { caption: string; children: ReactNode; stack?: boolean; captionVisible?: boolean }) {
  const id = useId();
  return (
    <div className="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table className={`table${stack ? ' table-stack' : ''}`}>
        <caption id={id} className={captionVisible ? 'table-caption' : 'sr-only'}>
          {caption}
        </caption>
        {children}
      </table>
    </div>
  );
}

/**
 * A cell that shows its column name when the table is stacked on a phone. Its content sits in one
 * wrapper so that the stacked layout is always "label | value", whatever the content is made of.
 */
export function Cell({ label, children, ...rest }: { label: string; children?: ReactNode } & TdHTMLAttributes<HTMLTableCellElement>) {
  return (
    <td data-label={label} {...rest}>
      <div className="cell-value">{children}</div>
    </td>
  );
}
