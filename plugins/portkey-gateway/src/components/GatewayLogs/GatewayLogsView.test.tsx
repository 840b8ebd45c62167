import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderInTestApp } from '@backstage/frontend-test-utils';
import { GatewayLogsView } from '.';
import { GatewayLogsPanel } from './GatewayLogsView';
import { LOG_ROW_HEIGHT } from './LogLines';
import {
  FakeLogsSource,
  responseError,
  testContainer as container,
  testPod as pod,
} from './__testUtils__/FakeLogsSource';
import {
  logViewportWithLayout,
  VIEW_HEIGHT,
} from './__testUtils__/logViewport';

const gatewayPod = pod('gw-abc', [container('gateway'), container('sidecar')]);

/** The texts of the rows in the DOM (without the line numbers). */
function shownLines(): string[] {
  return screen
    .queryAllByRole('listitem')
    .map(row => row.lastElementChild?.textContent ?? '');
}

function lineRange(from: number, to: number, prefix = 'line') {
  return Array.from(
    { length: to - from + 1 },
    (_, i) => `${prefix} ${from + i}`,
  );
}

async function renderView(source: FakeLogsSource, pods = [gatewayPod]) {
  await renderInTestApp(<GatewayLogsView pods={pods} source={source} />);
  await waitFor(() => expect(source.follows).toHaveLength(1));
}

