// Small helpers that keep user values inert inside the PR body's Markdown.

/** Inline code that survives backticks and table pipes in the value. */
export function code(value: string | number): string {
  const text = String(value).replace(/\|/g, '\\|');
  const fence = text.includes('`') ? '``' : '`';
  const pad = fence === '``' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export function table(
  header: [string, string],
  rows: Array<[string, string]>,
): string {
  return [
    `| ${header[0]} | ${header[1]} |`,
    '|---|---|',
    ...rows.map(([a, b]) => `| ${a} | ${b} |`),
  ].join('\n');
}

export function fenced(language: string, body: string): string {
  return [`\`\`\`${language}`, body, '```'].join('\n');
}

export function json(value: unknown): string {
  return fenced('json', JSON.stringify(value, null, 2));
}
