// The phone's tab bar (Chat, Timeline, Preview); on wide screens every panel shows at once.
'use client';
import type { KeyboardEvent } from 'react';

export const TABS = ['chat', 'timeline', 'preview'] as const;
export type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, string> = { chat: 'Chat', timeline: 'Timeline', preview: 'Preview' };

export const tabId = (t: Tab) => `tab-${t}`;
export const panelId = (t: Tab) => `tabpanel-${t}`;

export function WorkspaceTabs({ tab, onChange }: { tab: Tab; onChange: (t: Tab) => void }) {
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    const next = e.key === 'ArrowRight' ? TABS[(i + 1) % TABS.length] : e.key === 'ArrowLeft' ? TABS[(i + TABS.length - 1) % TABS.length] : null;
    if (!next) return;
    e.preventDefault();
    onChange(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    <div role="tablist" aria-label="Workspace" className="mx-3 mb-2 grid grid-cols-3 gap-1 rounded-xl bg-raised p-1 lg:hidden" onKeyDown={onKey}>
      {TABS.map((t) => (
        <button
          key={t}
          id={tabId(t)}
          type="button"
          role="tab"
          aria-selected={tab === t}
          aria-controls={panelId(t)}
          tabIndex={tab === t ? 0 : -1}
          onClick={() => onChange(t)}
          className={`h-9 rounded-lg text-sm font-medium transition-colors ${tab === t ? 'bg-surface text-ink shadow-sm ring-1 ring-line-strong' : 'text-muted hover:text-ink'}`}
        >
          {LABELS[t]}
        </button>
      ))}
    </div>
  );
}