describe('GatewayLogsView', () => {
  it('follows the gateway container and appends lines as they come, timestamps hidden', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    expect(source.current.pod).toBe('gw-abc');
    expect(source.current.query).toEqual({
      container: 'gateway',
      tailLines: 500,
      sinceSeconds: undefined,
      timestamps: true,
    });

    source.push(
      '2026-12-01T09:00:00.1Z first',
      '2026-12-01T09:00:00.2Z second',
    );
    expect(await screen.findByText('second')).toBeInTheDocument();
    source.push('2026-12-01T09:00:01Z third');
    expect(await screen.findByText('third')).toBeInTheDocument();
    expect(shownLines()).toEqual(['first', 'second', 'third']);

    await userEvent.click(screen.getByRole('switch', { name: 'Timestamps' }));
    expect(shownLines()[0]).toBe('2026-12-01T09:00:00.1Z first');
    // Showing timestamps is a display choice: the stream is not restarted.
    expect(source.follows).toHaveLength(1);
  });

  it('keeps streaming, without restarting, when the tab is hidden and shown again', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('before');
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      value: 'hidden',
    });
    fireEvent(document, new Event('visibilitychange'));
    source.push('while hidden');
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      value: 'visible',
    });
    fireEvent(document, new Event('visibilitychange'));
    expect(await screen.findByText('while hidden')).toBeInTheDocument();
    expect(shownLines()).toEqual(['before', 'while hidden']);
    expect(source.follows).toHaveLength(1);
  });

  it('pauses when scrolled up, counts what arrives, and resumes at the end', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    const element = logViewportWithLayout();
    source.push(...lineRange(1, 100));
    await screen.findByText('line 100');
    // Following: the view is at the end.
    await waitFor(() =>
      expect(element.scrollTop).toBe(100 * LOG_ROW_HEIGHT - VIEW_HEIGHT),
    );

    element.scrollTop = 10 * LOG_ROW_HEIGHT;
    fireEvent.scroll(element);
    source.push(...lineRange(101, 105));
    const resume = await screen.findByRole('button', {
      name: '5 new lines — resume',
    });
    // The view stays where the user is: line 11 is still the first in view.
    expect(element.scrollTop).toBe(10 * LOG_ROW_HEIGHT);
    expect(shownLines()).not.toContain('line 105');

    await userEvent.click(resume);
    expect(await screen.findByText('line 105')).toBeInTheDocument();
    expect(element.scrollTop).toBe(105 * LOG_ROW_HEIGHT - VIEW_HEIGHT);
    expect(
      screen.queryByRole('button', { name: /resume/ }),
    ).not.toBeInTheDocument();

    // End resumes too.
    element.scrollTop = 0;
    fireEvent.scroll(element);
    source.push('line 106');
    await screen.findByRole('button', { name: '1 new line — resume' });
    fireEvent.keyDown(element, { key: 'End' });
    expect(await screen.findByText('line 106')).toBeInTheDocument();
    expect(element.scrollTop).toBe(106 * LOG_ROW_HEIGHT - VIEW_HEIGHT);
  });

  it('resumes a broken stream after the last line, each line shown once', async () => {
    const source = new FakeLogsSource();
    await renderInTestApp(
      <GatewayLogsPanel
        pods={[gatewayPod]}
        source={source}
        retryDelaysMs={[5, 5]}
      />,
    );
    await waitFor(() => expect(source.follows).toHaveLength(1));
    const now = Date.now();
    const at = (msAgo: number) => new Date(now - msAgo).toISOString();
    source.push(`${at(3000)} one`, `${at(2000)} two`, `${at(1000)} three`);
    await screen.findByText('three');

    await source.fail(new TypeError('network error'));
    await waitFor(() => expect(source.follows).toHaveLength(2));
    const resumed = source.current.query;
    expect(resumed.timestamps).toBe(true);
    expect(resumed.container).toBe('gateway');
    // The gap since "three" (1 s ago), with a margin, and never less.
    expect(resumed.sinceSeconds).toBeGreaterThanOrEqual(2);
    expect(resumed.sinceSeconds).toBeLessThan(60);

    // Kubernetes sends the overlap again, then what is new.
    source.push(`${at(2000)} two`, `${at(1000)} three`, `${at(500)} four`);
    expect(await screen.findByText('four')).toBeInTheDocument();
    expect(shownLines()).toEqual(['one', 'two', 'three', 'four']);
  });

  it('says so when a broken stream cannot be resumed, and keeps the lines', async () => {
    const source = new FakeLogsSource();
    await renderInTestApp(
      <GatewayLogsPanel
        pods={[gatewayPod]}
        source={source}
        retryDelaysMs={[5]}
      />,
    );
    await waitFor(() => expect(source.follows).toHaveLength(1));
    source.push('2026-12-01T09:00:00Z kept');
    await screen.findByText('kept');
    await source.fail(new TypeError('network error'));
    await waitFor(() => expect(source.follows).toHaveLength(2));
    await source.fail(new TypeError('network error again'));
    expect(
      await screen.findByText(
        /could not be resumed after 1 attempt: network error again/,
      ),
    ).toBeInTheDocument();
    expect(shownLines()).toEqual(['kept']);
    await userEvent.click(screen.getByRole('button', { name: 'Follow again' }));
    expect(source.follows).toHaveLength(3);
  });

  it("shows the backend's limit and end events as notices, not as log lines", async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('a line');
    await source.end(
      'limit',
      'This answer reached the 10 MB limit of one request.',
    );
    expect(
      await screen.findByText(
        'This answer reached the 10 MB limit of one request.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/stopped this stream at its size limit/),
    ).toBeInTheDocument();
    expect(shownLines()).toEqual(['a line']);
  });

  it('searches case-insensitively, counts, highlights and steps with Enter and Shift+Enter', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push(
      'GET /v1/chat ok',
      'upstream Error: timeout',
      'retry',
      'error again, ERROR twice',
    );
    await screen.findByText('retry');

    const field = screen.getByRole('searchbox', { name: 'Search the log' });
    await userEvent.type(field, 'error');
    expect(await screen.findByText('3 matches')).toBeInTheDocument();
    expect(document.querySelectorAll('mark')).toHaveLength(3);

    await userEvent.keyboard('{Enter}');
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
    expect(
      document.querySelector('mark[aria-current="true"]'),
    ).toHaveTextContent('Error');
    await userEvent.keyboard('{Enter}');
    expect(screen.getByText('2 of 3')).toBeInTheDocument();
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    await userEvent.keyboard('{Shift>}{Enter}{/Shift}');
    // Wraps around from the first to the last.
    expect(screen.getByText('3 of 3')).toBeInTheDocument();
    expect(
      document.querySelector('mark[aria-current="true"]'),
    ).toHaveTextContent('ERROR');
    await userEvent.click(screen.getByRole('button', { name: 'Next match' }));
    expect(screen.getByText('1 of 3')).toBeInTheDocument();
  });

  it('downloads the buffer as a .log file named after pod and container', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('2026-12-01T09:00:00Z first', '2026-12-01T09:00:01Z second');
    await screen.findByText('second');

    let saved: Blob | undefined;
    let savedAs = '';
    const createObjectURL = jest.fn((blob: Blob) => {
      saved = blob;
      return 'blob:log';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const click = jest
      .spyOn(HTMLAnchorElement.prototype, 'click')
      .mockImplementation(function record(this: HTMLAnchorElement) {
        savedAs = this.download;
      });

    await userEvent.click(screen.getByRole('button', { name: 'Download' }));
    expect(savedAs).toBe('gw-abc-gateway.log');
    expect(await saved!.text()).toBe('first\nsecond\n');
    click.mockRestore();
  });

  it('toggles wrapping of long lines', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push(`long ${'x'.repeat(500)}`);
    await screen.findByText(/^long x+$/);
    const row = () => screen.getAllByRole('listitem')[0];
    expect(getComputedStyle(row()).whiteSpace).toBe('pre');
    await userEvent.click(screen.getByRole('switch', { name: 'Wrap lines' }));
    expect(getComputedStyle(row()).whiteSpace).toBe('pre-wrap');
    await userEvent.click(screen.getByRole('switch', { name: 'Wrap lines' }));
    expect(getComputedStyle(row()).whiteSpace).toBe('pre');
  });

  it('drops the oldest lines beyond the cap and says how many', async () => {
    const source = new FakeLogsSource();
    await renderInTestApp(
      <GatewayLogsPanel pods={[gatewayPod]} source={source} maxLines={100} />,
    );
    await waitFor(() => expect(source.follows).toHaveLength(1));
    source.push(...lineRange(1, 130));
    expect(
      await screen.findByText(
        'Only the newest 100 lines are kept: 30 older lines were dropped.',
      ),
    ).toBeInTheDocument();
    const element = logViewportWithLayout();
    element.scrollTop = 0;
    fireEvent.scroll(element);
    await waitFor(() => expect(shownLines()[0]).toBe('line 31'));
  });

  it("shows the backend's 403 message in place of the log, the controls stay", async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    await source.fail(
      await responseError(
        403,
        'Missing permission portkey.gateway.logs.read for component:default/x',
      ),
    );
    expect(
      await screen.findByText(
        'Missing permission portkey.gateway.logs.read for component:default/x',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText("You may not read this gateway's logs"),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Its status is still shown to you/),
    ).toBeInTheDocument();
    // Trying again cannot help: no Retry is offered.
    expect(
      screen.queryByRole('button', { name: 'Retry' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('region', { name: /^Log of / }),
    ).not.toBeInTheDocument();
    expect(screen.getByRole('switch', { name: 'Follow' })).toBeInTheDocument();
    // Refused: not retried as if the network had broken.
    expect(source.follows).toHaveLength(1);
  });

  it('shows 404 and 503 messages too', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    await source.fail(
      await responseError(
        503,
        'Cluster "prod" cannot be reached: connect ECONNREFUSED',
      ),
    );
    expect(
      await screen.findByText(
        'Cluster "prod" cannot be reached: connect ECONNREFUSED',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('The cluster cannot be reached'),
    ).toBeInTheDocument();

    await userEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(source.follows).toHaveLength(2));
    await source.fail(
      await responseError(
        404,
        'No gateway pod "gw-abc" with container "gateway"',
      ),
    );
    expect(
      await screen.findByText(
        'No gateway pod "gw-abc" with container "gateway"',
      ),
    ).toBeInTheDocument();
  });

  it('notes that the portal redacted values, with the count of lines', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push(
      'Authorization: Bearer [REDACTED]',
      'plain',
      '{"api-key":"[REDACTED]"}',
    );
    expect(
      await screen.findByText(
        '2 lines contain [REDACTED]: secret-looking values are replaced with [REDACTED] by the portal.',
      ),
    ).toBeInTheDocument();
  });

  it('offers the previous container only when it restarted, and reads it once', async () => {
    const source = new FakeLogsSource();
    const { unmount } = await renderInTestApp(
      <GatewayLogsView pods={[gatewayPod]} source={source} />,
    );
    await waitFor(() => expect(source.follows).toHaveLength(1));
    expect(
      screen.queryByRole('switch', { name: 'Previous container' }),
    ).not.toBeInTheDocument();
    unmount();

    const restarted = new FakeLogsSource();
    restarted.fetchLogs.mockResolvedValue(
      '2026-12-01T08:00:00Z before the crash\n[portkey-gateway] The stream from Kubernetes broke off.\n',
    );
    await renderView(restarted, [pod('gw-crash', [container('gateway', 3)])]);
    await userEvent.click(
      screen.getByRole('switch', { name: 'Previous container' }),
    );
    expect(await screen.findByText('before the crash')).toBeInTheDocument();
    expect(restarted.fetchLogs).toHaveBeenCalledWith(
      'gw-crash',
      expect.objectContaining({
        container: 'gateway',
        previous: true,
        timestamps: true,
      }),
      expect.anything(),
    );
    // The closing note is a notice, not a line.
    expect(
      screen.getByText('The stream from Kubernetes broke off.'),
    ).toBeInTheDocument();
    expect(shownLines()).toEqual(['before the crash']);
    // Kubernetes cannot follow a previous container: no new stream, follow is off.
    expect(restarted.follows).toHaveLength(1);
    expect(screen.getByRole('switch', { name: 'Follow' })).toBeDisabled();
  });

  it('renders only a window of rows for 10,000 lines, at the end while following', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push(...lineRange(1, 10_000));
    expect(await screen.findByText('line 10000')).toBeInTheDocument();
    const rows = screen.getAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(VIEW_HEIGHT / LOG_ROW_HEIGHT);
    expect(rows.length).toBeLessThan(100);
    expect(shownLines()).not.toContain('line 1');
  });

  it('follows another container when one is picked, from a fresh buffer', async () => {
    const source = new FakeLogsSource();
    await renderView(source);
    source.push('from the gateway');
    await screen.findByText('from the gateway');

    await userEvent.click(screen.getByRole('button', { name: /Container/ }));
    await userEvent.click(
      await screen.findByRole('option', { name: 'sidecar' }),
    );
    await waitFor(() => expect(source.follows).toHaveLength(2));
    expect(source.follows[0].signal.aborted).toBe(true);
    expect(source.current.query.container).toBe('sidecar');
    source.push('from the sidecar');
    expect(await screen.findByText('from the sidecar')).toBeInTheDocument();
    expect(shownLines()).toEqual(['from the sidecar']);
    // Numbered from 1 again: it is another log.
    expect(
      screen.getAllByRole('listitem')[0].firstElementChild?.textContent,
    ).toBe('1');
  });

  it('says when there are no pods', async () => {
    await renderInTestApp(
      <GatewayLogsView pods={[]} source={new FakeLogsSource()} />,
    );
    expect(screen.getByText('No pods to read logs from')).toBeInTheDocument();
  });
});
