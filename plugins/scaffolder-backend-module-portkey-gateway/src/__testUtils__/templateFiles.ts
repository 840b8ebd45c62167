import fs from 'node:fs';
import path from 'node:path';
import { renderGatewayFiles } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import YAML from 'yaml';

/** templates/portkey-gateway: the template and its example answers, one per option. */
export const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../../../../templates/portkey-gateway',
);
export const EXAMPLES_DIR = path.join(TEMPLATE_DIR, 'examples');

export const template = YAML.parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

export const exampleFiles = fs
  .readdirSync(EXAMPLES_DIR)
  .filter(file => file.endsWith('.yaml'))
  .sort();

/** An example's answers, as the form would send them. */
export function readExample(file: string): Record<string, any> {
  return YAML.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8'));
}

/**
 * What the form's Preview renders for the answers: the form's sections (repoUrl dropped)
 * through renderGatewayFiles of the common package; answers it refuses fail the test.
 */
export function previewOf(answers: Record<string, unknown>) {
  const { repoUrl: _repoUrl, ...sections } = answers;
  const preview = renderGatewayFiles(sections);
  if (!preview.ok) throw new Error(JSON.stringify(preview));
  return preview;
}
