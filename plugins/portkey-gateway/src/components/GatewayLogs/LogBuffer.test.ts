import {
  appendLogLines,
  displayText,
  emptyLogBuffer,
  lastTimestampMs,
  markResume,
  parseLogLine,
  timestampKey,
} from './LogBuffer';

const texts = (state: ReturnType<typeof emptyLogBuffer>) =>
  state.lines.map(line => line.text);

describe('LogBuffer', () => {
  it('splits the Kubernetes timestamp off and drops ANSI colours', () => {
    expect(
      parseLogLine(
        '2026-12-01T09:00:00.123456789Z \u001b[31mfailed\u001b[0m ok',
      ),
    ).toEqual({
      timestamp: '2026-12-01T09:00:00.123456789Z',
      text: 'failed ok',
    });
    expect(parseLogLine('no timestamp here')).toEqual({
      text: 'no timestamp here',
    });
  });

  it('orders timestamps whose fractions Go shortened', () => {
    expect(
      timestampKey('2026-12-01T09:00:05.1Z') >
        timestampKey('2026-12-01T09:00:05.12Z'),
    ).toBe(false);
    expect(
      timestampKey('2026-12-01T09:00:05Z') <
        timestampKey('2026-12-01T09:00:05.000000001Z'),
    ).toBe(true);
  });

  it('appends with consecutive ids and counts redacted lines', () => {
    const state = appendLogLines(
      emptyLogBuffer(),
      ['a', 'token [REDACTED]', 'c'],
      100,
    );
    expect(state.lines.map(line => line.id)).toEqual([1, 2, 3]);
    expect(state.redactedLineCount).toBe(1);
    expect(state.nextId).toBe(4);
  });

  it('drops the oldest lines beyond the cap and counts them', () => {
    let state = appendLogLines(emptyLogBuffer(), ['[REDACTED] 1', '2', '3'], 3);
    state = appendLogLines(state, ['4', '5'], 3);
    expect(texts(state)).toEqual(['3', '4', '5']);
    expect(state.droppedCount).toBe(2);
    expect(state.redactedLineCount).toBe(0);
    expect(state.lines[0].id).toBe(3);
  });

  it('keeps only the newest lines of a batch larger than the cap', () => {
    const batch = Array.from({ length: 10 }, (_, i) => `line ${i}`);
    const state = appendLogLines(emptyLogBuffer(), batch, 4);
    expect(texts(state)).toEqual(['line 6', 'line 7', 'line 8', 'line 9']);
    expect(state.droppedCount).toBe(6);
  });

  it('drops what a resumed stream repeats, by timestamp and text at the same instant', () => {
    let state = appendLogLines(
      emptyLogBuffer(),
      [
        '2026-12-01T09:00:01Z one',
        '2026-12-01T09:00:02.5Z two',
        '2026-12-01T09:00:02.5Z two bis',
      ],
      100,
    );
    state = markResume(state);
    state = appendLogLines(
      state,
      [
        '2026-12-01T09:00:00Z zero',
        '2026-12-01T09:00:01Z one',
        '2026-12-01T09:00:02.50Z two',
      ],
      100,
    );
    // Still resuming: a later batch may carry the rest of the overlap.
    expect(state.resumeAfter).toBeDefined();
    state = appendLogLines(
      state,
      [
        '2026-12-01T09:00:02.5Z two bis',
        '2026-12-01T09:00:02.5Z two ter',
        '2026-12-01T09:00:03Z three',
      ],
      100,
    );
    expect(texts(state)).toEqual(['one', 'two', 'two bis', 'two ter', 'three']);
    expect(state.resumeAfter).toBeUndefined();
    // Once past the overlap, an older timestamp (clock skew between pods) is kept.
    state = appendLogLines(state, ['2026-12-01T09:00:00Z late'], 100);
    expect(texts(state)).toContain('late');
  });

  it('keeps everything a resume brings when nothing timestamped was shown', () => {
    const state = markResume(appendLogLines(emptyLogBuffer(), ['plain'], 10));
    expect(state.resumeAfter).toBeUndefined();
  });

  it('tells the time of the last line and shows timestamps only on request', () => {
    const state = appendLogLines(
      emptyLogBuffer(),
      ['2026-12-01T09:00:01.5Z one', 'no time'],
      10,
    );
    expect(lastTimestampMs(state)).toBe(Date.parse('2026-12-01T09:00:01.5Z'));
    expect(displayText(state.lines[0], true)).toBe(
      '2026-12-01T09:00:01.5Z one',
    );
    expect(displayText(state.lines[0], false)).toBe('one');
  });
});
