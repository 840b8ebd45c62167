import userEvent from '@testing-library/user-event';

export type KeyboardUser = ReturnType<typeof userEvent.setup>;

/** What the focused control is called, as a screen reader would name it. */
export function focusedName(): string {
  const focused = document.activeElement as HTMLElement;
  const labelledBy = focused.getAttribute('aria-labelledby');
  if (labelledBy) {
    return labelledBy
      .split(' ')
      .map(id => document.getElementById(id)?.textContent ?? '')
      .join(' ');
  }
  return (
    focused.getAttribute('aria-label') ??
    focused.closest('label')?.textContent ??
    focused.textContent ??
    ''
  );
}

/**
 * react-aria marks a control focused from the keyboard (not by a click) with
 * data-focus-visible, on the control or on the label of a switch; Backstage UI's styles
 * draw their focus ring on it.
 */
export function hasVisibleFocus(element: Element): boolean {
  return (
    element.hasAttribute('data-focus-visible') ||
    element.closest('label')?.hasAttribute('data-focus-visible') === true
  );
}

/**
 * Whether a style rule of the page draws an outline on `element` for `state` (a selector
 * suffix such as ':focus-visible' or '[data-focus-visible]'), through one of its classes.
 */
export function hasOutlineRuleFor(element: Element, state: string): boolean {
  const rules = Array.from(document.styleSheets).flatMap(sheet =>
    Array.from(sheet.cssRules),
  ) as CSSStyleRule[];
  return rules.some(
    rule =>
      Array.from(element.classList).some(name =>
        rule.selectorText?.includes(`.${name}${state}`),
      ) && rule.style.outline !== '',
  );
}

/** Presses Tab until the control called `name` has the focus (the keyboard's only way there). */
export async function tabTo(
  user: KeyboardUser,
  name: RegExp | string,
): Promise<HTMLElement> {
  for (let presses = 0; presses < 25; presses += 1) {
    await user.tab();
    const focused = focusedName();
    if (typeof name === 'string' ? focused === name : name.test(focused)) {
      return document.activeElement as HTMLElement;
    }
  }
  throw new Error(`Tab never reached ${name}`);
}
