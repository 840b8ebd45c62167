import {
  GATEWAY_INPUT_SECTIONS,
  validateGatewayInput,
} from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import { PageFields } from './pageFields';

/** A page the user has reached, in the order of the form. */
export type VisitedPage = { key: string; fields: PageFields };

/**
 * What the rules field keeps in the form: the pages reached so far, up to the current one
 * (the last). Only field names, never an answer.
 */
export type GatewayRulesValue = { pages: VisitedPage[] };

/** One problem the model finds, placed on the page that asks for its field. */
export type PageProblem = {
  field: string;
  message: string;
  /** The field's title on that page. */
  title: string;
  /** true when the field is on the current page, false when on an earlier one. */
  onThisPage: boolean;
};

/** The answers the action gets: the model's sections, as the template's render step passes them. */
export function actionInput(
  formData: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const section of GATEWAY_INPUT_SECTIONS) {
    if (formData?.[section] !== undefined) input[section] = formData[section];
  }
  return input;
}

/** The page (index) showing a field: the current page if it does, else the last earlier one. */
function pageOf(
  field: string,
  pages: VisitedPage[],
): { index: number; title: string } | undefined {
  const candidates = [field];
  for (let i = field.lastIndexOf('.'); i > 0; i = field.lastIndexOf('.', i - 1))
    candidates.push(field.slice(0, i));
  for (const candidate of candidates) {
    for (let index = pages.length - 1; index >= 0; index--) {
      const title = pages[index].fields[candidate];
      if (title !== undefined) return { index, title };
    }
  }
  return undefined;
}

/**
 * Runs the gateway model on the answers so far and keeps the problems with fields on the pages
 * reached (the current one and those before it): the rest belong to pages not answered yet.
 */
export function pageProblems(
  formData: Record<string, unknown> | undefined,
  pages: VisitedPage[],
): PageProblem[] {
  if (pages.length === 0) return [];
  const validation = validateGatewayInput(actionInput(formData));
  if (validation.ok) return [];
  const problems: PageProblem[] = [];
  for (const error of validation.errors) {
    const page = pageOf(error.field, pages);
    if (!page) continue;
    problems.push({
      ...error,
      title: page.title,
      onThisPage: page.index === pages.length - 1,
    });
  }
  return problems;
}

/** One line for the form's error list: the title, the model's field and its message. */
export function formatPageProblem(problem: PageProblem): string {
  return `${problem.title} (${problem.field}${
    problem.onThisPage ? '' : ', on an earlier page'
  }): ${problem.message}`;
}

/** The pages reached, with `page` as the current one (pages after it are dropped). */
export function visitPage(
  value: GatewayRulesValue | undefined,
  page: VisitedPage,
): GatewayRulesValue {
  const pages = Array.isArray(value?.pages) ? value!.pages : [];
  const index = pages.findIndex(p => p.key === page.key);
  return {
    pages: [...(index === -1 ? pages : pages.slice(0, index)), page],
  };
}
