import { Readable } from 'node:stream';
import { LogLineSplitter } from './LogLineSplitter';

async function split(chunks: Array<string | Buffer>, maxLineBytes?: number) {
  const out: string[] = [];
  const splitter = new LogLineSplitter({ maxLineBytes });
  Readable.from(
    chunks.map(c => (typeof c === 'string' ? Buffer.from(c) : c)),
  ).pipe(splitter);
  for await (const line of splitter) out.push(line);
  return { out, received: splitter.receivedBytes };
}

describe('LogLineSplitter', () => {
  it('holds partial lines across chunks and redacts whole lines', async () => {
    const { out, received } = await split([
      'first line\nAuthorization: Bea',
      'rer secret-tok',
      'en-1 tail\r\nlast without newline password=p',
      'w1',
    ]);
    expect(out).toEqual([
      'first line',
      'Authorization: Bearer [REDACTED] tail',
      'last without newline password=[REDACTED]',
    ]);
    expect(out.join('\n')).not.toMatch(/secret-tok|pw1/);
    expect(received).toBe(87);
  });

  it('does not split a multi-byte character across chunks', async () => {
    const bytes = Buffer.from('héllo wörld\n');
    const { out } = await split([bytes.subarray(0, 2), bytes.subarray(2)]);
    expect(out).toEqual(['héllo wörld']);
  });

  it('cuts a line longer than the cap, redacts what is kept and drops the rest', async () => {
    const { out } = await split(
      [
        'x'.repeat(20),
        ' redis://:long-password-value@h next',
        'y'.repeat(1000),
        '\nshort\n',
      ],
      40,
    );
    expect(out).toEqual([
      `${'x'.repeat(
        20,
      )} redis://:[REDACTED] [line cut at 40 bytes, 1016 more bytes not shown]`,
      'short',
    ]);
  });
});
