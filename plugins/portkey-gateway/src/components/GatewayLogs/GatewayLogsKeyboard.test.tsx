import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { GatewayLogsView } from '.';
import { LOG_ROW_HEIGHT } from './LogLines';
import {
  FakeLogsSource,
  testContainer as container,
  testPod as pod,
} from './__testUtils__/FakeLogsSource';
import {
  logViewportWithLayout,
  VIEW_HEIGHT,
} from './__testUtils__/logViewport';
import {
  focusedName,
  hasOutlineRuleFor,
  hasVisibleFocus,
  tabTo,
} from '../../__testUtils__/keyboard';

const pods = [
  pod('gw-abc', [container('gateway'), container('sidecar')]),
  pod('gw-def', [container('gateway')]),
];

async function renderView(source: FakeLogsSource) {
  renderInTestApp(<GatewayLogsView pods={pods} source={source} />);
  await waitFor(() => expect(source.follows).toHaveLength(1));
}

describe('GatewayLogsView with the keyboard', () => {
  it('reaches every control with Tab, in the order they are shown, with visible focus', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('a line');
    await screen.findByText('a line');

    const user = userEvent.setup();
    const reached: string[] = [];
    const withoutVisibleFocus: string[] = [];
    for (let step = 0; step < 11; step += 1) {
      await user.tab();
      const focused = document.activeElement!;
      if (focused === document.body) break;
      reached.push(focusedName());
      // The log region draws its own :focus-visible outline; the controls are react-aria's.
      const visible =
        focused.getAttribute('role') === 'region'
          ? hasOutlineRuleFor(focused, ':focus-visible')
          : hasVisibleFocus(focused);
      if (!visible) withoutVisibleFocus.push(focusedName());
    }
    expect(reached).toEqual([
      expect.stringMatching(/gw-abc.*Pod|Pod.*gw-abc/),
      expect.stringMatching(/gateway.*Container|Container.*gateway/),
      expect.stringMatching(/Lines/),
      expect.stringMatching(/Since/),
      'Follow',
      'Timestamps',
      'Wrap lines',
      'Search the log',
      // Previous/Next match are disabled without a search, so Tab skips them.
      'Download',
      'Log of gw-abc, container gateway',
    ]);
    expect(withoutVisibleFocus).toEqual([]);
  });

  it('picks another pod and container from the keyboard', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    const user = userEvent.setup();

    const podPicker = await tabTo(user, /Pod/);
    await user.keyboard('{Enter}');
    const otherPod = await screen.findByRole('option', { name: 'gw-def' });
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(otherPod).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(source.current.pod).toBe('gw-def'));
    // The list closes and the focus goes back to the picker.
    await waitFor(() => expect(podPicker).toHaveFocus());
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument();
    expect(focusedName()).toMatch(/gw-def/);

    await user.keyboard('{Enter}');
    const firstPod = await screen.findByRole('option', { name: 'gw-abc' });
    await user.keyboard('{ArrowUp}');
    await waitFor(() => expect(firstPod).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(source.current.pod).toBe('gw-abc'));
    await waitFor(() => expect(podPicker).toHaveFocus());

    await user.tab();
    expect(focusedName()).toMatch(/Container/);
    await user.keyboard('{Enter}');
    const sidecar = await screen.findByRole('option', { name: 'sidecar' });
    await user.keyboard('{ArrowDown}');
    await waitFor(() => expect(sidecar).toHaveFocus());
    await user.keyboard('{Enter}');
    await waitFor(() => expect(source.current.query.container).toBe('sidecar'));
  });

  it('switches follow, timestamps and wrap with Space, and reloads with Enter', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('2026-12-01T09:00:00Z a line');
    await screen.findByText('a line');
    const user = userEvent.setup();

    const follow = await tabTo(user, 'Follow');
    await user.keyboard(' ');
    expect(follow).not.toBeChecked();
    // Not following: the log is read once instead.
    await waitFor(() => expect(source.fetchLogs).toHaveBeenCalledTimes(1));
    expect(source.follows[0].signal.aborted).toBe(true);

    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('switch', { name: 'Timestamps' })).toBeChecked();
    await user.tab();
    await user.keyboard(' ');
    expect(screen.getByRole('switch', { name: 'Wrap lines' })).toBeChecked();

    // Reload is offered while not following, after Download.
    const reload = await tabTo(user, 'Reload');
    expect(hasVisibleFocus(reload)).toBe(true);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(source.fetchLogs).toHaveBeenCalledTimes(2));
  });

  it('searches, and steps through matches with Enter, Shift+Enter and the arrow buttons', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('error one', 'fine', 'error two', 'error three');
    await screen.findByText('fine');
    const user = userEvent.setup();

    await tabTo(user, 'Search the log');
    await user.keyboard('error');
    expect(await screen.findByText('3 matches')).toBeInTheDocument();
    await user.keyboard('{Enter}');
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
    await user.keyboard('{Shift>}{Enter}{/Shift}');
    expect(screen.getByText('3 of 3')).toBeInTheDocument();

    // With matches, the arrow buttons come next in the Tab order.
    await user.tab();
    expect(
      screen.getByRole('button', { name: 'Previous match' }),
    ).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByText('2 of 3')).toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Next match' })).toHaveFocus();
    expect(
      hasVisibleFocus(screen.getByRole('button', { name: 'Next match' })),
    ).toBe(true);
    await user.keyboard(' ');
    expect(screen.getByText('3 of 3')).toBeInTheDocument();
  });

  it('downloads with Enter', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('a line');
    await screen.findByText('a line');
    const createObjectURL = jest.fn(() => 'blob:log');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(() => {});
    const user = userEvent.setup();

    await tabTo(user, 'Download');
    await user.keyboard('{Enter}');
    expect(createObjectURL).toHaveBeenCalledTimes(1);
    expect(click).toHaveBeenCalledTimes(1);
    click.mockRestore();
  });

  it('pauses on arrow keys in the log, and resumes with Tab to the resume button or End', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    const region = logViewportWithLayout();
    source.push(...Array.from({ length: 100 }, (_, i) => `line ${i + 1}`));
    await screen.findByText('line 100');
    await waitFor(() =>
      expect(region.scrollTop).toBe(100 * LOG_ROW_HEIGHT - VIEW_HEIGHT),
    );
    const user = userEvent.setup();

    await tabTo(user, /^Log of /);
    // jsdom does not scroll on keys: do what the browser's PageUp does to the element.
    await user.keyboard('{PageUp}');
    region.scrollTop -= VIEW_HEIGHT;
    fireEvent.scroll(region);
    source.push('line 101');
    const resume = await screen.findByRole('button', {
      name: '1 new line — resume',
    });
    await user.tab();
    expect(resume).toHaveFocus();
    expect(hasVisibleFocus(resume)).toBe(true);
    await user.keyboard('{Enter}');
    expect(await screen.findByText('line 101')).toBeInTheDocument();
    expect(region.scrollTop).toBe(101 * LOG_ROW_HEIGHT - VIEW_HEIGHT);

    await user.tab({ shift: true });
    expect(region).toHaveFocus();
    region.scrollTop = 0;
    fireEvent.scroll(region);
    source.push('line 102');
    await screen.findByRole('button', { name: '1 new line — resume' });
    await user.keyboard('{End}');
    expect(await screen.findByText('line 102')).toBeInTheDocument();
    expect(region.scrollTop).toBe(102 * LOG_ROW_HEIGHT - VIEW_HEIGHT);
  });
});
