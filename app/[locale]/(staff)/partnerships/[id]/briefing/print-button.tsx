'use client';

/** Opens the browser's print dialog (the briefing's print styles lay it out on one page). */
export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-3 py-1.5 font-medium text-white hover:bg-brand-900">
      {label}
    </button>
  );
}
