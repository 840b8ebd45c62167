import { testCluster } from './testCluster';

/*
 * itLocalOnly(reason)(name, fn) is `it`, or against a real cluster `it.skip` with the reason in
 * the test's name (jest has no skip reasons), for checks that need what only the stub kubelet
 * gives: canned files, its request log. ESLint's jest rules cannot see that it is `it`.
 */
// eslint-disable-next-line jest/no-export -- a helper for test files, not a test file
export function itLocalOnly(reason: string): jest.It {
  if (!testCluster().real) return it;
  return ((name: string, fn?: jest.ProvidesCallback, timeout?: number) =>
    // eslint-disable-next-line jest/no-disabled-tests, jest/expect-expect -- skipped, saying why
    it.skip(
      `${name} [skipped against a real cluster: ${reason}]`,
      fn,
      timeout,
    )) as jest.It;
}
