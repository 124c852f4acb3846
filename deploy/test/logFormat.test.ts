import { describe, expect, it } from 'vitest';
import { formatLine, useColor } from '../src/logFormat.ts';

describe('formatLine', () => {
  it('pads the name so lines align', () => {
    expect(formatLine({ name: 'nats', line: 'ready', width: 8 })).toBe('nats     | ready');
  });

  it('colours the label only, cycling through the palette', () => {
    const line = formatLine({ name: 'policy', line: 'up', width: 6, color: 0 });
    expect(line).toBe('\u001b[36mpolicy |\u001b[0m up');
    expect(formatLine({ name: 'x', line: '', width: 1, color: 10 })).toBe(
      formatLine({ name: 'x', line: '', width: 1, color: 0 }),
    );
  });
});

describe('useColor', () => {
  it('is on for a terminal unless NO_COLOR is set', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: false }, {})).toBe(false);
  });
});
