import { startGithubStandIn } from '@portkey-gateway-backstage/github-stand-in';
import crypto from 'node:crypto';
import type { PortalGitServer } from './portalConfig';

/** The repository on the demo git server that the template's pull requests go to. */
export const DEMO_GITOPS = { owner: 'demo', repo: 'gitops' };

/**
 * Starts the demo's git server, the GitHub stand-in, with the GitOps repository in it, and
 * says where. Returns what the portal's config needs of it, its web address (for a reviewer's
 * or a test's own requests), and how to stop it. start.sh's demo and the e2e suite use it.
 */
export async function startDemoGitServer(
  stateDir: string,
  say: (message: string) => void,
): Promise<{ part: PortalGitServer; url: string; stop: () => Promise<void> }> {
  // A throwaway token: it is only in the git-ignored state dir's config (mode 0600).
  const token = crypto.randomBytes(24).toString('hex');
  const github = await startGithubStandIn({
    stateDir,
    token,
    repositories: [
      {
        owner: DEMO_GITOPS.owner,
        name: DEMO_GITOPS.repo,
        files: {
          'README.md':
            "# Demo GitOps repository\n\nThe Portkey gateway template's pull requests land here.\n",
        },
      },
    ],
    log: () => undefined, // a line per request would drown the portal's output
  });
  const { owner, repo } = DEMO_GITOPS;
  say(
    `git server (a GitHub stand-in, not GitHub) on ${github.url}: the template's pull ` +
      `requests go to ${owner}/${repo}; see them at ${github.url}/${owner}/${repo}/pulls ` +
      `(clone: git clone ${github.gitUrl(owner, repo)})`,
  );
  return {
    part: {
      host: github.host,
      apiBaseUrl: github.apiBaseUrl,
      token,
      ...DEMO_GITOPS,
    },
    url: github.url,
    stop: async () => {
      await github.stop();
      say('stopped the git server');
    },
  };
}
