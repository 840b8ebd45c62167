import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import {
  GATEWAY_TEMPLATE,
  writeTemplateForGitServer,
} from './templateForGitServer';

describe('writeTemplateForGitServer', () => {
  it('offers only the git server on the Repository page and changes nothing else', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'template-'));
    const file = writeTemplateForGitServer(dir, {
      host: '127.0.0.1:7010',
      owner: 'acme',
      repo: 'gitops',
    });
    const original = parse(fs.readFileSync(GATEWAY_TEMPLATE, 'utf8'));
    const written = parse(fs.readFileSync(file, 'utf8'));

    const repoPage = (t: any) =>
      t.spec.parameters.find((p: any) => p.properties?.repoUrl);
    expect(repoPage(written).properties.repoUrl['ui:options']).toEqual({
      allowedHosts: ['127.0.0.1:7010'],
      allowedOwners: ['acme'],
      allowedRepos: ['gitops'],
    });
    expect(repoPage(original).properties.repoUrl['ui:options']).toEqual({
      allowedHosts: ['github.com'],
    });
    expect(written.metadata.description).toContain(
      'acme/gitops on the local git server 127.0.0.1:7010',
    );

    // Everything else is the product's template, byte for byte once parsed.
    delete repoPage(written).properties.repoUrl['ui:options'];
    delete repoPage(original).properties.repoUrl['ui:options'];
    delete written.metadata.description;
    delete original.metadata.description;
    expect(written).toEqual(original);
  });
});
