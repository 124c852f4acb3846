// ANSI foreground colours cycled over the processes, so each one's lines stand out.
const PALETTE = [36, 33, 32, 35, 34, 96, 93, 92, 95, 94] as const;
const RESET = '\u001b[0m';

export type FormatLineOptions = {
  name: string;
  line: string;
  /** Width the name is padded to, so the lines align. */
  width: number;
  /** Index into the palette; undefined prints without colour (not a TTY, or NO_COLOR set). */
  color?: number;
};

/** `policy          | <line>`, the name coloured when a colour index is given. */
export function formatLine(options: FormatLineOptions): string {
  const { name, line, width, color } = options;
  const label = `${name.padEnd(width)} |`;
  if (color === undefined) return `${label} ${line}`;
  return `\u001b[${PALETTE[color % PALETTE.length]}m${label}${RESET} ${line}`;
}

/** Colour on when writing to a terminal and NO_COLOR is not set (https://no-color.org). */
export function useColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}
