/**
 * A stand-in for GitHub (not GitHub): real git repositories over smart HTTP, the subset of
 * GitHub's REST API that Backstage's `publish:github:pull-request` uses, and web pages for
 * the pull requests it opens. See README.md.
 */
export { startGithubStandIn } from './server';
export type {
  ApiExchange,
  GithubStandIn,
  GithubStandInOptions,
  PullRequestSummary,
  SeedRepository,
} from './server';
