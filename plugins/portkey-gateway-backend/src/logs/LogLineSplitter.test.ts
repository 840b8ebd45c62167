import { LineSplitter, LogTextSplitter } from './LogLineSplitter';

async function split(chunks: Array<string | Buffer>, maxLineBytes?: number) {
  const splitter = new LineSplitter({ maxLineBytes });
  const out = [
    ...chunks.flatMap(c =>
      splitter.write(typeof c === 'string' ? Buffer.from(c) : c),
    ),
    ...splitter.end(),
  ];
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

  it('sends the text form exactly as the lines, however the bytes are chunked', () => {
    const lines = [
      'plain line without anything',
      'GET /v1 Authorization: Bearer tok-1 done',
      'crlf line\r',
      'mid\rcarriage return',
      'héllo wörld ✓ 😀 multi-byte',
      `${'y'.repeat(70)} long line with password=pw-2 in it`,
      `${'z'.repeat(100)} long line, nothing to redact`,
      '',
      'AKIAIOSFODNN7EXAMPLE in a line',
      'redis://:pw-3@redis:6379',
      '{"user":"bob","password":"pw-4"}',
      'tail line',
    ];
    const bytes = Buffer.concat([
      Buffer.from(lines.join('\n')),
      Buffer.from([0x0a, 0x62, 0xff, 0xc3, 0x0a]), // invalid UTF-8
      Buffer.from('sk-abcdefghijklmnopqrstuvwxyz\nlast, no newline'),
    ]);
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      const chunks: Buffer[] = [];
      for (let pos = 0; pos < bytes.length; ) {
        const size =
          round === 0 ? bytes.length : 1 + random(round % 2 ? 8 : 90);
        chunks.push(bytes.subarray(pos, pos + size));
        pos += size;
      }
      const expected = new LineSplitter({ maxLineBytes: 64 });
      const wanted = [
        ...chunks.flatMap(c => expected.write(c)),
        ...expected.end(),
      ];
      const text = new LogTextSplitter({ maxLineBytes: 64 });
      const got = Buffer.concat([
        ...chunks.flatMap(c => text.write(c)),
        ...text.end(),
      ]);
      expect(got.toString('latin1')).toBe(
        Buffer.from(wanted.map(l => `${l}\n`).join('')).toString('latin1'),
      );
      expect(text.receivedBytes).toBe(bytes.length);
    }
  });

  it('passes whole lines without secrets on as the bytes received', () => {
    const text = new LogTextSplitter();
    const chunk = Buffer.from('one\ntwo\nthree token=x\nfour\nfi');
    const pieces = text.write(chunk);
    expect(Buffer.concat(pieces).toString()).toBe(
      'one\ntwo\nthree token=[REDACTED]\nfour\n',
    );
    // "one\ntwo\n" and "four\n" are views of the chunk, not copies.
    expect(pieces[0].buffer).toBe(chunk.buffer);
    expect(pieces.at(-1)!.buffer).toBe(chunk.buffer);
    expect(Buffer.concat(text.end()).toString()).toBe('fi\n');
  });
});
