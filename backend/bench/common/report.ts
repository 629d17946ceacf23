/**
 * One figure of a benchmark, as `npm run bench` prints it and docs/performance.md records it.
 * Timing goals are ratios against a baseline measured in the same run, or counts: the machines
 * are shared and noisy, so an absolute number means little on its own.
 */
export interface Figure {
  /** The table it belongs in, e.g. "API vs the limit", "Reminder punctuality". */
  readonly section: string;
  /** What was measured, e.g. "dashboard req/s". */
  readonly name: string;
  /** The measured value, formatted with its unit ("1,234 req/s", "12.3 ms", "4 statements"). */
  readonly value: string;
  /** The same measure of the baseline in the same run, if there is one. */
  readonly baseline?: string;
  /** value ÷ baseline (or the comparison the target is stated in), formatted ("0.82×"). */
  readonly ratio?: string;
  /** The target, as the issue states it ("≥ 0.70×", "≤ 1 s"). */
  readonly target?: string;
  /** Whether the target is met; undefined when there is no target. */
  readonly met?: boolean;
  /** One line of context: how it was measured, or why a target is out of reach. */
  readonly note?: string;
}

export function formatRatio(value: number): string {
  return `${value.toFixed(2)}×`;
}

export function formatMs(ms: number): string {
  return ms >= 100 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

export function formatCount(n: number, unit = ''): string {
  return `${Math.round(n).toLocaleString('en-US')}${unit ? ` ${unit}` : ''}`;
}

/** The figures as Markdown tables, one per section, in the order sections first appear. */
export function markdownTables(figures: readonly Figure[]): string {
  const sections = [...new Set(figures.map((f) => f.section))];
  return sections
    .map((section) => {
      const rows = figures.filter((f) => f.section === section);
      const lines = [
        `### ${section}`,
        '',
        '| Measure | Value | Baseline | Ratio | Target | Met |',
        '| --- | --- | --- | --- | --- | --- |',
        ...rows.map(
          (f) =>
            `| ${f.name} | ${f.value} | ${f.baseline ?? ''} | ${f.ratio ?? ''} | ${f.target ?? ''} | ${f.met === undefined ? '' : f.met ? 'yes' : '**no**'} |`,
        ),
      ];
      const notes = rows.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
      return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
    })
    .join('\n\n');
}

/** The figures as plain-text tables for the terminal. */
export function textTables(figures: readonly Figure[]): string {
  const sections = [...new Set(figures.map((f) => f.section))];
  return sections
    .map((section) => {
      const rows = figures
        .filter((f) => f.section === section)
        .map((f) => [f.name, f.value, f.baseline ?? '', f.ratio ?? '', f.target ?? '', f.met === undefined ? '' : f.met ? 'yes' : 'NO']);
      const header = ['measure', 'value', 'baseline', 'ratio', 'target', 'met'];
      const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
      const line = (cells: string[]) =>
        cells
          .map((c, i) => c.padEnd(widths[i]!))
          .join('  ')
          .trimEnd();
      const notes = figures.filter((f) => f.section === section && f.note).map((f) => `  - ${f.name}: ${f.note}`);
      return [`== ${section}`, line(header), ...rows.map(line), ...(notes.length ? ['', ...notes] : [])].join('\n');
    })
    .join('\n\n');
}
