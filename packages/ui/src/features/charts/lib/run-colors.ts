// A fixed palette so a run keeps its colour across every chart of a page.
const PALETTE = [
  '#1f77b4',
  '#ff7f0e',
  '#2ca02c',
  '#d62728',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#7f7f7f',
];

/** The colour of the run at `index` in the page's run list. */
export function runColor(index: number): string {
  return PALETTE[index % PALETTE.length] as string;
}
