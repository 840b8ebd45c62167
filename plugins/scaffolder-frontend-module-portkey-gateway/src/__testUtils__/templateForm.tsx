import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { Stepper } from '@backstage/plugin-scaffolder-react/alpha';
import type { TemplateParameterSchema } from '@backstage/plugin-scaffolder-react';
import type { JsonValue } from '@backstage/types';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  gatewayDestinationFieldOptions,
  gatewayPreviewFieldOptions,
  gatewayRulesFieldOptions,
} from '../fields';

// The real template's form in a test app: templates/portkey-gateway/template.yaml's pages,
// turned into the manifest the scaffolder backend serves, rendered by the scaffolder's own
// Stepper with this module's fields registered.

export const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../../../../templates/portkey-gateway',
);

export const template = YAML.parse(
  fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
);

export const EXAMPLE_FILES = fs
  .readdirSync(path.join(TEMPLATE_DIR, 'examples'))
  .filter(file => file.endsWith('.yaml'))
  .sort();

export function example(file: string): Record<string, any> {
  return YAML.parse(
    fs.readFileSync(path.join(TEMPLATE_DIR, 'examples', file), 'utf8'),
  );
}

/** What GET /v2/templates/:namespace/:kind/:name/parameter-schema returns for the template. */
export function templateManifest(): TemplateParameterSchema {
  return {
    title: template.metadata.title,
    description: template.metadata.description,
    steps: template.spec.parameters.map((schema: any) => ({
      title: schema.title,
      description: schema.description,
      schema: structuredClone(schema),
    })),
  } as TemplateParameterSchema;
}

export const PAGE_TITLES: string[] = template.spec.parameters.map(
  (p: any) => p.title,
);

export async function renderTemplateForm(
  initialState?: Record<string, JsonValue>,
) {
  const onCreate = jest.fn(async () => {});
  renderInTestApp(
    <Stepper
      manifest={templateManifest()}
      extensions={[
        gatewayRulesFieldOptions,
        gatewayPreviewFieldOptions,
        gatewayDestinationFieldOptions,
      ]}
      initialState={initialState}
      onCreate={onCreate}
    />,
  );
  await screen.findByRole('button', { name: /^(Next|Review)$/ });
  return { onCreate };
}

/** The title of the page the form shows (the active step). */
export function currentPage(): string {
  const active = document.querySelector('.MuiStepLabel-active');
  return active?.textContent ?? '';
}

export async function pressNext() {
  const before = currentPage();
  await userEvent.click(
    screen.getByRole('button', { name: /^(Next|Review)$/ }),
  );
  // Validation is async: wait until the page changed or the form settled on errors.
  await waitFor(() =>
    expect(
      currentPage() !== before ||
        document.querySelector('.MuiLinearProgress-root') === null,
    ).toBe(true),
  );
  await new Promise(resolve => setTimeout(resolve, 0));
}

/** Next until the form stops (or reaches the review); returns the page it stopped on. */
export async function nextUntilStopped(limit = PAGE_TITLES.length + 1) {
  for (let i = 0; i < limit; i++) {
    const before = currentPage();
    if (before === 'Review') return before;
    await pressNext();
    if (currentPage() === before) return before;
  }
  return currentPage();
}

/** Next until the form shows `page` (it must get there without being stopped). */
export async function goTo(page: string) {
  for (let i = 0; i <= PAGE_TITLES.length; i++) {
    if (currentPage() === page) return;
    const before = currentPage();
    await pressNext();
    if (currentPage() === before)
      throw new Error(
        `stopped on "${before}" before "${page}": ${
          document.querySelector('form')?.textContent
        }`,
      );
  }
  throw new Error(`never reached "${page}"`);
}

/** Picks an option of a select (an enum) by the field's label and the option's text. */
export async function choose(label: RegExp, option: string | RegExp) {
  const button = screen.getByRole('button', { name: label });
  fireEvent.mouseDown(button);
  const listbox = await screen.findByRole('listbox');
  await userEvent.click(within(listbox).getByRole('option', { name: option }));
}

export async function type(label: RegExp, text: string) {
  const input =
    screen.queryByRole('textbox', { name: label }) ??
    screen.getByRole('spinbutton', { name: label });
  await userEvent.clear(input);
  if (text) await userEvent.type(input, text);
}

export async function check(label: RegExp) {
  await userEvent.click(screen.getByRole('checkbox', { name: label }));
}

/** The model's message as the page shows it (the rules panel). */
export function rulesPanel() {
  return screen.queryByTestId('portkey-gateway-rules');
}
