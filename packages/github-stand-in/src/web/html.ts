import MarkdownIt from 'markdown-it';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

// html: false: a pull request's body is user input, so raw HTML in it is shown as text.
// markdown-it also refuses javascript: and similar link targets by default.
const markdown = new MarkdownIt({ html: false, linkify: true });

export function renderMarkdown(source: string): string {
  return markdown.render(source);
}

const STYLE = `
body { font-family: system-ui, sans-serif; margin: 0; color: #1f2328; }
header { background: #24292f; color: #fff; padding: 12px 24px; }
header a { color: #fff; text-decoration: none; font-weight: 600; }
header .note { color: #c9d1d9; font-size: 13px; margin-left: 12px; }
main { max-width: 980px; margin: 24px auto; padding: 0 16px; }
a { color: #0969da; }
.state { display: inline-block; border-radius: 2em; padding: 2px 12px; color: #fff; font-size: 14px; }
.state.open { background: #1f883d; } .state.closed { background: #cf222e; } .state.merged { background: #8250df; }
.branch { font-family: ui-monospace, monospace; background: #ddf4ff; padding: 1px 6px; border-radius: 6px; }
.body { border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 16px; margin: 16px 0; }
.body table { border-collapse: collapse; } .body td, .body th { border: 1px solid #d0d7de; padding: 4px 10px; }
.file { border: 1px solid #d0d7de; border-radius: 6px; margin: 16px 0; overflow: hidden; }
.file h3 { margin: 0; padding: 8px 12px; background: #f6f8fa; font-size: 14px; font-family: ui-monospace, monospace; }
pre.diff { margin: 0; padding: 8px 0; font-size: 12px; overflow-x: auto; }
pre.diff span { display: block; padding: 0 12px; }
.add { background: #dafbe1; } .del { background: #ffebe9; } .hunk { color: #57606a; background: #ddf4ff; }
ul.list li { margin: 6px 0; }
`;

/** A whole page; `title` is text, `content` is HTML the caller has escaped. */
export function page(title: string, content: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">GitHub stand-in</a><span class="note">not GitHub: a local test server with real git repositories</span></header>
<main>
${content}
</main>
</body>
</html>
`;
}

function diffLineKind(line: string): 'add' | 'del' | 'hunk' | 'ctx' {
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('-')) return 'del';
  if (line.startsWith('@@')) return 'hunk';
  return 'ctx';
}

/** A unified diff, escaped line by line, with added/removed/hunk lines marked. */
export function renderDiff(patch: string): string {
  const lines = patch.split('\n').map(line => {
    const kind = diffLineKind(line);
    return `<span class="${kind}">${escapeHtml(line) || ' '}</span>`;
  });
  return `<pre class="diff">${lines.join('')}</pre>`;
}
