import type { KubernetesObject } from '@kubernetes/client-node';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

// This package runs from the repository's source (never built), so __dirname is stable.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../../..');

/**
 * `helm template <release> <chartDir> -n <namespace> -f <values>` of a real chart (helm from
 * scripts/helm.sh, a throwaway HOME), its objects parsed as Kubernetes reads Helm's output
 * (YAML 1.1). For the opt-in tests against the real Portkey chart (PORTKEY_CHART_DIR).
 */
export function helmTemplate(
  chartDir: string,
  release: string,
  namespace: string,
  valuesYaml: string,
): KubernetesObject[] {
  const helm = execFileSync(join(REPO_ROOT, 'scripts/helm.sh'), {
    encoding: 'utf8',
  }).trim();
  const home = mkdtempSync(join(tmpdir(), 'portkey-helm-template-'));
  try {
    writeFileSync(join(home, 'values.yaml'), valuesYaml);
    const out = execFileSync(
      helm,
      [
        'template',
        release,
        chartDir,
        '-n',
        namespace,
        '-f',
        join(home, 'values.yaml'),
      ],
      { encoding: 'utf8', env: { ...process.env, HOME: home } },
    );
    return parseAllDocuments(out, { version: '1.1' })
      .map(d => d.toJS())
      .filter(Boolean);
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}
