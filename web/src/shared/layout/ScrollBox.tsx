import type { ReactNode } from 'react';

/** A box that scrolls sideways on narrow screens (wide tables); focusable so keyboard users can scroll it. */
export function ScrollBox({ label, children }: { label?: string; children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role={label ? 'group' : undefined} aria-label={label}>
      {children}
    </div>
  );
}
