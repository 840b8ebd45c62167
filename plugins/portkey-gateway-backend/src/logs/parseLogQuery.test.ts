import { parseLogQuery } from './parseLogQuery';

describe('parseLogQuery', () => {
  it('has defaults: the gateway container, the last 500 lines, not followed', () => {
    expect(parseLogQuery({})).toEqual({
      container: 'gateway',
      tailLines: 500,
      sinceSeconds: undefined,
      previous: false,
      timestamps: false,
      follow: false,
    });
  });

  it('reads every parameter', () => {
    expect(
      parseLogQuery({
        container: 'dataservice',
        tailLines: '10000',
        sinceSeconds: '60',
        previous: 'false',
        timestamps: 'true',
        follow: '1',
      }),
    ).toEqual({
      container: 'dataservice',
      tailLines: 10000,
      sinceSeconds: 60,
      previous: false,
      timestamps: true,
      follow: true,
    });
    expect(parseLogQuery({ previous: 'true' }).previous).toBe(true);
  });

  it.each([
    [
      { tailLines: '0' },
      'tailLines must be a whole number from 1 to 10000, got "0"',
    ],
    [
      { tailLines: '10001' },
      'tailLines must be a whole number from 1 to 10000, got "10001"',
    ],
    [
      { tailLines: '-5' },
      'tailLines must be a whole number from 1 to 10000, got "-5"',
    ],
    [
      { tailLines: '1e3' },
      'tailLines must be a whole number from 1 to 10000, got "1e3"',
    ],
    [
      { tailLines: ['1', '2'] },
      'tailLines must be given once, as a single value',
    ],
    [
      { sinceSeconds: 'soon' },
      'sinceSeconds must be a whole number from 1 to 2592000, got "soon"',
    ],
    [
      { sinceSeconds: '2592001' },
      'sinceSeconds must be a whole number from 1 to 2592000, got "2592001"',
    ],
    [{ previous: 'yes' }, 'previous must be "true" or "false", got "yes"'],
    [{ timestamps: '' }, 'timestamps must be "true" or "false", got ""'],
    [{ follow: 'TRUE' }, 'follow must be "true" or "false", got "TRUE"'],
    [
      { container: 'Gateway' },
      'container must be a container name (lowercase letters, digits and "-", at most 63), got "Gateway"',
    ],
    [
      { container: '../x' },
      'container must be a container name (lowercase letters, digits and "-", at most 63), got "../x"',
    ],
    [{ container: 'a'.repeat(64) }, 'container must be a container name'],
    [
      { tail: '5' },
      'Unknown query parameter "tail" (allowed: container, tailLines, sinceSeconds, previous, timestamps, follow)',
    ],
    [
      { previous: 'true', follow: 'true' },
      'previous and follow cannot be combined',
    ],
  ])('refuses %j', (query, message) => {
    expect(() => parseLogQuery(query)).toThrow(message);
    expect(() => parseLogQuery(query)).toThrow(
      expect.objectContaining({ name: 'InputError' }),
    );
  });
});
