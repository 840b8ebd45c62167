/*
 * GitHub's custom media types, as far as the stand-in serves them: the contents API answers a
 * file's bytes for `application/vnd.github.raw` (also spelled `.v3.raw`, with or without
 * `+json`), JSON otherwise. https://docs.github.com/rest/using-the-rest-api/media-types
 */

const RAW = /application\/vnd\.github(?:\.v3)?\.raw(\+json)?(?![\w.+-])/i;

export type ContentMediaType = { raw: false } | { raw: true; json: boolean };

export function contentMediaType(accept: string | undefined): ContentMediaType {
  const match = RAW.exec(accept ?? '');
  return match ? { raw: true, json: match[1] !== undefined } : { raw: false };
}

/** The X-GitHub-Media-Type header GitHub answers a raw request with. */
export function rawMediaTypeHeader(type: { json: boolean }): string {
  return type.json
    ? 'github.v3; param=raw; format=json'
    : 'github.v3; param=raw';
}

/** A strong ETag for a git object: its SHA, quoted. */
export function objectEtag(sha: string): string {
  return `"${sha}"`;
}

/**
 * Whether If-None-Match names `etag` (or is `*`): a list of entity tags, weak ones (`W/"…"`)
 * compared weakly, as RFC 9110 has it for GET.
 */
export function ifNoneMatchHits(
  header: string | undefined,
  etag: string,
): boolean {
  if (!header) return false;
  return header
    .split(',')
    .map(tag => tag.trim().replace(/^W\//, ''))
    .some(tag => tag === '*' || tag === etag);
}
