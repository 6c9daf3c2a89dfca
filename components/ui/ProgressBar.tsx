// An accessible progress bar (role=progressbar with its value) in the accent colour.
export function ProgressBar({ value, label, tone = 'accent' }: { value: number; label: string; tone?: 'accent' | 'success' | 'danger' }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  const fill = tone === 'success' ? 'bg-success' : tone === 'danger' ? 'bg-danger' : 'bg-accent';
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      className="h-2 w-full overflow-hidden rounded-full bg-raised"
    >
      <div className={`h-full rounded-full ${fill} transition-[width] duration-300 ease-out`} style={{ width: `${percent}%` }} />
    </div>
  );
}
