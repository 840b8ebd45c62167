import { expect, Locator, Page } from '@playwright/test';
import { readYaml } from '../support';

// Fills the gateway template's form the way a user does: page by page, field by field, with
// clicks and typing. Which answer belongs on which page comes from the template itself (each
// page's top-level properties), and each field is found by the id react-jsonschema-form gives
// it (`root_<section>_<field>`), so the filler follows the template as it changes.

type Answers = Record<string, unknown>;

const TEMPLATE = 'templates/portkey-gateway/template.yaml';

/**
 * The template's pages in order: their titles, the answers' sections each one always asks,
 * and those it asks only after some choice (the IRSA service account beside "EKS IRSA").
 */
export function templatePages(): Array<{
  title: string;
  sections: string[];
  revealedSections: string[];
  schema: Schema;
}> {
  const template = readYaml(TEMPLATE);
  return template.spec.parameters.map((p: Schema) => {
    const sections = Object.keys(p.properties ?? {});
    const all = new Set(
      branches(p).flatMap(b => Object.keys(b.properties ?? {})),
    );
    return {
      title: p.title,
      sections,
      revealedSections: [...all].filter(k => !sections.includes(k)),
      schema: p,
    };
  });
}

type Schema = Record<string, any>;

/**
 * The choices of an enum field, wherever the page's schema declares it: in `properties`, or
 * in a `dependencies`/`oneOf`/`allOf`/`if-then` branch that the answers beside it select
 * (the `auth` of an Azure log store is not the `auth` of an S3 one).
 */
function enumOf(
  schema: Schema,
  path: string[],
  answers: unknown,
): unknown[] | undefined {
  const [head, ...rest] = path;
  const siblings = (answers ?? {}) as Record<string, unknown>;
  for (const node of branches(schema)) {
    if (!selectedBy(node, siblings)) continue;
    const property = node.properties?.[head];
    if (!property) continue;
    const found =
      rest.length === 0
        ? branches(property).find(b => Array.isArray(b.enum))?.enum
        : enumOf(property, rest, siblings[head]);
    if (found) return found;
  }
  return undefined;
}

/** Whether a branch's `const` (or one-value `enum`) properties agree with the answers. */
function selectedBy(branch: Schema, answers: Record<string, unknown>) {
  return Object.entries(branch.properties ?? {}).every(
    ([key, p]: [string, any]) => {
      const fixed =
        'const' in p ? [p.const] : p.enum?.length === 1 ? p.enum : undefined;
      return !fixed || !(key in answers) || fixed.includes(answers[key]);
    },
  );
}

function branches(schema: Schema): Schema[] {
  const nested = [
    ...Object.values(schema.dependencies ?? {}).flatMap((d: any) => [
      d,
      ...(d.oneOf ?? []),
    ]),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
    ...[schema.then, schema.else].filter(Boolean),
  ];
  return [schema, ...nested.flatMap(branches)];
}

/** The title of the form page shown (the stepper's active step). */
export const activePage = (page: Page) => page.locator('.MuiStepLabel-active');

/**
 * Types and clicks `answers` into the pages from the one shown up to (not including)
 * `stopBefore`, pressing Next after each. `repoUrl` is the Repository page's picker:
 * give it as `{ host, owner, repo }`.
 */
export async function fillGatewayForm(
  page: Page,
  answers: Answers,
  repo: { host: string; owner: string; repo: string },
  stopBefore = 'Preview',
) {
  for (const { title, sections, revealedSections, schema } of templatePages()) {
    if (title === stopBefore) break;
    await expect(activePage(page)).toHaveText(title);
    for (const section of sections) {
      if (section === 'repoUrl') await fillRepoUrl(page, repo);
      else if (section in answers)
        await fillValue(page, schema, [section], answers);
    }
    for (const section of revealedSections) {
      if (section in answers)
        await fillValue(page, schema, [section], answers, {
          onlyIfShown: true,
        });
    }
    await page.getByRole('button', { name: 'Next' }).click();
  }
  await expect(activePage(page)).toHaveText(stopBefore);
}

/** Fills the answer at `path` of `answers` (a section, or one field of it). */
async function fillValue(
  page: Page,
  schema: Schema,
  path: string[],
  answers: Answers,
  options: { onlyIfShown?: boolean } = {},
) {
  const value = path.reduce<any>((v, key) => v?.[key], answers);
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    // In answer order: a choice (store, mode, auth) comes before the fields it reveals.
    for (const key of Object.keys(value))
      await fillValue(page, schema, [...path, key], answers, options);
    return;
  }
  if (Array.isArray(value))
    throw new Error(`${path.join('.')}: lists are not filled by this helper`);
  const id = `root_${path.join('_')}`;
  if (options.onlyIfShown && !(await isShown(page, id))) return;
  await fillField(page, id, value, enumOf(schema, path, answers));
}

/** Whether a field that only some choices reveal is on the page (rendered within 2 s). */
async function isShown(page: Page, id: string) {
  return page
    .locator(`[id="${id}"]`)
    .waitFor({ state: 'visible', timeout: 2_000 })
    .then(
      () => true,
      () => false,
    );
}

async function fillField(
  page: Page,
  id: string,
  value: unknown,
  choices: unknown[] | undefined,
) {
  const field = page.locator(`[id="${id}"]`);
  await expect(field, `the form shows field ${id}`).toBeVisible();
  const kind = await field.evaluate(e => ({
    tag: e.tagName,
    type: e.getAttribute('type'),
    listbox: e.getAttribute('aria-haspopup') === 'listbox',
    autocomplete: e.getAttribute('aria-autocomplete') === 'list',
  }));
  if (kind.listbox) {
    // react-jsonschema-form's select names its options by their index in the enum.
    const index = choices?.indexOf(value) ?? -1;
    if (index < 0)
      throw new Error(`${id}: ${String(value)} is not one of ${choices}`);
    await field.click();
    await page.locator(`li[role="option"][data-value="${index}"]`).click();
    await expect(page.getByRole('listbox')).toHaveCount(0);
  } else if (kind.type === 'checkbox') {
    await field.setChecked(Boolean(value));
  } else if (kind.autocomplete) {
    await pickEntity(page, field, String(value));
  } else {
    await field.fill(String(value));
  }
}

/** The owner and system pickers: type the entity's name, then pick it from the list. */
async function pickEntity(page: Page, field: Locator, ref: string) {
  const name = ref.split('/').pop()!;
  await field.fill(name);
  await page.getByRole('option', { name, exact: true }).click();
  await expect(field).toHaveValue(new RegExp(name));
}

async function fillRepoUrl(
  page: Page,
  repo: { host: string; owner: string; repo: string },
) {
  const wanted = [repo.host, repo.owner, repo.repo];
  // Host, and owner and repository when the template limits them, are lists: with one
  // choice, already chosen (and disabled).
  for (const select of await page.locator('form select').all()) {
    const options = await select
      .locator('option')
      .evaluateAll(os => os.map(o => (o as HTMLOptionElement).value));
    const value = wanted.find(w => options.includes(w));
    if (!value) continue;
    if (await select.isEnabled()) await select.selectOption(value);
    await expect(select).toHaveValue(value);
  }
  // Otherwise free-text autocompletes, which take what was typed when they lose focus.
  for (const [name, value] of [
    ['Owner', repo.owner],
    ['Repository', repo.repo],
  ]) {
    const field = page.getByRole('textbox', { name, exact: true });
    if (!(await field.count())) continue;
    await field.fill(value);
    await field.press('Tab');
    await expect(field).toHaveValue(value);
  }
}
