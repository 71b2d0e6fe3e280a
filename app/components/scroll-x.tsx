import type { ReactNode } from 'react';

/**
 * A wide table that scrolls sideways on a narrow screen. Keyboard users can reach it (tab) and
 * scroll it with the arrow keys; screen readers hear what it holds.
 */
export function ScrollX({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="scroll-x" tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
