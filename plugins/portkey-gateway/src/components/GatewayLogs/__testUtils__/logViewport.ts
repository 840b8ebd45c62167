import { screen, within } from '@testing-library/react';

/** The height the tests give the log's scrollable region. */
export const VIEW_HEIGHT = 400;

/**
 * The log's scrollable region, with the size a browser would give it: jsdom lays out nothing,
 * so its client height is VIEW_HEIGHT and its scroll height that of the rendered list.
 */
export function logViewportWithLayout(): HTMLElement {
  const element = screen.getByRole('region', { name: /^Log of / });
  const list = within(element).getByRole('list');
  Object.defineProperty(element, 'clientHeight', {
    configurable: true,
    get: () => VIEW_HEIGHT,
  });
  Object.defineProperty(element, 'scrollHeight', {
    configurable: true,
    get: () => Math.max(parseFloat(list.style.height) || 0, VIEW_HEIGHT),
  });
  return element;
}
