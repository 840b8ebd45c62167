import { memo, type KeyboardEvent } from 'react';
import {
  Button,
  ButtonIcon,
  Flex,
  SearchField,
  Select,
  Switch,
  Text,
} from '@backstage/ui';
import KeyboardArrowUpIcon from '@material-ui/icons/KeyboardArrowUp';
import KeyboardArrowDownIcon from '@material-ui/icons/KeyboardArrowDown';
import GetAppIcon from '@material-ui/icons/GetApp';
import RefreshIcon from '@material-ui/icons/Refresh';
import type { GatewayPodStatus } from '@portkey-gateway-backstage/plugin-portkey-gateway-common';
import type { LogStreamRequest } from '../../hooks/useLogStream';

/** What the user chose to read (undefined `sinceSeconds`: all of it) and how to show it. */
export type LogSelection = LogStreamRequest & {
  timestamps: boolean;
  wrap: boolean;
};

const SEARCH_STEPS = [
  {
    direction: -1,
    label: 'Previous match',
    icon: <KeyboardArrowUpIcon fontSize="small" />,
  },
  {
    direction: 1,
    label: 'Next match',
    icon: <KeyboardArrowDownIcon fontSize="small" />,
  },
] as const;

export const TAIL_LINE_CHOICES = [100, 500, 1000, 5000, 10000];

const ALL_TIME = 'all';
export const SINCE_CHOICES: { id: string; label: string; seconds?: number }[] =
  [
    { id: '300', label: 'Last 5 minutes', seconds: 300 },
    { id: '900', label: 'Last 15 minutes', seconds: 900 },
    { id: '3600', label: 'Last hour', seconds: 3600 },
    { id: '21600', label: 'Last 6 hours', seconds: 21600 },
    { id: '86400', label: 'Last day', seconds: 86400 },
    { id: '604800', label: 'Last 7 days', seconds: 604800 },
    { id: ALL_TIME, label: 'All' },
  ];

export type LogToolbarProps = {
  pods: GatewayPodStatus[];
  selection: LogSelection;
  onChange(change: Partial<LogSelection>): void;
  /** The chosen container restarted: its previous run's log exists. */
  canReadPrevious: boolean;
  searchQuery: string;
  onSearchQueryChange(query: string): void;
  /** "3 matches", "2 of 3", or empty. */
  matchText: string;
  hasMatches: boolean;
  onSearchStep(direction: 1 | -1): void;
  onDownload(): void;
  onReload(): void;
  canDownload: boolean;
};

/** Memoized: its props stay the same while lines stream in. */
export const LogToolbar = memo((props: LogToolbarProps) => {
  const {
    pods,
    selection,
    onChange,
    canReadPrevious,
    searchQuery,
    onSearchQueryChange,
    matchText,
    hasMatches,
    onSearchStep,
    onDownload,
    onReload,
    canDownload,
  } = props;
  const pod = pods.find(p => p.name === selection.pod);
  const following = selection.follow && !selection.previous;

  const onSearchKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      onSearchStep(event.shiftKey ? -1 : 1);
    }
  };

  return (
    <Flex direction="column" gap="3">
      <Flex gap="3" align="end" style={{ flexWrap: 'wrap' }}>
        <Select
          label="Pod"
          value={selection.pod}
          onChange={key => key && onChange({ pod: String(key) })}
          options={pods.map(p => ({ id: p.name, label: p.name }))}
        />
        <Select
          label="Container"
          value={selection.container}
          onChange={key => key && onChange({ container: String(key) })}
          options={(pod?.containers ?? []).map(c => ({
            id: c.name,
            label:
              c.restarts > 0 ? `${c.name} (${c.restarts} restarts)` : c.name,
          }))}
        />
        <Select
          label="Lines"
          value={String(selection.tailLines)}
          onChange={key => key && onChange({ tailLines: Number(key) })}
          options={TAIL_LINE_CHOICES.map(n => ({
            id: String(n),
            label: `Last ${n.toLocaleString('en-US')}`,
          }))}
        />
        <Select
          label="Since"
          value={
            selection.sinceSeconds === undefined
              ? ALL_TIME
              : String(selection.sinceSeconds)
          }
          onChange={key =>
            key &&
            onChange({
              sinceSeconds: SINCE_CHOICES.find(c => c.id === key)?.seconds,
            })
          }
          options={SINCE_CHOICES.map(({ id, label }) => ({ id, label }))}
        />
      </Flex>
      <Flex gap="4" align="center" style={{ flexWrap: 'wrap' }}>
        <Switch
          label="Follow"
          isSelected={following}
          isDisabled={selection.previous}
          onChange={follow => onChange({ follow })}
        />
        {canReadPrevious && (
          <Switch
            label="Previous container"
            isSelected={selection.previous}
            onChange={previous => onChange({ previous })}
          />
        )}
        <Switch
          label="Timestamps"
          isSelected={selection.timestamps}
          onChange={timestamps => onChange({ timestamps })}
        />
        <Switch
          label="Wrap lines"
          isSelected={selection.wrap}
          onChange={wrap => onChange({ wrap })}
        />
        <Flex gap="1" align="center">
          <SearchField
            aria-label="Search the log"
            placeholder="Search (Enter: next, Shift+Enter: previous)"
            size="small"
            value={searchQuery}
            onChange={onSearchQueryChange}
            onKeyDown={onSearchKeyDown}
          />
          <Text
            variant="body-small"
            aria-live="polite"
            style={{ minWidth: '8ch' }}
          >
            {matchText}
          </Text>
          {SEARCH_STEPS.map(({ direction, label, icon }) => (
            <ButtonIcon
              key={label}
              aria-label={label}
              size="small"
              variant="tertiary"
              icon={icon}
              isDisabled={!hasMatches}
              onPress={() => onSearchStep(direction)}
            />
          ))}
        </Flex>
        <Button
          size="small"
          variant="secondary"
          iconStart={<GetAppIcon fontSize="small" />}
          isDisabled={!canDownload}
          onPress={onDownload}
        >
          Download
        </Button>
        {!following && (
          <Button
            size="small"
            variant="secondary"
            iconStart={<RefreshIcon fontSize="small" />}
            onPress={onReload}
          >
            Reload
          </Button>
        )}
      </Flex>
    </Flex>
  );
});
