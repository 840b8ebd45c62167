import { Router } from 'express';
import { asyncRoute } from '../api/asyncRoute';
import { pullShas, type StandInContext } from '../api/StandInContext';
import type { StoredPullRequest } from '../pulls/PullRequestStore';
import { isValidName } from '../git/GitStore';
import { escapeHtml, page, renderDiff, renderMarkdown } from './html';

/** A pull request's state as GitHub's pages show it: Open, Closed or Merged. */
function stateBadge(pull: StoredPullRequest): string {
  const state = pull.merge ? 'merged' : pull.state;
  const label = { open: 'Open', closed: 'Closed', merged: 'Merged' }[state];
  return `<span class="state ${state}">${label}</span>`;
}

/** "wants to merge a into b at x", or, once merged, who merged it and into which commit. */
function mergeSentence(pull: StoredPullRequest, headSha: string): string {
  const head = `<span class="branch">${escapeHtml(pull.head)}</span>`;
  const base = `<span class="branch">${escapeHtml(pull.base)}</span>`;
  if (!pull.merge)
    return `wants to merge ${head} into ${base} at <code>${headSha.slice(
      0,
      7,
    )}</code>`;
  const how = pull.merge.method === 'squash' ? 'squashed and merged' : 'merged';
  return `${escapeHtml(
    pull.merge.by,
  )} ${how} ${head} into ${base} as <code>${pull.merge.commitSha.slice(
    0,
    7,
  )}</code> on ${escapeHtml(pull.merge.at)}`;
}

/** Pages for people: the repositories, a repository's pull requests, one pull request. */
export function webRoutes(context: StandInContext): Router {
  const router = Router();
  const { git, pulls } = context;

  const notFoundPage = (what: string) =>
    page('Not found', `<h1>Not found</h1><p>${escapeHtml(what)}</p>`);

  router.get(
    '/',
    asyncRoute(async (_req, res) => {
      const repos = await git.listRepositories();
      const items = repos
        .map(({ owner, name }) => {
          const full = `${owner}/${name}`;
          return `<li><a href="/${encodeURIComponent(
            owner,
          )}/${encodeURIComponent(name)}/pulls">${escapeHtml(
            full,
          )}</a> <code>${escapeHtml(
            `${context.urls.web}/${full}.git`,
          )}</code></li>`;
        })
        .join('\n');
      res
        .type('html')
        .send(
          page(
            'Repositories',
            `<h1>Repositories</h1>${
              items
                ? `<ul class="list">${items}</ul>`
                : '<p>No repositories yet.</p>'
            }`,
          ),
        );
    }),
  );

  router.get(
    '/:owner/:repo/pulls',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      if (
        !isValidName(owner) ||
        !isValidName(repo) ||
        !(await git.exists(owner, repo))
      ) {
        res
          .status(404)
          .type('html')
          .send(notFoundPage(`No repository ${owner}/${repo}.`));
        return;
      }
      const list = (await pulls.list(owner, repo)).sort(
        (a, b) => b.number - a.number,
      );
      const items = list
        .map(
          p =>
            `<li>${stateBadge(p)} <a href="/${owner}/${repo}/pull/${
              p.number
            }">#${p.number} ${escapeHtml(
              p.title,
            )}</a> <span class="branch">${escapeHtml(
              p.head,
            )}</span> → <span class="branch">${escapeHtml(p.base)}</span></li>`,
        )
        .join('\n');
      res
        .type('html')
        .send(
          page(
            `Pull requests · ${owner}/${repo}`,
            `<h1>${escapeHtml(`${owner}/${repo}`)}: pull requests</h1>${
              items
                ? `<ul class="list">${items}</ul>`
                : '<p>No pull requests yet.</p>'
            }`,
          ),
        );
    }),
  );

  router.get(
    '/:owner/:repo/pull/:number',
    asyncRoute(async (req, res) => {
      const { owner, repo } = req.params;
      const number = Number(req.params.number);
      const pull =
        isValidName(owner) &&
        isValidName(repo) &&
        (await git.exists(owner, repo)) &&
        Number.isInteger(number)
          ? await pulls.get(owner, repo, number)
          : undefined;
      if (!pull) {
        res
          .status(404)
          .type('html')
          .send(
            notFoundPage(
              `No pull request #${req.params.number} in ${owner}/${repo}.`,
            ),
          );
        return;
      }
      const { headSha, baseSha } = await pullShas(git, owner, repo, pull);
      const files = await git.changedFiles(owner, repo, baseSha, headSha);
      const fileSections = files
        .map(
          f =>
            `<section class="file"><h3>${escapeHtml(f.filename)} <small>(${
              f.status
            }, +${f.additions} −${f.deletions})</small></h3>${renderDiff(
              f.patch,
            )}</section>`,
        )
        .join('\n');
      res.type('html').send(
        page(
          `${pull.title} · Pull request #${pull.number} · ${owner}/${repo}`,
          `<p><a href="/${owner}/${repo}/pulls">${escapeHtml(
            `${owner}/${repo}`,
          )}</a></p>
<h1>${escapeHtml(pull.title)} <small>#${pull.number}</small></h1>
<p>${stateBadge(pull)}
${mergeSentence(pull, headSha)}</p>
<div class="body">${
            pull.body
              ? renderMarkdown(pull.body)
              : '<p><em>No description provided.</em></p>'
          }</div>
<h2>Files changed (${files.length})</h2>
${fileSections || '<p>No changes.</p>'}`,
        ),
      );
    }),
  );

  return router;
}
