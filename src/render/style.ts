// Styling hooks for text output. Renderers ask for meaning (good, bad, heading); the CLI decides
// whether that becomes colour. The plain style is the default, so nothing here loads chalk.

export interface Style {
  heading(text: string): string;
  good(text: string): string;
  bad(text: string): string;
  dim(text: string): string;
}

export const plainStyle: Style = {
  heading: (t) => t,
  good: (t) => t,
  bad: (t) => t,
  dim: (t) => t,
};

export interface TextContext {
  style: Style;
  /** Columns available; 80 when not a terminal. */
  width: number;
  unit: import('./format.js').DisplayUnit;
  /** A person at a terminal reads the result (not a pipe or a file): charts appear by default. */
  interactive: boolean;
}

export const defaultTextContext: TextContext = { style: plainStyle, width: 80, unit: 'auto', interactive: false };
