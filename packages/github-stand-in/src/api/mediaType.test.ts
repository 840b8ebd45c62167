import { contentMediaType, ifNoneMatchHits } from './mediaType';

describe('media types and ETags', () => {
  it.each([
    ['application/vnd.github.v3.raw', { raw: true, json: false }],
    ['application/vnd.github.raw', { raw: true, json: false }],
    ['application/vnd.github.raw+json', { raw: true, json: true }],
    ['application/vnd.github.v3.raw+json', { raw: true, json: true }],
    ['text/html, application/vnd.github.raw', { raw: true, json: false }],
    ['application/vnd.github+json', { raw: false }],
    ['application/json', { raw: false }],
    ['application/vnd.github.v3.rawish', { raw: false }],
    [undefined, { raw: false }],
  ])('Accept %s', (accept, expected) => {
    expect(contentMediaType(accept)).toEqual(expected);
  });

  it('matches If-None-Match lists, weak tags and *, and nothing else', () => {
    const etag = '"3b18e512dba79e4c8300dd08aeb37f8e728b8dad"';
    expect(ifNoneMatchHits(etag, etag)).toBe(true);
    expect(ifNoneMatchHits(`"other", W/${etag}`, etag)).toBe(true);
    expect(ifNoneMatchHits('*', etag)).toBe(true);
    expect(ifNoneMatchHits('"other"', etag)).toBe(false);
    expect(ifNoneMatchHits(etag.replace(/"/g, ''), etag)).toBe(false);
    expect(ifNoneMatchHits(undefined, etag)).toBe(false);
  });
});
