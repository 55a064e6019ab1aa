/** A4 portrait with a binding margin: the panel files the printed sheets on the left edge. */
export const MM = 72 / 25.4;
export const PAGE = { width: 595.28, height: 841.89 } as const;
export const MARGIN = { left: 25 * MM, right: 15 * MM, top: 14 * MM, bottom: 18 * MM } as const;
export const CONTENT = {
  x: MARGIN.left,
  y: MARGIN.top,
  width: PAGE.width - MARGIN.left - MARGIN.right,
  bottom: PAGE.height - MARGIN.bottom,
} as const;
/** Vertical space between two segments of a flowing section. */
export const GAP = 12;

export const COLOR = {
  text: '#1d2430',
  muted: '#5f6b7a',
  rule: '#c5ccd6',
  headerFill: '#2b4a6f',
  headerText: '#ffffff',
  zebra: '#f2f5f9',
  highlight: '#fde9c4',
  bar: '#2e5c8a',
  median: '#a9b4c2',
  error: '#b42318',
  warning: '#a15c07',
  info: '#3e6d9c',
  box: '#8a96a6',
} as const;
