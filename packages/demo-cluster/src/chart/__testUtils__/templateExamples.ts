import {
  renderGateway,
  RenderedGateway,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import YAML from 'yaml';

const examplesDir = resolve(
  __dirname,
  '../../../../../templates/portkey-gateway/examples',
);

/** The template's example answers, by file name. */
export const exampleFiles = (): string[] =>
  readdirSync(examplesDir)
    .filter(f => f.endsWith('.yaml'))
    .sort();

/** An example rendered by our renderer: the values.yaml a pull request would hold. */
export function renderExample(file: string): RenderedGateway {
  const { repoUrl: _, ...answers } = YAML.parse(
    readFileSync(join(examplesDir, file), 'utf8'),
  );
  const rendered = renderGateway(answers);
  if (!rendered.ok)
    throw new Error(`${file}: ${JSON.stringify(rendered.errors)}`);
  return rendered;
}
